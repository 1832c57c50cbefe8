package org.openicr.record.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.openicr.access.entity.ReadScope;
import org.openicr.record.entity.DocumentContent;
import org.openicr.record.entity.RecordDocument;
import org.openicr.record.entity.RecordItem;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.ItemDetail;

/**
 * Reads a person's items within a {@link ReadScope}: the access rules are part of the SQL (never a
 * filter after loading), so counts and pages are right and nothing outside the scope is read.
 * Withdrawn items never show.
 */
@Dependent
public class ItemQuery {

    /**
     * One JSON-P provider for every read: {@code Json.createReader} looks the provider up with a
     * ServiceLoader scan of the EAR's class path on every call, which cost more CPU than the whole
     * rest of a record page (measured with thread samples on the one-million-person region).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    /**
     * Public for the test that runs the access decision's visibility table against these queries
     * on PostgreSQL (integration-tests' VisibilityRuleIT); the server injects the data source.
     */
    public ItemQuery() {}

    public ItemQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One page of a category, newest first. */
    public List<RecordItem> page(long personId, Category category, ReadScope scope, int first, int max) {
        if (!scope.itemCategories().contains(category)) {
            return List.of();
        }
        return list(pageStatement(personId, category, scope, first, max));
    }

    /**
     * A statement of this class with its parameters in order, as it runs it. Public, with
     * {@link #pageStatement} and {@link #countsStatement}, for the load driver's raw PostgreSQL
     * figures (tools/load-driver RawSql), which run these very statements, never a copy.
     */
    public record Statement(String sql, List<Object> values) {

        public Statement {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }

        /** Binds the parameters to {@code ps} (arrays made on {@code c}). */
        public void bind(Connection c, PreparedStatement ps) throws SQLException {
            new Where(sql, values).bind(c, ps, 1);
        }
    }

    /**
     * The item page's statement ({@link #page}): the items of one category the scope lists, newest
     * first, {@code max} from {@code first}, withheld content nulled by the query.
     */
    public static Statement pageStatement(long personId, Category category, ReadScope scope, int first, int max) {
        Where where = where(personId, Set.of(category), scope);
        List<Object> values = new ArrayList<>(withheld(scope).values());
        values.addAll(where.values());
        values.add(max);
        values.add(first);
        return new Statement(
                "select " + COLUMNS + FROM + where.sql
                        + " order by i.effective_at desc nulls last, i.id desc limit ? offset ?",
                values);
    }

    /** The counts' statement ({@link #counts}): the items the scope lists, counted per category. */
    public static Statement countsStatement(long personId, ReadScope scope) {
        Where where = where(personId, scope.itemCategories(), scope);
        return new Statement(
                "select i.category, count(*) as items from record_item i" + where.sql + " group by i.category",
                where.values());
    }

    /** How many items each permitted category holds, in one grouped query. */
    public Map<Category, Long> counts(long personId, ReadScope scope) {
        Map<Category, Long> counts = new EnumMap<>(Category.class);
        if (scope.itemCategories().isEmpty()) {
            return counts;
        }
        Statement statement = countsStatement(personId, scope);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(statement.sql())) {
            statement.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(Category.valueOf(rs.getString("category")), rs.getLong("items"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item count failed", e);
        }
        return counts;
    }

    /**
     * The visibility rule's "withheld" half, the one place it is written: a SEALED item recorded by
     * another organisation whose seal this reader has not broken (or whose break lapsed) is listed
     * with its dates and source only. Its parameters are the reader's organisation and the ids of
     * the seals they broke ({@link #withheld(ReadScope)} binds them). The other half, what is not
     * listed at all, is {@link #where}.
     */
    static final String WITHHELD = "i.sensitivity = 'SEALED' and i.organisation_id <> ? and not (i.id = any(?))";

    /** Items {@code i} with their source {@code o} and {@code w.withheld}, the rule above per item. */
    private static final String FROM = " from record_item i join organisation o on o.id = i.organisation_id"
            + " cross join lateral (select " + WITHHELD + " as withheld) w";

    /**
     * An item's columns; a withheld item's content is left out by the query itself, so it never
     * reaches this JVM, and {@code withheld} says so.
     */
    private static final String COLUMNS = "i.id, i.category, i.effective_at, i.effective_end,"
            + " case when w.withheld then null else i.status end as status,"
            + " case when w.withheld then null else i.display end as display,"
            + " case when w.withheld then null else i.code_system end as code_system,"
            + " case when w.withheld then null else i.code end as code,"
            + " case when w.withheld then null else i.text end as text,"
            + " case when w.withheld then null else i.details::text end as details,"
            + " o.name as organisation_name, w.withheld";

    /**
     * The summary in one query: for each section, its newest (current) items, each category read
     * through the index on (person, category, date) and stopped at the section's limit.
     */
    public Map<Category, List<RecordItem>> summary(long personId, ReadScope scope, List<SummarySection> sections) {
        List<SummarySection> permitted = sections.stream()
                .filter(s -> scope.itemCategories().contains(s.category()))
                .toList();
        Map<Category, List<RecordItem>> result = new EnumMap<>(Category.class);
        if (permitted.isEmpty()) {
            return result;
        }
        permitted.forEach(s -> result.put(s.category(), new ArrayList<>()));
        Where where =
                where(personId, permitted.stream().map(SummarySection::category).collect(Collectors.toSet()), scope);
        String sql = "select x.* from unnest(?::varchar[], ?::int[], ?::boolean[]) as s(cat, lim, current_only)"
                + " cross join lateral (select " + COLUMNS + FROM + where.sql
                + " and i.category = s.cat and (not s.current_only or i.status is null"
                + " or lower(i.status) <> all(?))"
                + " order by i.effective_at desc nulls last, i.id desc limit s.lim) x";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(
                    1,
                    c.createArrayOf(
                            "varchar",
                            permitted.stream().map(s -> s.category().name()).toArray()));
            ps.setArray(
                    2,
                    c.createArrayOf(
                            "integer",
                            permitted.stream().map(SummarySection::limit).toArray()));
            ps.setArray(
                    3,
                    c.createArrayOf(
                            "boolean",
                            permitted.stream().map(SummarySection::currentOnly).toArray()));
            int next = where.bind(c, ps, withheld(scope).bind(c, ps, 4));
            ps.setArray(next, c.createArrayOf("varchar", SummarySection.CLOSED_STATUSES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.get(Category.valueOf(rs.getString("category"))).add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Summary query failed", e);
        }
        return result;
    }

    /** One page across several categories (the encounter timeline), newest first. */
    public List<RecordItem> page(long personId, Set<Category> categories, ReadScope scope, int first, int max) {
        Set<Category> permitted =
                categories.stream().filter(scope.itemCategories()::contains).collect(Collectors.toSet());
        if (permitted.isEmpty()) {
            return List.of();
        }
        Where where = where(personId, permitted, scope);
        String sql = "select " + COLUMNS + FROM + where.sql
                + " order by i.effective_at desc nulls last, i.id desc limit ? offset ?";
        return list(sql, where, scope, max, first);
    }

    /**
     * One item of a category by its id, read with the scope as a page is ({@link #where}, withheld
     * content nulled by the query): empty when the scope does not list it (FHIR read, issue 20).
     */
    public Optional<RecordItem> one(long personId, Category category, ReadScope scope, long itemId) {
        if (!scope.itemCategories().contains(category)) {
            return Optional.empty();
        }
        Where where = where(personId, Set.of(category), scope);
        List<Object> values = new ArrayList<>(withheld(scope).values());
        values.addAll(where.values());
        values.add(itemId);
        return list(new Statement("select " + COLUMNS + FROM + where.sql + " and i.id = ?", values)).stream()
                .findFirst();
    }

    /**
     * The FHIR API's search filters (issue 20, docs/fhir.md), each a half-open interval of instants
     * {@code [from, before)} (either end null: open), on the item's effective date and on when it last
     * changed in the record ({@code record_item.updated_at}); {@code none} when a filter can match no
     * item (a category value the resources never carry): the read then answers nothing without a
     * query. An item with no effective date matches no date filter.
     */
    public record Filter(
            Instant effectiveFrom, Instant effectiveBefore, Instant updatedFrom, Instant updatedBefore, boolean none) {

        public static final Filter ALL = new Filter(null, null, null, null, false);

        boolean filtersEffective() {
            return effectiveFrom != null || effectiveBefore != null;
        }
    }

    /**
     * Where a page starts: after the item with this sort key (the page's order is effective date newest
     * first, items without a date last, then id descending), so that an item inserted while a reader pages
     * neither repeats nor skips an item of the later pages (keyset paging).
     */
    public record After(Instant effectiveAt, long itemId) {}

    /**
     * One page of the items of {@code categories} the scope lists and the filter keeps, in the page's
     * order, at most {@code max} after {@code after} (null: from the start); the filters and the
     * position are part of the SQL, never applied after the read.
     */
    public List<RecordItem> search(
            long personId, Set<Category> categories, ReadScope scope, Filter filter, After after, int max) {
        Set<Category> permitted = permitted(categories, scope);
        if (permitted.isEmpty() || filter.none()) {
            return List.of();
        }
        return list(searchStatement(personId, permitted, scope, filter, after, max));
    }

    /** How many items of {@code categories} the scope lists and the filter keeps (a Bundle's total). */
    public long count(long personId, Set<Category> categories, ReadScope scope, Filter filter) {
        Set<Category> permitted = permitted(categories, scope);
        if (permitted.isEmpty() || filter.none()) {
            return 0;
        }
        Where where = filtered(where(personId, permitted, scope), filter);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from record_item i" + where.sql)) {
            where.bind(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item count failed", e);
        }
    }

    private static Set<Category> permitted(Set<Category> categories, ReadScope scope) {
        return categories.stream().filter(scope.itemCategories()::contains).collect(Collectors.toSet());
    }

    /**
     * The statement of {@link #search}; public like {@link #pageStatement} so that a benchmark can run
     * this very statement for PostgreSQL's own cost (issue 20's benchmark; not written yet).
     */
    public static Statement searchStatement(
            long personId, Set<Category> categories, ReadScope scope, Filter filter, After after, int max) {
        Where where = filtered(where(personId, categories, scope), filter);
        StringBuilder sql = new StringBuilder(where.sql);
        List<Object> values = new ArrayList<>(withheld(scope).values());
        values.addAll(where.values());
        if (after != null) {
            if (after.effectiveAt() == null) {
                // after an item without a date: only the undated items of lower id are left
                sql.append(" and i.effective_at is null and i.id < ?");
                values.add(after.itemId());
            } else {
                Timestamp at = Timestamp.from(after.effectiveAt());
                sql.append(" and (i.effective_at < ? or (i.effective_at = ? and i.id < ?) or i.effective_at is null)");
                values.add(at);
                values.add(at);
                values.add(after.itemId());
            }
        }
        values.add(max);
        return new Statement(
                "select " + COLUMNS + FROM + sql + " order by i.effective_at desc nulls last, i.id desc limit ?",
                values);
    }

    /** {@code where} with the filter's intervals added, as parameters. */
    static Where filtered(Where where, Filter filter) {
        StringBuilder sql = new StringBuilder(where.sql);
        List<Object> values = new ArrayList<>(where.values);
        if (filter.effectiveFrom() != null) {
            sql.append(" and i.effective_at >= ?");
            values.add(Timestamp.from(filter.effectiveFrom()));
        }
        if (filter.effectiveBefore() != null) {
            sql.append(" and i.effective_at < ?");
            values.add(Timestamp.from(filter.effectiveBefore()));
        }
        if (filter.updatedFrom() != null) {
            sql.append(" and i.updated_at >= ?");
            values.add(Timestamp.from(filter.updatedFrom()));
        }
        if (filter.updatedBefore() != null) {
            sql.append(" and i.updated_at < ?");
            values.add(Timestamp.from(filter.updatedBefore()));
        }
        return new Where(sql.toString(), values);
    }

    /** Whose record an item is in (a number, nothing of its content), for a read that names the item only. */
    public Optional<Long> personOf(long itemId, Category category) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select person_id from record_item where id = ? and category = ? and withdrawn_at is null")) {
            ps.setLong(1, itemId);
            ps.setString(2, category.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item lookup failed", e);
        }
    }

    /**
     * When each of {@code ids} (items of the person a scoped read already returned) last changed and
     * the ODS code of its source organisation: the FHIR API's {@code meta} (issue 20). Reads nothing
     * but these two columns of these rows.
     */
    public Map<Long, ItemProvenance> provenance(long personId, List<Long> ids) {
        Map<Long, ItemProvenance> provenance = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return provenance;
        }
        String sql = "select i.id, i.updated_at, o.ods_code from record_item i join organisation o on o.id ="
                + " i.organisation_id where i.person_id = ? and i.id = any(?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, personId);
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp updated = rs.getTimestamp("updated_at");
                    provenance.put(
                            rs.getLong("id"),
                            new ItemProvenance(updated == null ? null : updated.toInstant(), rs.getString("ods_code")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item provenance failed", e);
        }
        return provenance;
    }

    /** When an item last changed and its source organisation's ODS code. */
    public record ItemProvenance(Instant updatedAt, String odsCode) {}

    /** Every result of one test, oldest first, for its trend. */
    public List<RecordItem> series(long personId, ReadScope scope, String codeSystem, String code, int max) {
        if (!scope.itemCategories().contains(Category.RESULTS)) {
            return List.of();
        }
        Where where = where(personId, Set.of(Category.RESULTS), scope);
        String sql = "select * from (select " + COLUMNS + FROM + where.sql
                + " and i.code_system = ? and i.code = ? order by i.effective_at desc nulls last, i.id desc"
                + " limit ?) x order by x.effective_at nulls first, x.id";
        List<Object> values = new ArrayList<>(where.values);
        values.add(codeSystem);
        values.add(code);
        return list(sql, new Where(where.sql, values), scope, max);
    }

    /**
     * A document's content, only when the item is in the scope and its content is not withheld:
     * a document of a hidden category, withdrawn, sealed for the reader or of another person is
     * never read.
     */
    public Optional<RecordDocument> document(long personId, ReadScope scope, long itemId) {
        if (!scope.itemCategories().contains(Category.DOCUMENTS)) {
            return Optional.empty();
        }
        Where where = where(personId, Set.of(Category.DOCUMENTS), scope);
        // A withheld document (sealed elsewhere, its seal not broken by this reader) is not read at all.
        String sql = "select d.content_type, d.data, coalesce(i.display, i.text) as title"
                + " from record_item i join document_content d on d.item_id = i.id"
                + " cross join lateral (select " + WITHHELD + " as withheld) w" + where.sql
                + " and i.id = ? and not w.withheld";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            int next = where.bind(c, ps, withheld(scope).bind(c, ps, 1));
            ps.setLong(next, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RecordDocument(
                        itemId,
                        rs.getString("title"),
                        new DocumentContent(rs.getString("content_type"), rs.getBytes("data"))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Document query failed", e);
        }
    }

    /**
     * One item as the scope lists it: its category, date, source and whether it is withheld; empty
     * when the scope does not list it (another person's, withdrawn, hidden or no such item). For the
     * seal page and the seal break, so that they answer exactly as the lists do.
     */
    public Optional<Listed> listed(long personId, ReadScope scope, long itemId) {
        if (scope.itemCategories().isEmpty()) {
            return Optional.empty();
        }
        Where where = where(personId, scope.itemCategories(), scope);
        String sql = "select i.category, i.effective_at, o.name as organisation_name, w.withheld" + FROM + where.sql
                + " and i.id = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            int next = where.bind(c, ps, withheld(scope).bind(c, ps, 1));
            ps.setLong(next, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Listed(
                        itemId,
                        Category.valueOf(rs.getString("category")),
                        instant(rs.getTimestamp("effective_at")),
                        rs.getString("organisation_name"),
                        rs.getBoolean("withheld")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item lookup failed", e);
        }
    }

    /** An item the scope lists, without its content. */
    public record Listed(
            long id, Category category, Instant effectiveAt, String sourceOrganisation, boolean withheld) {}

    private List<RecordItem> list(Statement statement) {
        List<RecordItem> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(statement.sql())) {
            statement.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item query failed", e);
        }
        return items;
    }

    private List<RecordItem> list(String sql, Where where, ReadScope scope, int... trailing) {
        List<RecordItem> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            int next = where.bind(c, ps, withheld(scope).bind(c, ps, 1));
            for (int value : trailing) {
                ps.setInt(next++, value);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item query failed", e);
        }
        return items;
    }

    /** A row of {@link #COLUMNS}: its content, or only its dates and source when the query withheld it. */
    private static RecordItem row(ResultSet rs) throws SQLException {
        return rs.getBoolean("withheld") ? withheld(rs) : visible(rs);
    }

    /** The parameters of {@link #WITHHELD}: the reader's organisation and the seals they broke. */
    static Where withheld(ReadScope scope) {
        return new Where(
                WITHHELD,
                List.of(scope.actorOrganisationId(), scope.sealBrokenItemIds().toArray(Long[]::new)));
    }

    /**
     * The visibility rule's "hidden" half as SQL: what is not listed at all (categories the role may
     * not see, inactive sources, social care of a council refused consent, sealed-and-locked items
     * of other organisations). With {@link #WITHHELD} it is the rule every read applies;
     * {@code AccessDecision.visibility} is the same rule as a table, and VisibilityRuleIT runs that
     * table against these queries on PostgreSQL.
     */
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

    private static RecordItem visible(ResultSet rs) throws SQLException {
        String display = rs.getString("display");
        String text = rs.getString("text");
        return new RecordItem(
                rs.getLong("id"),
                Category.valueOf(rs.getString("category")),
                instant(rs.getTimestamp("effective_at")),
                instant(rs.getTimestamp("effective_end")),
                rs.getString("status"),
                display != null ? display : text,
                concept(rs.getString("code_system"), rs.getString("code"), display),
                display != null ? text : null,
                details(rs.getString("details")),
                rs.getString("organisation_name"),
                false);
    }

    private static RecordItem withheld(ResultSet rs) throws SQLException {
        return RecordItem.withheld(
                rs.getLong("id"),
                Category.valueOf(rs.getString("category")),
                instant(rs.getTimestamp("effective_at")),
                instant(rs.getTimestamp("effective_end")),
                rs.getString("organisation_name"));
    }

    /**
     * The stored code as a concept. Ingestion stores only valid concepts; a row written around it
     * (a bulk load) whose code is not one shows without a code rather than failing the page.
     */
    static CodedConcept concept(String system, String code, String display) {
        if (system == null || code == null) {
            return null;
        }
        try {
            return CodeSystem.lookup(system)
                    .map(s -> new CodedConcept(s, code, display))
                    .orElse(null);
        } catch (IcrException notAConcept) {
            return null;
        }
    }

    /** The details in the order the database holds them; a name the record does not know is left out. */
    static Map<ItemDetail, String> details(String json) {
        if (json == null) {
            return Map.of();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            Map<ItemDetail, String> details = new LinkedHashMap<>();
            for (Map.Entry<String, jakarta.json.JsonValue> e : object.entrySet()) {
                if (e.getValue() instanceof JsonString value) {
                    ItemDetail.lookup(e.getKey()).ifPresent(d -> details.putIfAbsent(d, value.getString()));
                }
            }
            return Collections.unmodifiableMap(details);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
