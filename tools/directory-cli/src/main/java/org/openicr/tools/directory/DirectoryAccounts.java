package org.openicr.tools.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;

/**
 * Writes accounts and role profiles straight into the directory tables, hashing passwords with
 * Soteria's PBKDF2 implementation and the same parameters as the server
 * ({@code org.openicr.directory.control.Directory.HASH_PARAMETERS}), so the server verifies
 * them exactly as its own.
 */
public final class DirectoryAccounts {

    private final Pbkdf2PasswordHashImpl hash = new Pbkdf2PasswordHashImpl();

    public DirectoryAccounts() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    /** Creates an account, or leaves an existing one exactly as it is; answers its id. */
    public long account(Connection c, String username, String displayName, String kind, char[] password)
            throws SQLException {
        Long existing = accountId(c, username);
        if (existing != null) {
            return existing;
        }
        update(
                c,
                "insert into user_account (username, display_name, kind, password_hash) values (?, ?, ?, ?)",
                username,
                displayName,
                kind,
                hash.generate(password));
        return accountId(c, username);
    }

    /** Gives an account a role profile at an organisation (by ODS code), unless it has it already. */
    public void roleProfile(Connection c, long accountId, String rbacRole, String ods) throws SQLException {
        int rows = update(
                c,
                "insert into role_profile (user_account_id, rbac_role_code, organisation_id)"
                        + " select ?, ?, id from organisation where ods_code = ? on conflict do nothing",
                accountId,
                rbacRole,
                ods);
        if (rows == 0 && !hasProfile(c, accountId, rbacRole, ods)) {
            throw new SQLException("No organisation with ODS code " + ods + " (or no RBAC role " + rbacRole + ").");
        }
    }

    public void organisation(Connection c, String ods, String name, String type, String sharingMode)
            throws SQLException {
        update(
                c,
                "insert into organisation (ods_code, name, org_type, sharing_mode) values (?, ?, ?, ?)"
                        + " on conflict (ods_code) do nothing",
                ods,
                name,
                type,
                sharingMode);
    }

    private static boolean hasProfile(Connection c, long accountId, String rbacRole, String ods) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select 1 from role_profile p join organisation o"
                        + " on o.id = p.organisation_id where p.user_account_id = ? and p.rbac_role_code = ? and o.ods_code = ?")) {
            ps.setLong(1, accountId);
            ps.setString(2, rbacRole);
            ps.setString(3, ods);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Long accountId(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from user_account where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
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
