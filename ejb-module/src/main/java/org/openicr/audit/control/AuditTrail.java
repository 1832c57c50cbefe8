package org.openicr.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openicr.audit.entity.AuditEvent;

/**
 * Writes audit events. {@link #record} joins the caller's transaction, so the event commits or
 * rolls back with the action it describes; {@link #recordIndependently} commits on its own, for
 * denials and failures whose action is about to be rolled back.
 */
@Stateless
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditEvent event) {
        em.persist(event);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordIndependently(AuditEvent event) {
        em.persist(event);
    }
}
