package org.openicr.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import org.openicr.audit.entity.AuditEvent;

/**
 * Writes audit events. {@link #record} joins the caller's transaction, so the event commits or
 * rolls back with the action it describes; {@link #recordIndependently} commits on its own, for
 * denials and failures whose action is about to be rolled back. The row is inserted at once (not
 * at the end of the transaction), so the time it takes is measured where it is spent ({@link AuditCost}).
 */
@Stateless
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditEvent event) {
        insert(event);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordIndependently(AuditEvent event) {
        insert(event);
    }

    private void insert(AuditEvent event) {
        long start = System.nanoTime();
        try {
            em.createNativeQuery(
                            "insert into audit_event (occurred_at, action, outcome, username, rbac_role_code,"
                                    + " organisation_ods, person_id, purpose_of_use, detail) values (?, ?, ?, ?, ?, ?, cast(? as bigint), ?, ?)")
                    .setParameter(1, Timestamp.from(event.getOccurredAt()))
                    .setParameter(2, event.getAction().name())
                    .setParameter(3, event.getOutcome().name())
                    .setParameter(4, event.getUsername())
                    .setParameter(5, event.getRbacRoleCode())
                    .setParameter(6, event.getOrganisationOds())
                    .setParameter(7, event.getPersonId())
                    .setParameter(8, event.getPurposeOfUse())
                    .setParameter(9, event.getDetail())
                    .executeUpdate();
        } finally {
            AuditCost.add(System.nanoTime() - start);
        }
    }
}
