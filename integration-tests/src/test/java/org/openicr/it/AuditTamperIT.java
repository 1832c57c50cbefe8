package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The tamper test: an audit row changed directly in the database (as the PostgreSQL superuser, with
 * the append-only triggers switched off for that session) is detected by the verification, both on
 * the privacy officer's page and by the command; putting it back makes the chain whole again.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTamperIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void directory() throws Exception {
        TestEnvironment.seedDirectory();
    }

    /** A superuser session that bypasses triggers: what an attacker with database access could do. */
    private static void asSuperuser(String sql, Object... values) throws SQLException {
        try (Connection c = TestEnvironment.superuserDatabase();
                PreparedStatement replica = c.prepareStatement("set session_replication_role = replica");
                PreparedStatement ps = c.prepareStatement(sql)) {
            replica.execute();
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String verifyInBrowser() throws Exception {
        try (Browser browser = new Browser()) {
            browser.signIn("privacy.shaw", "Privacy-demo-1");
            browser.waitFor(By.id("active-profile"));
            browser.open("privacy/verify.xhtml");
            browser.waitFor(By.id("verify:run")).click();
            browser.waitFor(By.id("verification-result"));
            browser.screenshot("privacy-verify");
            return browser.driver.findElement(By.id("verification-result")).getText();
        }
    }

    private static String verifyByCommand() throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder(
                        System.getProperty("java.home") + "/bin/java",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.openicr.tools.directory.VerifyAuditTrail")
                .redirectErrorStream(true);
        Map<String, String> env = command.environment();
        // The verification needs nothing but reading: it runs as the application role.
        env.put("OPENICR_DB_URL", TestEnvironment.databaseUrl());
        env.put("OPENICR_DB_USER", TestEnvironment.applicationUser());
        env.put("OPENICR_DB_PASSWORD", TestEnvironment.applicationPassword());
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() + " " + output;
    }

    /** An audit event written by an unknown account (a refused sign-in to the WSDL), once it is sealed. */
    private static long sealedEventOfARefusedSignIn(String username) throws Exception {
        Soap.get(TestEnvironment.baseUrl().resolve("ws/ingestion?wsdl"), username, "wrong");
        long eventId = TestEnvironment.count("select id from audit_event where username = ?", username);
        awaitSeal(eventId);
        return eventId;
    }

    private static void awaitSeal(long eventId) throws Exception {
        for (int i = 0;
                i < 60 && TestEnvironment.count("select count(*) from audit_seal where event_id = ?", eventId) == 0;
                i++) {
            Thread.sleep(500);
        }
        assertEquals(
                1,
                TestEnvironment.count("select count(*) from audit_seal where event_id = ?", eventId),
                "the sealer seals event " + eventId + " within seconds");
    }

    /**
     * Ids are taken at insert and events become visible at commit, so an event can commit after
     * events with later ids were sealed: the sealer's look-back still finds and seals it, and the
     * chain stays whole.
     */
    @Test
    void anEventCommittedAfterLaterOnesWereSealedIsSealedToo() throws Exception {
        long early = TestEnvironment.count("select nextval(pg_get_serial_sequence('audit_event', 'id'))");
        long later = sealedEventOfARefusedSignIn("it.late" + System.nanoTime());
        assertTrue(later > early, later + " > " + early);
        String username = "it.early" + System.nanoTime();
        TestEnvironment.execute(
                "insert into audit_event (id, action, outcome, username, detail) overriding system value"
                        + " values (?, 'LOGIN_FAILURE', 'DENIED', ?, 'committed late')",
                early,
                username);
        awaitSeal(early);
        assertTrue(
                TestEnvironment.count("select seq from audit_seal where event_id = ?", early)
                        > TestEnvironment.count("select seq from audit_seal where event_id = ?", later),
                "sealed after the later id, in the order it became visible");
        String command = verifyByCommand();
        assertTrue(command.startsWith("0 ") && command.contains("intact"), command);
    }

    @Test
    void aChangedAuditRowIsDetectedByThePageAndTheCommand() throws Exception {
        long eventId = sealedEventOfARefusedSignIn("it.tamper" + System.nanoTime());
        String intact = verifyInBrowser();
        assertTrue(intact.startsWith("Intact"), intact);

        String original = "unknown account";
        asSuperuser("update audit_event set detail = 'nothing happened here' where id = ?", eventId);
        try {
            String broken = verifyInBrowser();
            assertTrue(broken.contains("BROKEN at event " + eventId), broken);
            String command = verifyByCommand();
            assertTrue(command.startsWith("1 ") && command.contains("BROKEN at event " + eventId), command);
        } finally {
            asSuperuser("update audit_event set detail = ? where id = ?", original, eventId);
        }
        String command = verifyByCommand();
        assertTrue(command.startsWith("0 ") && command.contains("intact"), command);
        assertTrue(TestEnvironment.count(
                        "select count(*) from audit_event where action = 'AUDIT_VERIFIED'"
                                + " and username = 'privacy.shaw' and outcome = 'FAILURE' and detail like ?",
                        "%broken at event " + eventId + "%")
                >= 1);
    }
}
