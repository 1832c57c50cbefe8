package org.openicr.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Reads and writes the seals of the audit hash chain (table audit_seal). */
@Dependent
public class AuditChainStore {

    /** What a verification found: how many seals it checked and the first broken one, if any. */
    public record Verification(long sealsChecked, Long firstBrokenEventId, long unsealedOlderThanAMinute) {

        public boolean intact() {
            return firstBrokenEventId == null;
        }
    }

    private static final String EVENT_COLUMNS =
            "e.id, e.occurred_at, e.action, e.outcome, e.username, e.rbac_role_code,"
                    + " e.organisation_ods, e.person_id, e.purpose_of_use, e.detail";

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    public AuditChainStore() {}

    /** For the command-line verification, outside the server. */
    public AuditChainStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Seals, in id order, the events not sealed yet (looking back over the last 10,000 ids, which
     * covers transactions that committed out of id order). Answers how many it sealed. The seals are
     * computed and written by the database function {@code audit_seal_pending} (db/V17), which runs
     * with the owner role's rights: the application's role may not write to audit_seal itself. The
     * function computes the same chain as {@link AuditChain}, which {@link #verify()} recomputes.
     */
    public int sealPending(int max) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select audit_seal_pending(?) as sealed")) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt("sealed");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Sealing the audit trail failed", e);
        }
    }

    /** Recomputes the chain from the first seal and reports the first event whose seal does not match. */
    public Verification verify() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select s.previous_hash, s.hash, " + EVENT_COLUMNS
                        + " from audit_seal s join audit_event e on e.id = s.event_id order by s.seq")) {
            ps.setFetchSize(1000);
            byte[] previous = null;
            long checked = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditChain.Content content = content(rs);
                    byte[] expected = AuditChain.link(previous, content);
                    byte[] previousHash = rs.getBytes("previous_hash");
                    byte[] hash = rs.getBytes("hash");
                    boolean linked =
                            checked == 0 ? previousHash == null : MessageDigest.isEqual(previous, previousHash);
                    if (!linked || !MessageDigest.isEqual(expected, hash)) {
                        return new Verification(checked, content.id(), unsealed(c));
                    }
                    previous = hash;
                    checked++;
                }
            }
            long events = count(c, "select count(*) as n from audit_event");
            long seals = count(c, "select count(*) as n from audit_seal");
            if (seals > events) {
                return new Verification(checked, -1L, unsealed(c));
            }
            return new Verification(checked, null, unsealed(c));
        } catch (SQLException e) {
            throw new IllegalStateException("Verifying the audit trail failed", e);
        }
    }

    private static long unsealed(Connection c) throws SQLException {
        return count(
                c,
                "select count(*) as n from audit_event e where e.occurred_at < now() - interval '1 minute'"
                        + " and not exists (select 1 from audit_seal s where s.event_id = e.id)");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong("n");
        }
    }

    /** The sealed content of the event in the current row ({@link #EVENT_COLUMNS}), by column name. */
    private static AuditChain.Content content(ResultSet rs) throws SQLException {
        long personId = rs.getLong("person_id");
        boolean noPerson = rs.wasNull();
        return new AuditChain.Content(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("action"),
                rs.getString("outcome"),
                rs.getString("username"),
                rs.getString("rbac_role_code"),
                rs.getString("organisation_ods"),
                noPerson ? null : personId,
                rs.getString("purpose_of_use"),
                rs.getString("detail"));
    }
}
