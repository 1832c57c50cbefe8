package org.openicr.tools.load;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.openicr.tools.directory.DirectoryAccounts;

/**
 * What the web and ingestion benchmarks need from the database, found or made with SQL so that the
 * suite runs against any OpenICR database (the demo region or the one-million-person region)
 * without the demo's accounts: the people to view (those with the most items, or given ones), and
 * the benchmark's own accounts. Their passwords are random, made for the run, hashed with the
 * server's PBKDF2 parameters (through tools/directory-cli) and never written anywhere.
 */
public final class BenchDatabase {

    /** A person to view or search for. */
    public record Target(long personId, String nhsNumber, String familyName, LocalDate dateOfBirth, long items) {}

    /** A benchmark account and the password set for this run. */
    public record Account(String username, String password) {}

    public static final String VIEWER = "bench.viewer";
    public static final String SOURCE = "sys.bench-load";

    /** The server's parameters ({@code Directory.HASH_PARAMETERS}), as tools/directory-cli uses them. */
    private static final Pbkdf2PasswordHashImpl HASH = new Pbkdf2PasswordHashImpl();

    static {
        HASH.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    private BenchDatabase() {}

    /** The {@code n} people with the most items that are not withdrawn (ties: lowest id). */
    public static List<Target> busiest(Connection c, int n) throws SQLException {
        String sql = "select p.id, p.nhs_number, p.family_name, p.date_of_birth, t.items from"
                + " (select person_id, count(*) items from record_item where withdrawn_at is null"
                + " group by person_id order by count(*) desc, person_id limit ?) t"
                + " join person p on p.id = t.person_id where not p.opted_out order by t.items desc, p.id";
        return targets(c, sql, n);
    }

    /** The given people, by NHS Number (with or without spaces), with their item counts. */
    public static List<Target> byNhsNumbers(Connection c, List<String> nhsNumbers) throws SQLException {
        List<Target> found = new ArrayList<>();
        for (String nhs : nhsNumbers) {
            List<Target> one = targets(
                    c,
                    "select p.id, p.nhs_number, p.family_name, p.date_of_birth, (select count(*) from record_item i"
                            + " where i.person_id = p.id and i.withdrawn_at is null) from person p where p.nhs_number = ?",
                    nhs.replace(" ", ""));
            if (one.isEmpty()) {
                throw new IllegalArgumentException("no person with NHS Number " + nhs);
            }
            found.addAll(one);
        }
        return found;
    }

    /** The given people, by id. */
    public static List<Target> byIds(Connection c, List<Long> ids) throws SQLException {
        List<Target> found = new ArrayList<>();
        for (long id : ids) {
            List<Target> one = targets(
                    c,
                    "select p.id, p.nhs_number, p.family_name, p.date_of_birth, (select count(*) from record_item i"
                            + " where i.person_id = p.id and i.withdrawn_at is null) from person p where p.id = ?",
                    id);
            if (one.isEmpty()) {
                throw new IllegalArgumentException("no person with id " + id);
            }
            found.addAll(one);
        }
        return found;
    }

    /**
     * NHS Numbers of {@code n} consecutive people (by id, from a random start) not among {@code exclude}, for
     * the ingestion load: its items go to existing people, and stay in the database.
     */
    public static List<String> ingestionPeople(Connection c, int n, List<Target> exclude) throws SQLException {
        Long[] excluded = exclude.stream().map(Target::personId).toArray(Long[]::new);
        List<String> numbers = new ArrayList<>();
        // A different stretch of people each run, so that repeated runs do not pile thousands of benchmark
        // items onto the same few people (who would then become the busiest, the people the suite views).
        long people;
        try (PreparedStatement ps = c.prepareStatement("select count(*) from person");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            people = rs.getLong(1);
        }
        long offset = people <= n + exclude.size() ? 0 : new SecureRandom().nextLong(people - n - exclude.size());
        try (PreparedStatement ps = c.prepareStatement("select nhs_number from person where not (id = any(?))"
                + " and merged_into_id is null and not opted_out order by id limit ? offset ?")) {
            ps.setArray(1, c.createArrayOf("bigint", excluded));
            ps.setInt(2, n);
            ps.setLong(3, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getString(1));
                }
            }
        }
        return numbers;
    }

    private static List<Target> targets(Connection c, String sql, Object parameter) throws SQLException {
        List<Target> targets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    targets.add(new Target(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getObject(4, LocalDate.class),
                            rs.getLong(5)));
                }
            }
        }
        return targets;
    }

    /** The organisation of the first target's GP practice if the region holds it, else the first GP practice. */
    public static String defaultOrganisation(Connection c, Target target) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select o.ods_code from organisation o where o.active and o.sharing_mode = 'SHARE_AND_VIEW'"
                        + " order by (o.ods_code = (select gp_practice_ods from person where id = ?)) desc,"
                        + " (o.org_type ilike '%GP%') desc, o.id limit 1")) {
            ps.setLong(1, target.personId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the database holds no active sharing organisation");
                }
                return rs.getString(1);
            }
        }
    }

    /**
     * Creates (or resets) the viewer account {@value #VIEWER} with one role profile (the RBAC role
     * {@code rbacRole} at {@code ods}) and the source system account {@value #SOURCE} of that
     * organisation, each with a new random password; unlocks both.
     */
    public static List<Account> prepareAccounts(Connection c, String rbacRole, String ods) throws SQLException {
        DirectoryAccounts directory = new DirectoryAccounts();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Account viewer = new Account(VIEWER, randomPassword());
            long viewerId = directory.account(
                    c, VIEWER, "Benchmark viewer", "PERSON", viewer.password().toCharArray());
            resetPassword(c, viewerId, viewer.password());
            update(c, "update role_profile set active = false where user_account_id = ?", viewerId);
            directory.roleProfile(c, viewerId, rbacRole, ods);
            update(
                    c,
                    "update role_profile set active = true where user_account_id = ? and rbac_role_code = ?"
                            + " and organisation_id = (select id from organisation where ods_code = ?)",
                    viewerId,
                    rbacRole,
                    ods);
            Account source = new Account(SOURCE, randomPassword());
            long sourceId = directory.account(
                    c,
                    SOURCE,
                    "Benchmark load source",
                    "SYSTEM",
                    source.password().toCharArray());
            resetPassword(c, sourceId, source.password());
            update(
                    c,
                    "insert into source_system (code, name, organisation_id, user_account_id)"
                            + " select ?, 'Benchmark load source', o.id, ? from organisation o where o.ods_code = ?"
                            + " on conflict (user_account_id) do update set organisation_id = excluded.organisation_id,"
                            + " active = true",
                    "bench-load",
                    sourceId,
                    ods);
            c.commit();
            return List.of(viewer, source);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void resetPassword(Connection c, long accountId, String password) throws SQLException {
        update(
                c,
                "update user_account set password_hash = ?, enabled = true, failed_logins = 0, locked_at = null"
                        + " where id = ?",
                HASH.generate(password.toCharArray()),
                accountId);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return "Bench-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        }
    }
}
