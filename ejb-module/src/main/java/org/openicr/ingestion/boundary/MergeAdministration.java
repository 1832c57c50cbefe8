package org.openicr.ingestion.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.ingestion.control.PersonIndex;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * Merges of two records of one person (HL7 v2 ADT^A40) for administrators: the list, newest first,
 * and the undo of a merge made in error (the retired record stands alone again with its items),
 * audited with the state before and after.
 */
@Stateless
@RolesAllowed(Roles.ADMINISTRATOR)
public class MergeAdministration {

    private static final String SELECT = "select m.id, m.merged_at, s.nhs_number, s.id, r.nhs_number, r.id,"
            + " coalesce(ss.code || ' (' || a.username || ')', ''), coalesce(im.message_id, ''), m.items_moved, m.reversed_at,"
            + " m.reversed_by, m.reversal_note, m.items_moved_back"
            + " from person_merge m join person s on s.id = m.surviving_person_id"
            + " join person r on r.id = m.retired_person_id"
            + " left join inbound_message im on im.id = m.inbound_message_id"
            + " left join source_system ss on ss.id = m.source_system_id"
            + " left join user_account a on a.id = ss.user_account_id";

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    @Resource
    SessionContext session;

    @Inject
    PersonIndex index;

    @EJB
    AuditTrail audit;

    public List<MergeSummary> merges(boolean includeReversed, int first, int pageSize) {
        String sql = SELECT + (includeReversed ? "" : " where m.reversed_at is null")
                + " order by m.id desc offset ? limit ?";
        return query(sql, first, pageSize);
    }

    public long count(boolean includeReversed) {
        String sql = "select count(*) from person_merge" + (includeReversed ? "" : " where reversed_at is null");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Counting merges failed", e);
        }
    }

    /** Reverses a merge made in error; a note saying why is required. Answers the merge as it is now. */
    public MergeSummary undo(long mergeId, String note) {
        if (note == null || note.isBlank()) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Say why the merge is reversed.");
        }
        String who = session.getCallerPrincipal().getName();
        MergeSummary before = find(mergeId);
        int movedBack;
        try {
            movedBack = index.unmerge(mergeId, who, note.strip());
        } catch (IcrException refused) {
            audit.recordIndependently(new AuditEvent(
                    AuditAction.MERGE_REVERSED,
                    AuditOutcome.DENIED,
                    Actor.account(who),
                    before.retiredPersonId(),
                    "merge " + mergeId + " not reversed: " + refused.reason()));
            throw refused;
        }
        MergeSummary after = find(mergeId);
        audit.record(new AuditEvent(
                AuditAction.MERGE_REVERSED,
                AuditOutcome.SUCCESS,
                Actor.account(who),
                after.retiredPersonId(),
                "merge " + mergeId + ": before: person " + before.retiredPersonId() + " merged into person "
                        + before.survivingPersonId() + " (" + before.itemsMoved() + " item(s) moved); after:"
                        + " person " + after.retiredPersonId() + " stands alone, " + movedBack
                        + " item(s) moved back; note: " + note.strip()));
        return after;
    }

    private MergeSummary find(long mergeId) {
        List<MergeSummary> found = query(SELECT + " where m.id = ? offset ? limit ?", mergeId, 0, 1);
        if (found.isEmpty()) {
            throw new IcrException(ErrorCode.NOT_FOUND, "No such merge.");
        }
        return found.get(0);
    }

    private List<MergeSummary> query(String sql, Object... values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            List<MergeSummary> merges = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    merges.add(new MergeSummary(
                            rs.getLong(1),
                            instant(rs.getTimestamp(2)),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getString(5),
                            rs.getLong(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getInt(9),
                            instant(rs.getTimestamp(10)),
                            rs.getString(11),
                            rs.getString(12),
                            (Integer) rs.getObject(13)));
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
