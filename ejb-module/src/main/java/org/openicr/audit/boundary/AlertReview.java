package org.openicr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.openicr.audit.control.AlertStore;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;

/**
 * The privacy officer's alert queue: break glass, safeguarding access to opted-out people, seal
 * breaks, many records in an hour and out-of-hours access, newest first, each reviewed once with an outcome and a note (audited). The justification
 * the user typed is shown because reviewing it is the point; it is the user's words, not the record's.
 */
@Stateless
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class AlertReview {

    public static final Set<String> OUTCOMES = Set.of("APPROPRIATE", "INAPPROPRIATE_REFERRED", "NEEDS_FOLLOW_UP");

    @Inject
    AlertStore store;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    /**
     * A page of the queue. The alerts name the people by NHS Number and name, so showing a page is
     * audited (what was shown, not who: the alerts themselves are the record of that).
     */
    public List<AlertView> alerts(boolean openOnly, int first, int max) {
        List<AlertView> page = store.alerts(openOnly, first, max).stream()
                .map(AlertReview::view)
                .toList();
        audit.record(new AuditEvent(
                AuditAction.AUDIT_SEARCHED,
                AuditOutcome.SUCCESS,
                Actor.account(session.getCallerPrincipal().getName()),
                null,
                "privacy alerts" + (openOnly ? " not reviewed yet" : "") + ": " + page.size() + " shown from "
                        + (first + 1)));
        return page;
    }

    public long count(boolean openOnly) {
        return store.count(openOnly);
    }

    public void review(long alertId, String outcome, String note) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new IcrException(
                    ErrorCode.INVALID_INPUT,
                    "Choose an outcome: appropriate, inappropriate (referred on) or needs follow-up.");
        }
        if (note == null || note.isBlank()) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Write a note on what you found.");
        }
        String by = session.getCallerPrincipal().getName();
        boolean updated = store.review(alertId, by, outcome, note.strip());
        if (!updated) {
            throw new IcrException(ErrorCode.NOT_FOUND, "That alert does not exist or was reviewed already.");
        }
        audit.record(new AuditEvent(
                AuditAction.ALERT_REVIEWED,
                AuditOutcome.SUCCESS,
                Actor.account(by),
                null,
                "alert " + alertId + ": " + outcome));
    }

    private static AlertView view(AlertStore.Alert a) {
        return new AlertView(
                a.id(),
                a.raisedAt(),
                a.kind(),
                a.username(),
                a.userDisplayName(),
                a.rbacRoleCode(),
                a.organisationOds(),
                a.organisationName(),
                a.personId(),
                a.nhsNumber() == null ? null : NhsNumber.display(a.nhsNumber()),
                a.personName(),
                a.reason(),
                a.justification(),
                a.reviewedAt(),
                a.reviewedBy(),
                a.reviewOutcome(),
                a.reviewNote(),
                a.detail());
    }
}
