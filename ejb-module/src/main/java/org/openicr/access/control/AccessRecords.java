package org.openicr.access.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import javax.sql.DataSource;
import org.openicr.access.entity.ReasonDeclaration;

/** The store of what readers do to gain access: declared reasons and broken seals (plain JDBC, in the caller's transaction). */
@Dependent
public class AccessRecords {

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    /** Stores a declared reason; answers its id. */
    public long declare(long accountId, long roleProfileId, long personId, ReasonDeclaration declaration) {
        return insert(
                "insert into reason_declaration (user_account_id, role_profile_id, person_id, reason, justification,"
                        + " explicit_consent, declared_at) values (?, ?, ?, ?, ?, ?, ?) returning id",
                accountId,
                roleProfileId,
                personId,
                declaration.reason().name(),
                declaration.justification(),
                declaration.explicitConsent().name(),
                Timestamp.from(declaration.declaredAt()));
    }

    /** Stores a broken seal; answers its id. */
    public long breakSeal(long accountId, long roleProfileId, long personId, long itemId, String justification) {
        return insert(
                "insert into seal_break (user_account_id, role_profile_id, person_id, record_item_id, justification)"
                        + " values (?, ?, ?, ?, ?) returning id",
                accountId,
                roleProfileId,
                personId,
                itemId,
                justification);
    }

    private long insert(String sql, Object... values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int n = 0; n < values.length; n++) {
                if (values[n] == null) {
                    ps.setNull(n + 1, Types.VARCHAR);
                } else {
                    ps.setObject(n + 1, values[n]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong("id");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Access record insert failed", e);
        }
    }
}
