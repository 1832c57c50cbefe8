package org.openicr.ingestion.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The merges of two records of one person as administrators list them (the merge and its reversal
 * are written by {@link PersonIndex}). Columns are read by name.
 */
@Dependent
public class MergeStore {

    /** One merge: identifiers only, no clinical data. */
    public record Merge(
            long id,
            Instant mergedAt,
            String survivingNhsNumber,
            long survivingPersonId,
            String retiredNhsNumber,
            long retiredPersonId,
            String sourceAccount,
            String messageId,
            int itemsMoved,
            Instant reversedAt,
            String reversedBy,
            String reversalNote,
            Integer itemsMovedBack) {}

    static final String SELECT = "select m.id, m.merged_at, s.nhs_number as surviving_nhs_number,"
            + " s.id as surviving_person_id, r.nhs_number as retired_nhs_number, r.id as retired_person_id,"
            + " coalesce(ss.code || ' (' || a.username || ')', '') as source_account,"
            + " coalesce(im.message_id, '') as message_id, m.items_moved, m.reversed_at,"
            + " m.reversed_by, m.reversal_note, m.items_moved_back"
            + " from person_merge m join person s on s.id = m.surviving_person_id"
            + " join person r on r.id = m.retired_person_id"
            + " left join inbound_message im on im.id = m.inbound_message_id"
            + " left join source_system ss on ss.id = m.source_system_id"
            + " left join user_account a on a.id = ss.user_account_id";

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    /** A page of merges, newest first; reversed ones only when asked. */
    public List<Merge> merges(boolean includeReversed, int first, int pageSize) {
        String sql = SELECT + (includeReversed ? "" : " where m.reversed_at is null")
                + " order by m.id desc offset ? limit ?";
        return query(sql, first, pageSize);
    }

    public long count(boolean includeReversed) {
        String sql =
                "select count(*) as merges from person_merge" + (includeReversed ? "" : " where reversed_at is null");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong("merges");
        } catch (SQLException e) {
            throw new IllegalStateException("Counting merges failed", e);
        }
    }

    public Optional<Merge> find(long mergeId) {
        return query(SELECT + " where m.id = ? offset ? limit ?", mergeId, 0, 1).stream()
                .findFirst();
    }

    private List<Merge> query(String sql, Object... values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            List<Merge> merges = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    merges.add(new Merge(
                            rs.getLong("id"),
                            instant(rs.getTimestamp("merged_at")),
                            rs.getString("surviving_nhs_number"),
                            rs.getLong("surviving_person_id"),
                            rs.getString("retired_nhs_number"),
                            rs.getLong("retired_person_id"),
                            rs.getString("source_account"),
                            rs.getString("message_id"),
                            rs.getInt("items_moved"),
                            instant(rs.getTimestamp("reversed_at")),
                            rs.getString("reversed_by"),
                            rs.getString("reversal_note"),
                            (Integer) rs.getObject("items_moved_back")));
                }
            }
            return merges;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading merges failed", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
