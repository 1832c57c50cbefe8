package org.openicr.record.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.audit.entity.PrivacyAlert;
import org.openicr.record.control.PrivacyAlertStore;

/**
 * Alerts for the privacy officer (they carry a reference to the person, never clinical data), and
 * denials of access, which are audited in a transaction of their own so that they survive the
 * refusal. Called only by other boundaries.
 */
@Stateless
@PermitAll
public class PrivacyAlerts {

    @Inject
    PrivacyAlertStore store;

    @EJB
    AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void raise(PrivacyAlert kind, Actor actor, long personId, long declarationId) {
        store.insert(kind, actor, personId, declarationId);
    }

    /** A seal break's alert: it names the break (with its justification) and the declaration it was made under. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void raiseSealBreak(Actor actor, long personId, long declarationId, long sealBreakId) {
        store.insertSealBreak(actor, personId, declarationId, sealBreakId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void denied(Actor actor, long personId, String what) {
        audit.record(new AuditEvent(AuditAction.RECORD_VIEW, AuditOutcome.DENIED, actor, personId, what));
    }
}
