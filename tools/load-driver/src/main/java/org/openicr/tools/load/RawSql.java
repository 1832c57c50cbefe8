package org.openicr.tools.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.openicr.access.control.AccessFacts;
import org.openicr.access.entity.ReadScope;
import org.openicr.record.control.ItemQuery;
import org.openicr.vocabulary.Category;

/**
 * The raw PostgreSQL cost of the data access behind each web and ingestion benchmark: the same SQL
 * statements the application issues for one page view or one search (captured with
 * {@code log_min_duration_statement = 0} on the demo system: ItemQuery, AccessFacts and the Person
 * queries; ItemQuery's and AccessFacts' statements are imported from the EJB module, never copied), run over JDBC from one connection, one unit of work after another,
 * with every row read. Its p50/p95 beside the server's figure shows what the application adds
 * (HTTP, JSF rendering, JPA, the access decision in Java, the audit row). The audit row and the
 * other writes are not in the read scenarios (the audit overhead benchmark covers them); the
 * ingestion scenarios write item rows with one commit per message and delete them afterwards.
 */
public final class RawSql {

    /** One statement of a unit of work; {@code bind} sets its parameters for iteration i. */
    public record Step(String sql, Binder bind) {}

    @FunctionalInterface
    public interface Binder {
        void bind(Connection c, PreparedStatement ps, int iteration) throws SQLException;
    }

    /** The ids a scenario needs: who reads, in which role, and which organisations are inactive. */
    public record Reader(
            long accountId, long roleProfileId, String rbacRole, long organisationId, List<String> categories) {}

    /**
     * The item categories in the order of the application's {@link Category} enum (the record page
     * opens the first permitted), taken from the enum itself so that a change to it reaches the benchmark.
     */
    public static final List<String> CATEGORY_ORDER = Arrays.stream(Category.values())
            .filter(Category::isItemCategory)
            .map(Category::name)
            .toList();

    private RawSql() {}

    /** The viewer's account, role profile and permitted item categories, found by username. */
    public static Reader reader(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select a.id, p.id, p.rbac_role_code, p.organisation_id"
                + " from user_account a join role_profile p on p.user_account_id = a.id"
                + " where a.username = ? and p.active order by p.id limit 1")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no active role profile for " + username);
                }
                long account = rs.getLong(1);
                long profile = rs.getLong(2);
                String role = rs.getString(3);
                long org = rs.getLong(4);
                List<String> permitted = new ArrayList<>();
                try (PreparedStatement cats =
                        c.prepareStatement("select category from role_category where rbac_role_code = ?")) {
                    cats.setString(1, role);
                    try (ResultSet r = cats.executeQuery()) {
                        while (r.next()) {
                            permitted.add(r.getString(1));
                        }
                    }
                }
                List<String> categories =
                        CATEGORY_ORDER.stream().filter(permitted::contains).toList();
                return new Reader(account, profile, role, org, categories);
            }
        }
    }

    /*
     * The statements below are those PostgreSQL logged (log_min_duration_statement = 0) for one record
     * page view and one search of each kind on the demo system, in the same order and with the same
     * text where it matters for the plan. The access facts (AccessFacts.READING) and the item
     * reads (ItemQuery's statements) are the server's own, imported, never copied; the people are
     * EclipseLink's selects.
     */

    /** PatientFinder's reading of the caller's profile: AccessFacts.READING with no person. */
    static Step profileFacts(Reader reader) {
        return new Step(AccessFacts.READING, (c, ps, i) -> {
            ps.setLong(1, reader.roleProfileId());
            ps.setObject(2, null, java.sql.Types.BIGINT);
        });
    }

    static final String PERSON_COLUMNS = "ID, address_lines, created_at, date_of_birth, date_of_death, family_name,"
            + " GENDER, given_names, gp_practice_ods, merged_into_id, nhs_number, opted_out, PHONE, POSTCODE,"
            + " RESTRICTED, TITLE, updated_at, updated_by_source_id, VERSION";

    /**
     * AccessFacts.reading: everything the record decision needs, in the one statement the server
     * runs once per request (RecordReadings), imported from the server's code, never copied.
     */
    static List<Step> accessChecks(Reader reader, IntFunction<Long> person) {
        return List.of(new Step(AccessFacts.READING, (c, ps, i) -> {
            ps.setLong(1, reader.roleProfileId());
            ps.setLong(2, person.apply(i));
        }));
    }

    /**
     * The reader's scope as the access decision gives it for an ordinary record (no inactive
     * organisation, no refused social care consent, no seal broken): the scope the item
     * statements below are made for.
     */
    static ReadScope scope(Reader reader) {
        return new ReadScope(
                reader.categories().stream().map(Category::valueOf).collect(Collectors.toSet()),
                reader.organisationId(),
                Set.of(),
                Set.of(),
                Set.of(),
                false);
    }

    /**
     * The counts of every permitted category (the summary's one grouped query): ItemQuery's own
     * statement ({@link ItemQuery#countsStatement}), imported from the server's code, never copied.
     */
    static Step counts(Reader reader, IntFunction<Long> person) {
        ReadScope scope = scope(reader);
        return new Step(
                ItemQuery.countsStatement(0, scope).sql(),
                (c, ps, i) -> ItemQuery.countsStatement(person.apply(i), scope).bind(c, ps));
    }

    /**
     * The first page (25 rows, newest first) of one category: ItemQuery's own statement
     * ({@link ItemQuery#pageStatement}, withheld content nulled by the query), never a copy.
     */
    static Step page(Reader reader, IntFunction<Long> person, IntFunction<String> category) {
        ReadScope scope = scope(reader);
        return new Step(
                ItemQuery.pageStatement(0, Category.PROBLEMS, scope, 0, 25).sql(),
                (c, ps, i) -> ItemQuery.pageStatement(
                                person.apply(i), Category.valueOf(category.apply(i)), scope, 0, 25)
                        .bind(c, ps));
    }

    /**
     * One record page view (CareRecord.open, then CareRecord.items for the page's table): the facts
     * once per request, the counts and the page.
     * The server also writes an audit row and commits after each of the two (not repeated here: the
     * audit trail is append-only, and the commit cost is in the ingestion rows' raw figure).
     */
    public static List<Step> recordView(Reader reader, IntFunction<Long> person) {
        String first =
                reader.categories().isEmpty() ? "PROBLEMS" : reader.categories().get(0);
        return categoryView(reader, person, i -> first);
    }

    /** One category view: as the record view, with the first page of that category. */
    public static List<Step> categoryView(Reader reader, IntFunction<Long> person, IntFunction<String> category) {
        List<Step> steps = new ArrayList<>(accessChecks(reader, person));
        steps.add(counts(reader, person));
        steps.add(page(reader, person, category));
        return steps;
    }

    /** PatientFinder.byNhsNumber: the caller's profile facts (one statement), then the person by NHS Number. */
    public static List<Step> searchByNhsNumber(Reader reader, IntFunction<String> nhsNumber) {
        List<Step> steps = new ArrayList<>();
        steps.add(profileFacts(reader));
        steps.add(new Step(
                "SELECT " + PERSON_COLUMNS + " FROM person WHERE (nhs_number = ?)",
                (c, ps, i) -> ps.setString(1, nhsNumber.apply(i))));
        return steps;
    }

    /** PatientFinder.byFamilyNameAndBirthDate: the people, then the caller's profile facts (one statement). */
    public static List<Step> searchByNameAndBirthDate(
            Reader reader, IntFunction<String> familyName, IntFunction<LocalDate> dateOfBirth) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                "SELECT " + PERSON_COLUMNS + " FROM person WHERE (((LOWER(family_name) = ?) AND (date_of_birth = ?))"
                        + " AND (merged_into_id IS NULL)) ORDER BY given_names, ID LIMIT ? OFFSET ?",
                (c, ps, i) -> {
                    ps.setString(1, familyName.apply(i).toLowerCase(java.util.Locale.ROOT));
                    ps.setObject(2, dateOfBirth.apply(i));
                    ps.setInt(3, 51);
                    ps.setInt(4, 0);
                }));
        steps.add(profileFacts(reader));
        return steps;
    }

    /** Item rows written as one ingestion message does: {@code items} rows, one statement, one commit. */
    public static List<Step> ingest(
            long sourceSystemId, long organisationId, List<Long> people, String runId, String phase, int items) {
        String sql = "insert into record_item (person_id, source_system_id, organisation_id, source_key, category,"
                + " version, status, effective_at, recorded_at, code_system, code, display, details)"
                + " select p, ?, ?, k, 'PROBLEMS', 1, 'active', ?, ?, 'SNOMED', '38341003', 'Hypertension',"
                + " '{}'::jsonb from unnest(?::bigint[], ?::varchar[]) as t(p, k)"
                + " on conflict (source_system_id, source_key) do nothing";
        return List.of(new Step(sql, (c, ps, i) -> {
            Long[] persons = new Long[items];
            String[] keys = new String[items];
            for (int n = 0; n < items; n++) {
                persons[n] = people.get((i * items + n) % people.size());
                keys[n] = rawKeyPrefix(runId) + phase + "-" + i + "-" + n;
            }
            Timestamp now = Timestamp.from(Instant.now());
            ps.setLong(1, sourceSystemId);
            ps.setLong(2, organisationId);
            ps.setTimestamp(3, now);
            ps.setTimestamp(4, now);
            Array p = c.createArrayOf("bigint", persons);
            Array k = c.createArrayOf("varchar", keys);
            ps.setArray(5, p);
            ps.setArray(6, k);
        }));
    }

    public static String rawKeyPrefix(String runId) {
        return "raw-" + runId + "-";
    }

    /** Deletes the rows the ingestion scenarios wrote. */
    public static int deleteRawItems(Connection c, long sourceSystemId, String runId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("delete from record_item where source_system_id = ? and source_key like ?")) {
            ps.setLong(1, sourceSystemId);
            ps.setString(2, rawKeyPrefix(runId) + "%");
            return ps.executeUpdate();
        }
    }

    /**
     * Runs the unit of work {@code warmup} times unmeasured, then {@code iterations} times, each in
     * its own transaction (autocommit for a single statement); answers the times in ascending order.
     */
    public static long[] measure(Connection c, List<Step> steps, int warmup, int iterations) throws SQLException {
        List<PreparedStatement> statements = new ArrayList<>();
        try {
            for (Step s : steps) {
                statements.add(c.prepareStatement(s.sql()));
            }
            boolean single = steps.size() == 1;
            c.setAutoCommit(single);
            Latencies times = new Latencies();
            for (int i = 0; i < warmup + iterations; i++) {
                long t0 = System.nanoTime();
                for (int s = 0; s < steps.size(); s++) {
                    PreparedStatement ps = statements.get(s);
                    steps.get(s).bind().bind(c, ps, i);
                    if (ps.execute()) {
                        try (ResultSet rs = ps.getResultSet()) {
                            int columns = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                for (int col = 1; col <= columns; col++) {
                                    rs.getObject(col);
                                }
                            }
                        }
                    }
                }
                if (!single) {
                    c.commit();
                }
                if (i >= warmup) {
                    times.add(System.nanoTime() - t0);
                }
            }
            c.setAutoCommit(true);
            return times.sorted();
        } finally {
            for (PreparedStatement ps : statements) {
                ps.close();
            }
        }
    }
}
