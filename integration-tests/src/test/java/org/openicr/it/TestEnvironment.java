package org.openicr.it;

import java.io.File;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.openicr.tools.demo.DemoRegion;

/**
 * Where the black-box tests find the system under test: the EAR this build made, the test domain's
 * URL and the test database (all passed by failsafe as system properties).
 */
final class TestEnvironment {

    private static boolean seeded;

    private TestEnvironment() {}

    static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("icr.ear", "../ear/target/openicr.ear"));
        return ShrinkWrap.create(ZipImporter.class, "openicr.ear")
                .importFrom(ear)
                .as(EnterpriseArchive.class);
    }

    static URI baseUrl() {
        return URI.create(System.getProperty("icr.base.url", "http://localhost:29080/openicr/"));
    }

    static URI ingestionUrl() {
        return baseUrl().resolve("ws/ingestion");
    }

    static String databaseUrl() {
        return System.getProperty("icr.db.url", "jdbc:postgresql://localhost:29432/openicr");
    }

    /**
     * The owner role (it owns the schema and runs the migrations): for fixtures that write test data
     * and for reading what the server stored. The server itself never connects as this role.
     */
    static Connection database() throws SQLException {
        return DriverManager.getConnection(databaseUrl(), ownerUser(), ownerPassword());
    }

    static String ownerUser() {
        return System.getProperty("icr.db.user", "openicr");
    }

    static String ownerPassword() {
        return System.getProperty("icr.db.password", "openicr-test-owner");
    }

    /** The application role: the account the server connects as, with only the grants of db/V17. */
    static Connection applicationDatabase() throws SQLException {
        return DriverManager.getConnection(databaseUrl(), applicationUser(), applicationPassword());
    }

    static String applicationUser() {
        return System.getProperty("icr.db.app.user", "openicr_app");
    }

    static String applicationPassword() {
        return System.getProperty("icr.db.app.password", "openicr-test-app");
    }

    /** The embedded PostgreSQL's superuser postgres: what an attacker with full database access could do. */
    static Connection superuserDatabase() throws SQLException {
        return DriverManager.getConnection(databaseUrl(), "postgres", superuserPassword());
    }

    static String superuserPassword() {
        return System.getProperty("icr.db.superuser.password", "openicr-test-superuser");
    }

    /** The test domain's Payara admin password (user admin). */
    static String adminPassword() {
        return System.getProperty("icr.admin.password", "openicr-test-admin");
    }

    static int adminPort() {
        return Integer.getInteger("icr.admin.port", 29048);
    }

    /** The demo directory (organisations, users, source systems); idempotent, once per test JVM. */
    static synchronized void seedDirectory() throws SQLException {
        if (seeded) {
            return;
        }
        try (Connection c = database()) {
            new DemoRegion().seedDirectory(c);
        }
        seeded = true;
    }

    /** Posts a person's demographics as the demo GP system would; answers the person's id. */
    static long postPerson(DemoRegion.DemoPerson person) throws Exception {
        new DemoRegion().postPeople(ingestionUrl(), java.util.List.of(person));
        long id = count("select id from person where nhs_number = ?", person.nhsNumber());
        // The demo loader posts through SubmitDemographics, so the person has the GP system's own
        // version from the start (issue 16): the precedence and "source of each field" need it.
        if (count("select count(*) from person_demographics where person_id = ?", id) == 0) {
            throw new AssertionError("the demo loader left the person without a per-source demographics row");
        }
        return id;
    }

    /** A valid NHS Number from the 999 test range that no earlier test run is likely to have used. */
    static String freshNhsNumber() {
        while (true) {
            long nine = 999_000_000L + ThreadLocalRandom.current().nextLong(1_000_000L);
            String digits = Long.toString(nine);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check != 10) {
                return digits + (check == 11 ? 0 : check);
            }
        }
    }

    static long count(String sql, Object... values) throws SQLException {
        try (Connection c = database();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void execute(String sql, Object... values) throws SQLException {
        try (Connection c = database();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
