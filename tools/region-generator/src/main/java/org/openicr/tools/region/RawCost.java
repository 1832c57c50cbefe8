package org.openicr.tools.region;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The raw PostgreSQL cost of the record's data access on a loaded region, measured with the SQL the
 * application runs (PatientFinder's named queries as EclipseLink sends them, ItemQuery's page and
 * counts): each query many times with different people. "First read" is the client-side time over
 * JDBC (round trip included) of the first query for that person, so mostly not in PostgreSQL's buffers
 * (the OS page cache may hold it); "repeat" is the server's execution time from EXPLAIN ANALYZE of the
 * same query right after, in shared buffers. One plan of each is printed. These are the figures the
 * benchmark suite prints beside the application's.
 */
public final class RawCost {

    static final String PERSON_COLUMNS = "id, nhs_number, title, given_names, family_name, date_of_birth,"
            + " date_of_death, gender, address_lines, postcode, phone, gp_practice_ods, restricted, merged_into_id,"
            + " opted_out, version";

    static final String BY_NHS = "select " + PERSON_COLUMNS + " from person where nhs_number = ?";

    static final String BY_NAME_AND_BIRTH = "select " + PERSON_COLUMNS + " from person where lower(family_name) = ?"
            + " and date_of_birth = ? and merged_into_id is null order by given_names, id limit 51";

    static final String BY_PREFIX_AND_POSTCODE = "select " + PERSON_COLUMNS + " from person where lower(family_name)"
            + " like ? and replace(upper(postcode), ' ', '') = ? and merged_into_id is null"
            + " order by family_name, given_names, id limit 51";

    /** ItemQuery.page for one category, a clinician's scope (nothing excluded), first page of 50. */
    static final String PAGE = "select i.id, i.category, i.effective_at, i.effective_end, i.status, i.display,"
            + " i.code_system, i.code, i.text, i.details::text, o.name, i.sensitivity, i.organisation_id"
            + " from record_item i join organisation o on o.id = i.organisation_id where i.person_id = ?"
            + " and i.withdrawn_at is null and i.category = ? and (i.sensitivity <> 'SEALED_LOCKED' or"
            + " i.organisation_id = ?) order by i.effective_at desc nulls last, i.id desc limit 50 offset 0";

    /** The same page as ItemQuery wrote it before V12 (category = any(?)). */
    static final String PAGE_ANY = PAGE.replace("i.category = ?", "i.category = any(?)");

    /** ItemQuery.counts: every category of the person in one grouped query. */
    static final String COUNTS = "select i.category, count(*) from record_item i where i.person_id = ?"
            + " and i.withdrawn_at is null and i.category = any(?) and (i.sensitivity <> 'SEALED_LOCKED' or"
            + " i.organisation_id = ?) group by i.category";

    /** Every item of one category of the person (the whole category, no page). */
    static final String WHOLE_CATEGORY = PAGE.replace(" limit 50 offset 0", "");

    interface Binder {
        void bind(PreparedStatement ps, int run) throws SQLException;
    }

    private final Connection c;
    private final PrintStream out;
    private final int runs;
    private final List<String> plans = new ArrayList<>();

    RawCost(Connection c, PrintStream out, int runs) {
        this.c = c;
        this.out = out;
        this.runs = runs;
    }

    public static void run(String url, String user, String password, Path heavyFile, int runs, PrintStream out)
            throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            new RawCost(c, out, runs).measure(heavyFile);
        }
    }

    void measure(Path heavyFile) throws Exception {
        List<String[]> sample = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select nhs_number, lower(family_name), date_of_birth,"
                        + " replace(upper(postcode), ' ', '') from person tablesample system (1) repeatable (7)"
                        + " where postcode is not null limit 1000")) {
            while (rs.next()) {
                sample.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        List<long[]> heavy = new ArrayList<>();
        for (String line : Files.readAllLines(heavyFile)
                .subList(1, Files.readAllLines(heavyFile).size())) {
            String[] f = line.split(",");
            heavy.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
        }
        long people = single("select count(*) from person");
        long items = single("select count(*) from record_item");
        long actorOrg = single("select id from organisation where ods_code = 'Y90001'");
        out.printf(
                "Raw PostgreSQL cost on %,d people and %,d items (%s); %d runs each, different people%n%n",
                people, items, single("select version()") == 0 ? "" : text("select version()"), runs);
        out.println("| data access (the application's SQL) | first read, median ms | first read, p95 ms |"
                + " repeat, server execution median ms |");
        out.println("|---|---|---|---|");
        String[] categories =
                Arrays.stream(RegionCategory.values()).map(Enum::name).toArray(String[]::new);
        time("person by NHS Number", BY_NHS, (ps, i) -> ps.setString(1, sample.get(i % sample.size())[0]));
        time("person by family name + date of birth", BY_NAME_AND_BIRTH, (ps, i) -> {
            String[] s = sample.get(i % sample.size());
            ps.setString(1, s[1]);
            ps.setObject(2, java.time.LocalDate.parse(s[2]));
        });
        time("person by name prefix (3 letters) + postcode", BY_PREFIX_AND_POSTCODE, (ps, i) -> {
            String[] s = sample.get(i % sample.size());
            ps.setString(1, s[1].substring(0, Math.min(3, s[1].length())) + "%");
            ps.setString(2, s[3]);
        });
        time("2,000+ item person: counts per category", COUNTS, (ps, i) -> {
            ps.setLong(1, heavy.get(i % heavy.size())[0]);
            ps.setArray(2, c.createArrayOf("varchar", categories));
            ps.setLong(3, actorOrg);
        });
        time("2,000+ item person: first page (50) of RESULTS", PAGE, (ps, i) -> {
            ps.setLong(1, heavy.get(i % heavy.size())[0]);
            ps.setString(2, "RESULTS");
            ps.setLong(3, actorOrg);
        });
        time("same, category = any(?) as before V12", PAGE_ANY, (ps, i) -> {
            ps.setLong(1, heavy.get(i % heavy.size())[0]);
            ps.setArray(2, c.createArrayOf("varchar", new String[] {"RESULTS"}));
            ps.setLong(3, actorOrg);
        });
        time("2,000+ item person: first page of each category (12)", PAGE, (ps, i) -> {
            ps.setLong(1, heavy.get(i / categories.length % heavy.size())[0]);
            ps.setString(2, categories[i % categories.length]);
            ps.setLong(3, actorOrg);
        });
        time("2,000+ item person: a whole category (all its items)", WHOLE_CATEGORY, (ps, i) -> {
            ps.setLong(1, heavy.get(i / categories.length % heavy.size())[0]);
            ps.setString(2, categories[i % categories.length]);
            ps.setLong(3, actorOrg);
        });
        out.println();
        out.println("Plans (one run each, EXPLAIN (ANALYZE, BUFFERS)):");
        plans.forEach(out::println);
    }

    private void time(String label, String sql, Binder binder) throws SQLException {
        double[] client = new double[runs];
        double[] server = new double[runs];
        try (PreparedStatement ps = c.prepareStatement(sql);
                PreparedStatement explain = c.prepareStatement("explain (analyze, buffers) " + sql)) {
            for (int i = 0; i < Math.min(20, runs); i++) {
                binder.bind(ps, runs + i);
                drain(ps);
            }
            for (int i = 0; i < runs; i++) {
                binder.bind(ps, i);
                long t0 = System.nanoTime();
                drain(ps);
                client[i] = (System.nanoTime() - t0) / 1e6;
                binder.bind(explain, i);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        String line = rs.getString(1);
                        plan.append("    ").append(line).append('\n');
                        if (line.startsWith("Execution Time:")) {
                            server[i] = Double.parseDouble(line.replaceAll("[^0-9.]", ""));
                        }
                    }
                }
                if (i == 0) {
                    plans.add("  " + label + ":\n" + plan);
                }
            }
        }
        Arrays.sort(client);
        Arrays.sort(server);
        out.printf(
                "| %s | %.2f | %.2f | %.2f |%n",
                label, client[runs / 2], client[(int) (runs * 0.95)], server[runs / 2]);
    }

    private static void drain(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    private long single(String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            Object o = rs.getObject(1);
            return o instanceof Number n ? n.longValue() : 1;
        }
    }

    private String text(String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
