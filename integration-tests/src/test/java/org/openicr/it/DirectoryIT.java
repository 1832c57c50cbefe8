package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openicr.directory.boundary.AccountAdministration;
import org.openicr.directory.boundary.Authentication;
import org.openicr.directory.boundary.AuthenticationOutcome;
import org.openicr.directory.control.Directory;
import org.openicr.ingestion.boundary.Inbox;
import org.openicr.ingestion.boundary.Ingestion;
import org.openicr.ingestion.boundary.Received;
import org.openicr.ingestion.contract.ItemBatch;
import org.openicr.patient.boundary.PatientFinder;
import org.openicr.vocabulary.ErrorCode;

/**
 * Inside the real server against the real PostgreSQL: the schema came from the migrations, the
 * boundaries refuse callers without a role, and sign-in checks PBKDF2 hashes, grants RBAC codes as
 * groups, and locks an account after five failures, auditing each step.
 */
@ExtendWith(ArquillianExtension.class)
class DirectoryIT {

    @Deployment
    static EnterpriseArchive deployment() throws IOException {
        EnterpriseArchive ear = TestEnvironment.ear();
        WebArchive war = ear.getAsType(WebArchive.class, "web.war");
        war.addClass(DirectoryIT.class);
        // The application protects every path it does not list as public; open Arquillian's runner.
        String webXml = new String(
                        war.get("WEB-INF/web.xml").getAsset().openStream().readAllBytes(), StandardCharsets.UTF_8)
                .replace(
                        "<url-pattern>/login.xhtml</url-pattern>",
                        "<url-pattern>/login.xhtml</url-pattern><url-pattern>/ArquillianServletRunnerEE9</url-pattern>");
        war.setWebXML(new StringAsset(webXml));
        return ear;
    }

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @EJB
    Authentication authentication;

    @EJB
    PatientFinder patientFinder;

    @EJB
    Ingestion ingestion;

    @EJB
    Inbox inbox;

    @EJB
    AccountAdministration accountAdministration;

    private long scalar(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection();
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

    private void update(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    private String newAccount(String kind, String password, String... rbacRoles) throws Exception {
        String username = "it." + kind.toLowerCase() + System.nanoTime();
        passwordHash.initialize(Directory.HASH_PARAMETERS);
        update(
                "insert into user_account (username, display_name, kind, password_hash) values (?, ?, ?, ?)",
                username,
                "Integration Test",
                kind,
                passwordHash.generate(password.toCharArray()));
        update("insert into organisation (ods_code, name, org_type) values ('ITORG1', 'IT Org', 'ACUTE_TRUST')"
                + " on conflict do nothing");
        for (String role : rbacRoles) {
            update(
                    "insert into role_profile (user_account_id, rbac_role_code, organisation_id)"
                            + " select u.id, ?, o.id from user_account u, organisation o"
                            + " where u.username = ? and o.ods_code = 'ITORG1'",
                    role,
                    username);
        }
        return username;
    }

    @Test
    void theSchemaComesFromTheVersionedMigrations() throws Exception {
        assertTrue(scalar("select count(*) from flyway_schema_history where success and version in ('1', '2')") == 2);
        assertEquals(13, scalar("select count(*) from rbac_role"));
    }

    @Test
    void sourcesAndOrganisationsAreNeverDeleted() throws Exception {
        // Record items and inbox rows name them without foreign keys (V15): a trigger keeps them. The
        // organisation and source here are new and nothing refers to them, so only the trigger refuses.
        String ods = "D" + (System.nanoTime() % 100_000_000L);
        update("insert into organisation (ods_code, name, org_type) values (?, 'Deletion test', 'GP_PRACTICE')", ods);
        String account = newAccount("SYSTEM", "Secret-pw-1");
        update(
                "insert into source_system (code, name, organisation_id, user_account_id) select ?, 'Deletion test',"
                        + " o.id, a.id from organisation o, user_account a where o.ods_code = ? and a.username = ?",
                "deletion-" + ods,
                ods,
                account);
        java.sql.SQLException source = assertThrows(
                java.sql.SQLException.class,
                () -> update("delete from source_system where code = ?", "deletion-" + ods));
        // The application's role has no DELETE on these tables (issue 16, db/V17); the trigger still
        // refuses the owner.
        assertTrue(source.getMessage().contains("permission denied"), source::getMessage);
        update("insert into organisation (ods_code, name, org_type) values (?, 'Unused', 'GP_PRACTICE')", ods + "X");
        java.sql.SQLException organisation = assertThrows(
                java.sql.SQLException.class, () -> update("delete from organisation where ods_code = ?", ods + "X"));
        assertTrue(organisation.getMessage().contains("permission denied"), organisation::getMessage);
        assertEquals(1, scalar("select count(*) from source_system where code = ?", "deletion-" + ods));
    }

    @Test
    void boundariesRefuseCallersWithoutARole() {
        assertThrows(EJBAccessException.class, () -> patientFinder.byNhsNumber(1L, "9434765919"));
        Received received = new Received(new byte[] {1}, 1, Instant.now());
        assertThrows(EJBAccessException.class, () -> ingestion.submitItems(received, new ItemBatch()));
        assertThrows(
                EJBAccessException.class,
                () -> inbox.reject(received, null, null, ErrorCode.SCHEMA_INVALID, "not a message"));
        assertThrows(EJBAccessException.class, () -> accountAdministration.lockedAccounts());
    }

    @Test
    void aPersonsGroupsAreTheRbacCodesOfTheirRoleProfiles() throws Exception {
        String username = newAccount("PERSON", "Secret-pw-1", "R8001", "R8000");
        AuthenticationOutcome outcome = authentication.authenticate(username, "Secret-pw-1".toCharArray());
        assertTrue(outcome.isValid());
        assertEquals(Set.of("R8000", "R8001"), outcome.groups());
        assertEquals(
                1,
                scalar(
                        "select count(*) from audit_event where action = 'LOGIN' and outcome = 'SUCCESS' and username = ?",
                        username));
        assertTrue(
                scalar("select count(*) from user_account where username = ? and last_login_at is not null", username)
                        == 1);
    }

    @Test
    void aSourceSystemAccountIsInTheSourceSystemGroup() throws Exception {
        String username = newAccount("SYSTEM", "System-pw-1");
        AuthenticationOutcome outcome = authentication.authenticate(username, "System-pw-1".toCharArray());
        assertEquals(Set.of("SOURCE_SYSTEM"), outcome.groups());
    }

    @Test
    void passwordsAreStoredAsPbkdf2Hashes() throws Exception {
        String username = newAccount("PERSON", "Secret-pw-2", "R8000");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select password_hash from user_account where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String stored = rs.getString(1);
                assertTrue(stored.startsWith("PBKDF2WithHmacSHA256:210000:"), stored);
                assertFalse(stored.contains("Secret-pw-2"));
            }
        }
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        String username = newAccount("PERSON", "Secret-pw-3", "R8000");
        for (int i = 0; i < 5; i++) {
            assertFalse(
                    authentication.authenticate(username, "wrong".toCharArray()).isValid());
        }
        assertFalse(authentication
                .authenticate(username, "Secret-pw-3".toCharArray())
                .isValid());
        assertEquals(
                1, scalar("select count(*) from user_account where username = ? and locked_at is not null", username));
        assertEquals(
                6,
                scalar(
                        "select count(*) from audit_event where action = 'LOGIN_FAILURE' and outcome = 'DENIED'"
                                + " and username = ?",
                        username));
        assertEquals(
                1,
                scalar("select count(*) from audit_event where action = 'ACCOUNT_LOCKED' and username = ?", username));
    }

    @Test
    void theApplicationsAccountCannotChangeOrDeleteAuditRows() throws Exception {
        String username = "it.append" + System.nanoTime();
        assertFalse(authentication.authenticate(username, "x".toCharArray()).isValid());
        long rows = scalar("select count(*) from audit_event where username = ?", username);
        assertEquals(1, rows);
        java.sql.SQLException update = assertThrows(
                java.sql.SQLException.class,
                () -> update("update audit_event set detail = 'rewritten' where username = ?", username));
        // Refused by the application role's privileges (issue 16), before the append-only trigger.
        assertTrue(update.getMessage().contains("permission denied"), update.getMessage());
        assertThrows(java.sql.SQLException.class, () -> update("delete from audit_event where username = ?", username));
        assertThrows(java.sql.SQLException.class, () -> update("truncate audit_event"));
        assertEquals(
                1,
                scalar("select count(*) from audit_event where username = ? and detail = 'unknown account'", username));
    }

    @Test
    void unknownUsernamesFailAndAreAudited() throws Exception {
        String username = "it.nobody" + System.nanoTime();
        assertFalse(authentication.authenticate(username, "x".toCharArray()).isValid());
        assertEquals(
                1,
                scalar(
                        "select count(*) from audit_event where action = 'LOGIN_FAILURE' and username = ?"
                                + " and detail = 'unknown account'",
                        username));
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        String username = newAccount("PERSON", "Secret-pw-4", "R8000");
        update("update user_account set enabled = false where username = ?", username);
        assertFalse(authentication
                .authenticate(username, "Secret-pw-4".toCharArray())
                .isValid());
    }
}
