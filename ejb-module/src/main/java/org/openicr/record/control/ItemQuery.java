package org.openicr.record.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.openicr.access.entity.ReadScope;
import org.openicr.record.boundary.ItemView;
import org.openicr.record.entity.Category;

/**
 * Reads a person's items within a {@link ReadScope}: the access rules are part of the SQL (never a
 * filter after loading), so counts and pages are right and nothing outside the scope is read.
 * Withdrawn items never show.
 */
@Dependent
public class ItemQuery {

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    /** One page of a category, newest first. */
    public List<ItemView> page(long personId, Category category, ReadScope scope, int first, int max) {
        if (!scope.itemCategories().contains(category)) {
            return List.of();
        }
        Where where = where(personId, Set.of(category), scope);
        // A sealed item from elsewhere whose seal this reader has not broken is "withheld": the
        // query itself leaves its content out, so it never reaches this JVM.
        String sql = "select i.id, i.category, i.effective_at, i.effective_end,"
                + " case when w.withheld then null else i.status end,"
                + " case when w.withheld then null else i.display end,"
                + " case when w.withheld then null else i.code_system end,"
                + " case when w.withheld then null else i.code end,"
                + " case when w.withheld then null else i.text end,"
                + " case when w.withheld then null else i.details::text end, o.name, w.withheld"
                + " from record_item i join organisation o on o.id = i.organisation_id"
                + " cross join lateral (select i.sensitivity = 'SEALED' and i.organisation_id <> ?"
                + " and not (i.id = any(?)) as withheld) w" + where.sql
                + " order by i.effective_at desc nulls last, i.id desc limit ? offset ?";
        List<ItemView> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, scope.actorOrganisationId());
            ps.setArray(2, c.createArrayOf("bigint", scope.sealBrokenItemIds().toArray(Long[]::new)));
            int next = where.bind(c, ps, 3);
            ps.setInt(next, max);
            ps.setInt(next + 1, first);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(rs.getBoolean(12) ? withheld(rs) : visible(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item query failed", e);
        }
        return items;
    }

    /** How many items each permitted category holds, in one grouped query. */
    public Map<Category, Long> counts(long personId, ReadScope scope) {
        Map<Category, Long> counts = new EnumMap<>(Category.class);
        if (scope.itemCategories().isEmpty()) {
            return counts;
        }
        Where where = where(personId, scope.itemCategories(), scope);
        String sql = "select i.category, count(*) from record_item i" + where.sql + " group by i.category";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            where.bind(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(Category.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item count failed", e);
        }
        return counts;
    }

    /** The scope as SQL: categories, inactive sources, social care consent, sealed-and-locked. */
    static Where where(long personId, Set<Category> categories, ReadScope scope) {
        // One category is compared with "=", not "= any(?)": only then does PostgreSQL read a page of it
        // straight from record_item_person_category in the page's order (V12), instead of sorting all of
        // the person's items of that category (docs/benchmarks.md, region section).
        boolean one = categories.size() == 1;
        StringBuilder sql = new StringBuilder(
                " where i.person_id = ? and i.withdrawn_at is null and i.category " + (one ? "= ?" : "= any(?)"));
        List<Object> values = new ArrayList<>();
        values.add(personId);
        if (one) {
            values.add(categories.iterator().next().name());
        } else {
            values.add(categories.stream().map(Enum::name).toArray(String[]::new));
        }
        if (!scope.excludedSourceOrganisationIds().isEmpty()) {
            sql.append(" and i.organisation_id <> all(?)");
            values.add(scope.excludedSourceOrganisationIds().toArray(Long[]::new));
        }
        if (!scope.socialCareExcludedCouncilIds().isEmpty()) {
            sql.append(" and not (i.category = 'SOCIAL_CARE' and i.organisation_id = any(?))");
            values.add(scope.socialCareExcludedCouncilIds().toArray(Long[]::new));
        }
        sql.append(" and (i.sensitivity <> 'SEALED_LOCKED' or i.organisation_id = ?)");
        values.add(scope.actorOrganisationId());
        return new Where(sql.toString(), values);
    }

    record Where(String sql, List<Object> values) {
        /** Binds the values; arrays are made on {@code c}, not on ps.getConnection(), which a cached statement may hold closed. */
        int bind(Connection c, PreparedStatement ps, int from) throws SQLException {
            int index = from;
            for (Object value : values) {
                if (value instanceof String[] texts) {
                    ps.setArray(index++, c.createArrayOf("varchar", texts));
                } else if (value instanceof Long[] ids) {
                    ps.setArray(index++, c.createArrayOf("bigint", ids));
                } else {
                    ps.setObject(index++, value);
                }
            }
            return index;
        }
    }

    private static ItemView visible(ResultSet rs) throws SQLException {
        String display = rs.getString(6);
        String text = rs.getString(9);
        String system = rs.getString(7);
        return new ItemView(
                rs.getLong(1),
                rs.getString(2),
                instant(rs.getTimestamp(3)),
                instant(rs.getTimestamp(4)),
                rs.getString(5),
                display != null ? display : text,
                system == null ? null : system + " " + rs.getString(8),
                display != null ? text : null,
                details(rs.getString(10)),
                rs.getString(11),
                false);
    }

    private static ItemView withheld(ResultSet rs) throws SQLException {
        return new ItemView(
                rs.getLong(1),
                rs.getString(2),
                instant(rs.getTimestamp(3)),
                instant(rs.getTimestamp(4)),
                null,
                "Withheld by the source",
                null,
                null,
                Map.of(),
                rs.getString(11),
                true);
    }

    private static Map<String, String> details(String json) {
        if (json == null) {
            return Map.of();
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            return object.entrySet().stream()
                    .filter(e -> e.getValue() instanceof JsonString)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey,
                            e -> ((JsonString) e.getValue()).getString(),
                            (a, b) -> a,
                            LinkedHashMap::new));
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
