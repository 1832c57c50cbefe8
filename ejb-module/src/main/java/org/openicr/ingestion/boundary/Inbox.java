package org.openicr.ingestion.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.entity.SourceSystem;
import org.openicr.ingestion.control.FirstAnswers;
import org.openicr.ingestion.control.InboxRows;
import org.openicr.ingestion.control.Sources;
import org.openicr.ingestion.entity.InboundMessage;
import org.openicr.platform.ErrorCode;
import org.openicr.platform.Roles;

/**
 * The inbox: stores every message raw, in a transaction of its own, before anything else looks at
 * it; and records a refusal or failure in a transaction of its own after the processing rolled
 * back. Nothing a source sends is lost, whatever becomes of it.
 */
@Stateless
@RolesAllowed(Roles.SOURCE_SYSTEM)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Inbox {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Sources sources;

    @Inject
    FirstAnswers firstAnswers;

    @Inject
    InboxRows rows;

    @jakarta.ejb.EJB
    AuditTrail audit;

    /**
     * Stores the body as received (already cut at the size limit when too large); answers its inbox
     * id. Nothing is looked up here, so storing stays one insert (plain SQL); the source is attributed
     * when the message is read.
     */
    public long receive(byte[] raw, int sizeBytes) {
        return rows.insert(session.getCallerPrincipal().getName(), raw, sizeBytes);
    }

    /**
     * Records why a message was refused (or failed). A message id that already has a final answer
     * keeps it: this message is then marked as its duplicate.
     */
    public void reject(long inboxId, String operation, String messageId, ErrorCode code, String reason) {
        InboundMessage message = em.find(InboundMessage.class, inboxId);
        if (message == null
                || !message.getAccountUsername()
                        .equals(session.getCallerPrincipal().getName())) {
            return;
        }
        if (message.getOperation() == null) {
            Long sourceId = sources.ofAccount(message.getAccountUsername())
                    .map(SourceSystem::getId)
                    .orElse(null);
            message.identify(operation, messageId, sourceId);
        }
        Optional<InboundMessage> first = firstAnswers.before(message);
        if (first.isPresent()) {
            message.duplicateOf(first.get());
            return;
        }
        message.reject(code, reason);
        audit.record(new AuditEvent(
                AuditAction.MESSAGE_INGESTED,
                code == ErrorCode.INTERNAL_ERROR ? AuditOutcome.FAILURE : AuditOutcome.DENIED,
                Actor.account(message.getAccountUsername()),
                null,
                operation + " " + messageId + " (inbox " + inboxId + "): " + code));
    }
}
