package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;

/**
 * Issue 17, item 6: the statement budgets the benchmarks depend on, counted by PostgreSQL itself
 * ({@code pg_stat_statements}, loaded by the test database: ICR_PG_STAT_STATEMENTS=on in the
 * integration-tests pom), as HAPI FHIR guards its query counts. Only the statements of the
 * application's role in the application's database are counted, top level, per statement text;
 * the audit sealer's {@code select audit_seal_pending($1)}, which runs every second on its own, is
 * left out. The counts are read once they have been still for a second, so that the asynchronous
 * audit writes (their own transactions) are in, and counted apart. A failure lists every statement
 * with its calls.
 */
@ExtendWith(ArquillianExtension.class)
class StatementBudgetIT {

    private static final String GP = "sys.riverside-gp";
    private static final String GP_PASSWORD = "Source-demo-gp-1";

    /**
     * Issue 17's target for a record page request: one access-facts statement (profile, person, the
     * decision's facts in one query). Before item 2 each {@code CareRecord} call read 12.
     */
    static final int FACTS_PER_PAGE = 1;

    /**
     * The page's own item reads ({@code ItemQuery}), as measured at issue 17's start: the summary
     * page reads the counts and the summary; the medications page the counts, the alert strip, the
     * current medications and the page of items. (The access facts were then 12 statements per
     * {@code CareRecord} call: 12 on the summary page, 36 on the medications page, which makes 3
     * calls.)
     */
    static final int SUMMARY_ITEM_READS = 2;

    static final int MEDICATIONS_ITEM_READS = 4;

    /**
     * A select of the person the banner shows apart from the facts: none. The banner's person (name,
     * birth date, NHS Number, address, GP practice name) is read by the one facts statement (issue
     * 17, closing); before, EclipseLink selected it by id once per page, one statement more.
     */
    static final int BANNER_READS = 0;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void directory() throws Exception {
        TestEnvironment.seedDirectory();
        Counts.prepare();
    }

    @Test
    void aSingleItemMessageIsThreeStatementsAndOneCommit() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        TestEnvironment.postPerson(person(nhsNumber));
        // Not the first message of the source for this person: the measured one is an ordinary one.
        submit(nhsNumber, "warm-up");

        Counts.reset();
        Soap.Response r = submit(nhsNumber, "budget");
        Counts counts = Counts.settled();

        assertEquals("ACCEPTED", r.element("outcome"), r::toString);
        Counts work = counts.without(Counts::transactionControl);
        assertEquals(3, work.total(), () -> "a single-item SubmitItems: 3 statements and 1 commit\n" + counts);
        assertEquals(1, work.matching(q -> q.contains("from source_system s join organisation o")), counts::toString);
        assertEquals(1, work.matching(q -> q.startsWith("insert into record_item")), counts::toString);
        assertEquals(
                1,
                work.matching(q -> q.startsWith("with m as (insert into inbound_message")
                        && q.contains("insert into audit_event")),
                counts::toString);
        // One commit: the three rows the message wrote carry one transaction id (xmin), and they are
        // there, so it committed. (pg_stat_statements counts pgjdbc's BEGIN but, measured here, not
        // its COMMIT; and the sealer begins a transaction every second, so neither is counted.)
        String messageId = lastMessageId;
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(distinct x) from (select m.xmin::text x from inbound_message m where m.message_id = ?"
                                + " union all select i.xmin::text from record_item i join inbound_message m"
                                + " on m.id = i.inbound_message_id where m.message_id = ?"
                                + " union all select e.xmin::text from audit_event e join inbound_message m"
                                + " on e.detail like '%(inbox ' || m.id || ')%' where m.message_id = ?) t",
                        messageId, messageId, messageId),
                () -> "the message's inbox row, item and audit event in one transaction\n" + counts);
        assertEquals(
                3,
                TestEnvironment.count(
                        "select (select count(*) from inbound_message m where m.message_id = ?)"
                                + " + (select count(*) from record_item i join inbound_message m"
                                + " on m.id = i.inbound_message_id where m.message_id = ?)"
                                + " + (select count(*) from audit_event e join inbound_message m"
                                + " on e.detail like '%(inbox ' || m.id || ')%' where m.message_id = ?)",
                        messageId, messageId, messageId),
                "the message stored: its inbox row, its item and its audit event");
    }

    @Test
    void aRecordPageReadsTheAccessFactsOnceAndThenItsItems() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        long personId = TestEnvironment.postPerson(person(nhsNumber));
        submit(nhsNumber, "record");
        try (Browser browser = new Browser()) {
            browser.signIn("gp.hart", "Clinician-demo-1");
            browser.waitFor(By.id("active-profile"));
            browser.open("record/reason.xhtml?person=" + personId);
            browser.waitFor(By.xpath("//label[text()='Ongoing care relationship']"))
                    .click();
            browser.driver.findElement(By.id("reason:open")).click();
            browser.waitFor(By.id("access-reason"));
            String session = browser.driver.manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));

            Page summary = page(session, "record/view.xhtml?person=" + personId);
            Page medications = page(session, "record/view.xhtml?person=" + personId + "&category=MEDICATIONS");

            String measured = "summary: " + summary.facts() + " facts statements, " + summary.banner()
                    + " banner, " + summary.itemReads()
                    + " item reads, " + summary.total() + " in all; medications: " + medications.facts()
                    + " facts statements, " + medications.banner() + " banner, " + medications.itemReads()
                    + " item reads, " + medications.total()
                    + " in all (audit writes apart: " + summary.audit() + " and " + medications.audit()
                    + ")\nsummary page:\n" + summary.counts + "medications page:\n" + medications.counts;
            System.out.println("StatementBudgetIT, record page: " + measured);
            assertEquals(FACTS_PER_PAGE, summary.facts(), () -> "access-facts statements, summary page\n" + measured);
            assertEquals(
                    FACTS_PER_PAGE,
                    medications.facts(),
                    () -> "access-facts statements, medications page\n" + measured);
            assertEquals(BANNER_READS, summary.banner(), () -> "the banner's person, summary page\n" + measured);
            assertEquals(
                    BANNER_READS, medications.banner(), () -> "the banner's person, medications page\n" + measured);
            assertEquals(
                    FACTS_PER_PAGE + BANNER_READS + SUMMARY_ITEM_READS,
                    summary.total(),
                    () -> "summary page\n" + measured);
            assertEquals(
                    FACTS_PER_PAGE + BANNER_READS + MEDICATIONS_ITEM_READS,
                    medications.total(),
                    () -> "medications page\n" + measured);
        }
    }

    /**
     * Issue 19, item 3: the care relationship rules cost the reason step one statement more
     * ({@code AccessFacts.RELATIONSHIPS}: every rule, the reader's organisation's name and, per item
     * rule, the newest items of the reader's organisation in the rule's window). Before it the step
     * read 3: the access facts, then the banner's person by EclipseLink and its GP practice's
     * organisation by ODS code; the banner now comes from the facts statement, as the record
     * page's does, so the step reads 2.
     */
    static final int REASON_STEP_RELATIONSHIP_READS = 1;

    static final int REASON_STEP_BANNER_READS = 0;

    @Test
    void theReasonStepReadsTheFactsTheBannerAndTheCareRelationshipsOnceEach() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        long personId = TestEnvironment.postPerson(person(nhsNumber));
        submit(nhsNumber, "reason-step");
        try (Browser browser = new Browser()) {
            browser.signIn("gp.hart", "Clinician-demo-1");
            browser.waitFor(By.id("active-profile"));
            String session = browser.driver.manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            // Once before the count, so that nothing the first showing does once per session is counted.
            page(session, "record/reason.xhtml?person=" + personId);
            Page step = page(session, "record/reason.xhtml?person=" + personId);
            long relationships =
                    step.counts.without(Page::auditOrControl).matching(q -> q.contains("care_relationship_rule"));
            String measured = "reason step: " + step.total() + " statements (" + relationships
                    + " care relationships, " + step.banner() + " banner), audit writes apart: " + step.audit()
                    + "\n" + step.counts;
            System.out.println("StatementBudgetIT, " + measured);
            assertEquals(REASON_STEP_RELATIONSHIP_READS, relationships, () -> measured);
            assertEquals(REASON_STEP_BANNER_READS, step.banner(), () -> measured);
            assertEquals(
                    FACTS_PER_PAGE + REASON_STEP_BANNER_READS + REASON_STEP_RELATIONSHIP_READS,
                    step.total(),
                    () -> measured);
        }
    }

    /** One GET of a record page in the signed-in session, with PostgreSQL's counts for it alone. */
    private static Page page(String session, String relative) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(TestEnvironment.baseUrl().resolve(relative))
                .timeout(Duration.ofSeconds(60))
                .header("Cookie", session)
                .GET()
                .build();
        Counts.reset();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        Counts counts = Counts.settled();
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains("patient-banner"), response::body);
        return new Page(counts);
    }

    /**
     * A record page's statements in three kinds: the audit writes (inserts into audit_event, with the
     * access-pattern check, and into privacy_alert, and BEGIN), the item reads (every statement that reads record_item:
     * {@code ItemQuery}) the banner's person, and the rest, the facts the access decision is made of (role profile, person,
     * declaration, matrix, seal breaks, organisations).
     */
    record Page(Counts counts) {

        private static final java.util.regex.Pattern ITEM_TABLE =
                java.util.regex.Pattern.compile("(?i)\\b(from|join)\\s+record_item\\b");

        long audit() {
            return counts.matching(Page::auditOrControl);
        }

        long itemReads() {
            return counts.without(Page::auditOrControl).matching(Page::readsItems);
        }

        long facts() {
            return counts.without(Page::auditOrControl).matching(q -> !readsItems(q) && !readsBanner(q));
        }

        long banner() {
            return counts.without(Page::auditOrControl).matching(Page::readsBanner);
        }

        /**
         * The person's demographics for the banner: EclipseLink's select of one person by id, with its
         * GP practice joined in the same statement since issue 18 (the practice shown by name).
         */
        private static boolean readsBanner(String q) {
            return (q.startsWith("SELECT ID, address_lines") && q.endsWith("FROM person WHERE (ID = $1)"))
                    || (q.startsWith("SELECT t1.ID, t1.address_lines")
                            && q.endsWith("FROM person t1 LEFT OUTER JOIN organisation t0"
                                    + " ON (t0.ods_code = t1.gp_practice_ods) WHERE (t1.ID = $1)"));
        }

        long total() {
            return counts.without(Page::auditOrControl).total();
        }

        /** Reads the table record_item (not merely a column named record_item_id, as seal_break has). */
        private static boolean readsItems(String q) {
            return ITEM_TABLE.matcher(q).find();
        }

        private static boolean auditOrControl(String q) {
            return q.contains("insert into audit_event")
                    || q.startsWith("insert into privacy_alert")
                    || Counts.transactionControl(q);
        }
    }

    /** The calls of each statement text the application's role ran since the last reset. */
    static final class Counts {

        /** The audit sealer's statement (every second, whatever the request): left out of every count. */
        private static final String SEALER = "select audit_seal_pending(";

        private final Map<String, Long> calls;

        private Counts(Map<String, Long> calls) {
            this.calls = calls;
        }

        /**
         * The PostgreSQL JDBC driver's own look-ups of type information in {@code pg_catalog}
         * (e.g. {@code select t.typlen from pg_catalog.pg_type ...}), made once per physical
         * connection and cached there: whether a page meets one depends on which pooled
         * connection it got, not on the application, so they are left out of every count.
         */
        static boolean driverCatalogLookup(String query) {
            String q = query.toLowerCase();
            return q.contains(" from pg_catalog.pg_type") && !q.contains("record_item");
        }

        static boolean transactionControl(String query) {
            String q = query.trim().toLowerCase();
            return q.equals("begin") || q.equals("commit") || q.equals("rollback");
        }

        /**
         * Creates the extension in the maintenance database {@code postgres} (its view reports every
         * database's statements; nothing is added to the application's schema), or fails saying why.
         */
        static void prepare() throws SQLException {
            try (Connection c = statistics()) {
                try (ResultSet rs = c.createStatement().executeQuery("show shared_preload_libraries")) {
                    rs.next();
                    assertTrue(
                            rs.getString(1).contains("pg_stat_statements"),
                            "The test database must load pg_stat_statements (ICR_PG_STAT_STATEMENTS=on, set in the"
                                    + " integration-tests pom); a database kept running from before (-Dicr.keep=true)"
                                    + " must be restarted. shared_preload_libraries = " + rs.getString(1));
                }
                c.createStatement().execute("create extension if not exists pg_stat_statements");
            }
        }

        static void reset() throws SQLException {
            try (Connection c = statistics()) {
                c.createStatement().execute("select pg_stat_statements_reset()");
            }
        }

        /** The counts once they have not changed for a second (10 s at most). */
        static Counts settled() throws Exception {
            Counts last = read();
            long stillSince = System.nanoTime();
            long deadline = stillSince + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() - stillSince < Duration.ofSeconds(1).toNanos()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("The statement counts did not settle within 10 s:\n" + last);
                }
                Thread.sleep(200);
                Counts now = read();
                // BEGIN is left out: the sealer begins a transaction every second.
                if (!now.without(Counts::transactionControl)
                        .calls
                        .equals(last.without(Counts::transactionControl).calls)) {
                    last = now;
                    stillSince = System.nanoTime();
                }
            }
            return last;
        }

        private static Counts read() throws SQLException {
            Map<String, Long> calls = new TreeMap<>();
            try (Connection c = statistics();
                    PreparedStatement ps = c.prepareStatement("select s.query, s.calls from pg_stat_statements s"
                            + " where s.toplevel and s.userid = (select oid from pg_roles where rolname = ?)"
                            + " and s.dbid = (select oid from pg_database where datname = ?)")) {
                ps.setString(1, TestEnvironment.applicationUser());
                ps.setString(2, databaseName());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String query = rs.getString(1).replaceAll("\\s+", " ").trim();
                        if (!query.startsWith(SEALER) && !driverCatalogLookup(query)) {
                            calls.merge(query, rs.getLong(2), Long::sum);
                        }
                    }
                }
            }
            return new Counts(calls);
        }

        Counts without(Predicate<String> left) {
            Map<String, Long> kept = new TreeMap<>(calls);
            kept.keySet().removeIf(left);
            return new Counts(kept);
        }

        long matching(Predicate<String> which) {
            return calls.entrySet().stream()
                    .filter(e -> which.test(e.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        long total() {
            return matching(q -> true);
        }

        @Override
        public String toString() {
            List<String> lines = new ArrayList<>();
            calls.forEach((query, n) -> lines.add("  " + n + " × " + query));
            return String.join("\n", lines) + "\n";
        }

        private static Connection statistics() throws SQLException {
            String url = TestEnvironment.databaseUrl();
            return DriverManager.getConnection(
                    url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                    "postgres",
                    TestEnvironment.superuserPassword());
        }

        private static String databaseName() {
            String url = TestEnvironment.databaseUrl();
            String name = url.substring(url.lastIndexOf('/') + 1);
            int query = name.indexOf('?');
            return query < 0 ? name : name.substring(0, query);
        }
    }

    private static String lastMessageId;

    private static Soap.Response submit(String nhsNumber, String prefix) throws Exception {
        String messageId = prefix + "-" + System.nanoTime();
        lastMessageId = messageId;
        String envelope = ItemIngestionSoapIT.batch(
                messageId,
                "<icr:nhsNumber>" + nhsNumber + "</icr:nhsNumber>",
                ItemIngestionSoapIT.medication(messageId, 1, "budget"));
        Soap.Response r = Soap.post(TestEnvironment.ingestionUrl(), "SubmitItems", envelope, GP, GP_PASSWORD);
        assertEquals(200, r.status(), r::toString);
        return r;
    }

    private static DemoPerson person(String nhsNumber) {
        return new DemoPerson(
                nhsNumber,
                "Ms",
                "Budget",
                "COUNTER",
                LocalDate.of(1961, 6, 1),
                "female",
                "2 Road",
                "Bristol",
                "BS1 1AB",
                null,
                "Y90001",
                false);
    }
}
