package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openicr.audit.control.AuditChainStore;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 16, item 3: the audit trail is beyond the application's reach. Connected AS THE APPLICATION
 * ROLE (the account the server uses), every statement that could change or hide the audit trail is
 * refused by PostgreSQL's privileges (not merely by the append-only trigger, which its owner could
 * switch off); the sealer still seals through the owner's SECURITY DEFINER function and the chain
 * still verifies; the application role's grants on every table are exactly the ones listed here.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseRolesIT {

    /** What the application role may do on a table the owner creates, unless listed in GRANTS. */
    static final Set<String> DEFAULT = Set.of("SELECT", "INSERT", "UPDATE");

    /**
     * Every table whose grants to the application role differ from DEFAULT. A new table gets DEFAULT
     * from the owner's default privileges (db/V17); one that needs less (append-only) or more
     * (DELETE) must be listed here, or {@link #theApplicationRoleHasExactlyTheListedGrants} fails.
     */
    static final Map<String, Set<String>> GRANTS = Map.of(
            "audit_event", Set.of("SELECT", "INSERT"),
            "audit_seal", Set.of("SELECT"),
            // Issue 19, item 3: the care relationship rules (V24) are the database owner's to change.
            "care_relationship_rule", Set.of("SELECT"),
            "flyway_schema_history", Set.of("SELECT"),
            // Issue 19, item 2 (V26): a registered launching system is never deleted, and only its
            // active flag changes (a column grant, not a table one); used launch tokens are pruned.
            "launching_system", Set.of("SELECT", "INSERT"),
            "launch_used", Set.of("SELECT", "INSERT", "UPDATE", "DELETE"),
            "role_category", Set.of("SELECT", "INSERT", "UPDATE", "DELETE"),
            // Issue 18: administrators replace a role's reasons (V23): delete, then insert; never update.
            "role_reason", Set.of("SELECT", "INSERT", "DELETE"),
            "social_care_consent_refusal", Set.of("SELECT", "INSERT", "UPDATE", "DELETE"));

    private static final List<String> PRIVILEGES =
            List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    /** A newly written audit event of the application role's own, so the statements have a target. */
    private static long newAuditEvent() throws SQLException {
        try (Connection c = TestEnvironment.applicationDatabase();
                PreparedStatement ps = c.prepareStatement("insert into audit_event (action, outcome, username, detail)"
                        + " values ('LOGIN_FAILURE', 'DENIED', ?, 'DatabaseRolesIT') returning id")) {
            ps.setString(1, "it.roles" + System.nanoTime());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Statements that would change or hide the audit trail; :event is a fresh event's id. */
    static final List<String> FORBIDDEN = List.of(
            "update audit_event set detail = 'nothing happened here' where id = :event",
            "delete from audit_event where id = :event",
            "truncate audit_event",
            "update audit_seal set hash = sha256('x'::bytea) where event_id = (select max(event_id) from audit_seal)",
            "delete from audit_seal where event_id = (select max(event_id) from audit_seal)",
            "truncate audit_seal",
            "insert into audit_seal (event_id, previous_hash, hash) values (:event, null, sha256('x'::bytea))",
            "alter table audit_event disable trigger audit_event_no_update_or_delete",
            "alter table audit_event disable trigger all",
            "alter table audit_seal disable trigger audit_seal_no_update_or_delete",
            "drop trigger audit_event_no_update_or_delete on audit_event",
            "drop table audit_seal",
            "drop table audit_event cascade",
            "alter table audit_event owner to current_user",
            "alter table audit_event rename to audit_event_old",
            "create or replace function audit_event_append_only() returns trigger language plpgsql"
                    + " as $$ begin return new; end; $$",
            "create or replace function audit_seal_pending(max_events integer) returns integer"
                    + " language sql as $$ select 0 $$",
            "drop function audit_seal_pending(integer)",
            "set session_replication_role = replica",
            "create table audit_copy (id bigint)",
            "alter role current_user superuser");

    @Test
    void theApplicationRoleMayNotChangeOrHideTheAuditTrail() throws Exception {
        List<String> allowed = new ArrayList<>();
        for (String statement : FORBIDDEN) {
            String sql = statement.replace(":event", Long.toString(newAuditEvent()));
            try (Connection c = TestEnvironment.applicationDatabase();
                    Statement s = c.createStatement()) {
                s.execute(sql);
                allowed.add(sql + ": ALLOWED");
            } catch (SQLException refused) {
                // Refused by the privileges themselves (42501), not by the append-only trigger, which
                // the table's owner could switch off.
                if (!"42501".equals(refused.getSQLState())
                        || refused.getMessage().contains("append-only")) {
                    allowed.add(sql + ": " + refused.getSQLState() + " " + refused.getMessage());
                }
            }
        }
        assertEquals(List.of(), allowed, "statements not refused by the application role's privileges");
    }

    /** The triggers stay as a second line, for the owner: it too cannot change the trail by mistake. */
    @Test
    void theTriggersStillRefuseTheOwner() throws Exception {
        TestEnvironment.seedDirectory();
        long eventId = newAuditEvent();
        List<String> messages = new ArrayList<>();
        for (String sql : List.of(
                "update audit_event set detail = 'rewritten' where id = " + eventId,
                "delete from audit_event where id = " + eventId,
                "delete from source_system where id = (select min(id) from source_system)",
                "delete from organisation where id = (select min(id) from organisation)")) {
            try (Connection c = TestEnvironment.database();
                    Statement s = c.createStatement()) {
                s.execute(sql);
                messages.add(sql + ": ALLOWED");
            } catch (SQLException refused) {
                messages.add(
                        refused.getMessage().contains("append-only")
                                        || refused.getMessage().contains("never deleted")
                                ? "refused by the trigger"
                                : sql + ": " + refused.getMessage());
            }
        }
        assertEquals(
                List.of(
                        "refused by the trigger",
                        "refused by the trigger",
                        "refused by the trigger",
                        "refused by the trigger"),
                messages);
    }

    @Test
    void theApplicationRoleIsTheServersAccountAndOwnsNothing() throws Exception {
        try (Connection c = TestEnvironment.database()) {
            assertEquals(
                    0,
                    count(
                            c,
                            "select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = ?)",
                            TestEnvironment.applicationUser()),
                    "the application role owns no table, index, sequence or view");
            assertEquals(
                    0,
                    count(
                            c,
                            "select count(*) from pg_roles where rolname = ? and (rolsuper or rolcreaterole"
                                    + " or rolcreatedb or rolbypassrls or rolreplication)",
                            TestEnvironment.applicationUser()));
            assertEquals(
                    TestEnvironment.ownerUser(),
                    string(
                            c,
                            "select tableowner from pg_tables where schemaname = 'public' and tablename = 'audit_event'"));
            // The server's connection pool is connected as the application role, never as the owner.
            assertTrue(
                    count(
                                    c,
                                    "select count(*) from pg_stat_activity where datname = current_database() and usename = ?",
                                    TestEnvironment.applicationUser())
                            >= 1,
                    "the server's pool connects as " + TestEnvironment.applicationUser());
        }
    }

    @Test
    void theApplicationRoleHasExactlyTheListedGrants() throws Exception {
        Map<String, Set<String>> actual = new TreeMap<>();
        Map<String, Set<String>> expected = new TreeMap<>();
        try (Connection c = TestEnvironment.database();
                PreparedStatement tables = c.prepareStatement(
                        "select tablename from pg_tables where schemaname = 'public' order by tablename")) {
            try (ResultSet rs = tables.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    Set<String> privileges = new TreeSet<>();
                    for (String privilege : PRIVILEGES) {
                        try (PreparedStatement has = c.prepareStatement("select has_table_privilege(?, ?, ?)")) {
                            has.setString(1, TestEnvironment.applicationUser());
                            has.setString(2, "public." + table);
                            has.setString(3, privilege);
                            try (ResultSet h = has.executeQuery()) {
                                h.next();
                                if (h.getBoolean(1)) {
                                    privileges.add(privilege);
                                }
                            }
                        }
                    }
                    actual.put(table, privileges);
                    expected.put(table, new TreeSet<>(GRANTS.getOrDefault(table, DEFAULT)));
                }
            }
        }
        assertTrue(actual.keySet().containsAll(GRANTS.keySet()), "every listed table exists: " + actual.keySet());
        assertEquals(expected, actual);
    }

    @Test
    void aTableALaterMigrationCreatesGetsTheDefaultGrantsOnly() throws Exception {
        try (Connection c = TestEnvironment.database()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create table it_later_migration (id bigint generated always as identity primary key)");
                List<String> granted = new ArrayList<>();
                for (String privilege : PRIVILEGES) {
                    try (PreparedStatement has =
                            c.prepareStatement("select has_table_privilege(?, 'it_later_migration', ?)")) {
                        has.setString(1, TestEnvironment.applicationUser());
                        has.setString(2, privilege);
                        try (ResultSet rs = has.executeQuery()) {
                            rs.next();
                            if (rs.getBoolean(1)) {
                                granted.add(privilege);
                            }
                        }
                    }
                }
                assertEquals(new TreeSet<>(DEFAULT), new TreeSet<>(granted));
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void theSealerStillSealsThroughTheOwnersFunctionAndTheChainVerifies() throws Exception {
        long eventId = newAuditEvent();
        for (int i = 0;
                i < 60 && TestEnvironment.count("select count(*) from audit_seal where event_id = ?", eventId) == 0;
                i++) {
            Thread.sleep(500);
        }
        assertEquals(
                1,
                TestEnvironment.count("select count(*) from audit_seal where event_id = ?", eventId),
                "the server's sealer sealed event " + eventId);
        try (Connection c = TestEnvironment.database()) {
            assertEquals(
                    "true",
                    string(c, "select p.prosecdef::text from pg_proc p where p.proname = 'audit_seal_pending'"),
                    "the sealer's function runs with its owner's rights");
            assertEquals(
                    TestEnvironment.ownerUser(),
                    string(
                            c,
                            "select pg_get_userbyid(p.proowner) from pg_proc p where p.proname = 'audit_seal_pending'"));
        }
        // The application role may ask for sealing (nothing is left to seal now, or another sealer runs).
        try (Connection c = TestEnvironment.applicationDatabase()) {
            assertTrue(count(c, "select audit_seal_pending(10)") >= 0);
        }
        PGSimpleDataSource app = new PGSimpleDataSource();
        app.setURL(TestEnvironment.databaseUrl());
        app.setUser(TestEnvironment.applicationUser());
        app.setPassword(TestEnvironment.applicationPassword());
        AuditChainStore.Verification verification = new AuditChainStore(app).verify();
        assertTrue(verification.intact(), "chain broken at event " + verification.firstBrokenEventId());
        assertTrue(verification.sealsChecked() >= 1);
    }

    private static long count(Connection c, String sql, Object... values) throws SQLException {
        return Long.parseLong(string(c, sql, values));
    }

    private static String string(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
