package org.openicr.record.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.audit.entity.PrivacyAlert;

/**
 * Alerts for the privacy officer (they carry a reference to the person, never clinical data), and
 * denials of access, which are audited in a transaction of their own so that they survive the
 * refusal. Called only by other boundaries.
 */
@Stateless
@PermitAll
public class PrivacyAlerts {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void raise(PrivacyAlert kind, Actor actor, long personId, long declarationId) {
        em.createNativeQuery("insert into privacy_alert (kind, username, rbac_role_code, organisation_ods, person_id,"
                        + " reason_declaration_id) values (?, ?, ?, ?, ?, ?)")
                .setParameter(1, kind.name())
                .setParameter(2, actor.username())
                .setParameter(3, actor.rbacRoleCode())
                .setParameter(4, actor.organisationOds())
                .setParameter(5, personId)
                .setParameter(6, declarationId)
                .executeUpdate();
    }

    /** A seal break's alert: it names the break (with its justification) and the declaration it was made under. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void raiseSealBreak(Actor actor, long personId, long declarationId, long sealBreakId) {
        em.createNativeQuery("insert into privacy_alert (kind, username, rbac_role_code, organisation_ods, person_id,"
                        + " reason_declaration_id, seal_break_id) values (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, PrivacyAlert.SEAL_BROKEN.name())
                .setParameter(2, actor.username())
                .setParameter(3, actor.rbacRoleCode())
                .setParameter(4, actor.organisationOds())
                .setParameter(5, personId)
                .setParameter(6, declarationId)
                .setParameter(7, sealBreakId)
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void denied(Actor actor, long personId, String what) {
        audit.record(new AuditEvent(AuditAction.RECORD_VIEW, AuditOutcome.DENIED, actor, personId, what));
    }
}
