package org.openicr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * The privacy officer's alert queue: break glass, safeguarding access to opted-out people, seal
 * breaks, many records in an hour and out-of-hours access, newest first, each reviewed once with an outcome and a note (audited). The justification
 * the user typed is shown because reviewing it is the point; it is the user's words, not the record's.
 */
@Stateless
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class AlertReview {

    public static final Set<String> OUTCOMES = Set.of("APPROPRIATE", "INAPPROPRIATE_REFERRED", "NEEDS_FOLLOW_UP");

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    public List<AlertView> alerts(boolean openOnly, int first, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.id, a.raised_at, a.kind, a.username, a.rbac_role_code,"
                        + " a.organisation_ods, a.person_id, d.reason, coalesce(s.justification, d.justification),"
                        + " a.reviewed_at, a.reviewed_by, a.review_outcome, a.review_note, a.detail from privacy_alert a"
                        + " left join reason_declaration d on d.id = a.reason_declaration_id"
                        + " left join seal_break s on s.id = a.seal_break_id"
                        + (openOnly ? " where a.reviewed_at is null" : "")
                        + " order by a.raised_at desc, a.id desc limit ? offset ?")
                .setParameter(1, max)
                .setParameter(2, first)
                .getResultList();
        return rows.stream().map(AlertReview::view).toList();
    }

    public long count(boolean openOnly) {
        return ((Number) em.createNativeQuery(
                                "select count(*) from privacy_alert" + (openOnly ? " where reviewed_at is null" : ""))
                        .getSingleResult())
                .longValue();
    }

    public void review(long alertId, String outcome, String note) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Choose an outcome: " + OUTCOMES + ".");
        }
        if (note == null || note.isBlank()) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Write a note on what you found.");
        }
        String by = session.getCallerPrincipal().getName();
        int updated = em.createNativeQuery("update privacy_alert set reviewed_at = now(), reviewed_by = ?,"
                        + " review_outcome = ?, review_note = ? where id = ? and reviewed_at is null")
                .setParameter(1, by)
                .setParameter(2, outcome)
                .setParameter(3, note.strip())
                .setParameter(4, alertId)
                .executeUpdate();
        if (updated == 0) {
            throw new IcrException(ErrorCode.NOT_FOUND, "That alert does not exist or was reviewed already.");
        }
        audit.record(new AuditEvent(
                AuditAction.ALERT_REVIEWED,
                AuditOutcome.SUCCESS,
                Actor.account(by),
                null,
                "alert " + alertId + ": " + outcome));
    }

    private static AlertView view(Object[] r) {
        return new AlertView(
                ((Number) r[0]).longValue(),
                ((Timestamp) r[1]).toInstant(),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                r[6] == null ? null : ((Number) r[6]).longValue(),
                (String) r[7],
                (String) r[8],
                r[9] == null ? null : ((Timestamp) r[9]).toInstant(),
                (String) r[10],
                (String) r[11],
                (String) r[12],
                (String) r[13]);
    }
}
