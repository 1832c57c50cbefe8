package org.openicr.ingestion.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.entity.SourceSystem;
import org.openicr.ingestion.control.FirstAnswers;
import org.openicr.ingestion.control.InboxRows;
import org.openicr.ingestion.control.Sources;
import org.openicr.ingestion.entity.InboundMessage;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.FieldLimit;

/**
 * The inbox's refusals: a message that is refused (by the SOAP filter before parsing, or by its
 * processing, which then rolled back) is written here, raw, with the reason, in a transaction of
 * its own. A message that is processed is written by its processing ({@link Ingestion}), in the same
 * transaction. Either way every message a source sends is stored before it is answered.
 */
@Stateless
@RolesAllowed(Roles.SOURCE_SYSTEM)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Inbox {

    @Resource
    SessionContext session;

    @Inject
    Sources sources;

    @Inject
    FirstAnswers firstAnswers;

    @Inject
    InboxRows rows;

    /**
     * Stores a refused message with why it was refused (operation and message id when they could be
     * read). A message id that already has a final answer keeps it: this message is then stored as
     * its duplicate. Answers the message's inbox id.
     */
    public long reject(Received received, String operation, String messageId, ErrorCode code, String reason) {
        return reject(
                InboundMessage.SOAP,
                session.getCallerPrincipal().getName(),
                received,
                operation,
                messageId,
                code,
                reason);
    }

    /**
     * {@link #reject} for a message received over MLLP, from the source system whose account is
     * {@code account}, or, when the sender could not be resolved to one (unknown MSH-3/MSH-4, or an
     * address not allowed for it), under {@link #MLLP_UNRESOLVED}: no source system then.
     */
    @RolesAllowed(Roles.MLLP_LISTENER)
    public long rejectOverMllp(
            String account, Received received, String operation, String messageId, ErrorCode code, String reason) {
        return reject(
                InboundMessage.MLLP,
                account == null ? MLLP_UNRESOLVED : account,
                received,
                operation,
                messageId,
                code,
                reason);
    }

    /** The account an MLLP message whose sender was not resolved is stored under. */
    public static final String MLLP_UNRESOLVED = "mllp:unresolved";

    private long reject(
            String door,
            String account,
            Received received,
            String operation,
            String messageId,
            ErrorCode code,
            String reason) {
        InboundMessage message =
                InboundMessage.received(door, account, received.raw(), received.sizeBytes(), received.receivedAt());
        Long sourceId = MLLP_UNRESOLVED.equals(account)
                ? null
                : sources.ofAccount(account).map(SourceSystem::getId).orElse(null);
        // A message id over its column's limit is not kept (the refusal names it; the raw body has it).
        message.identify(
                operation,
                messageId == null || messageId.length() > FieldLimit.MESSAGE_ID.max() ? null : messageId,
                sourceId);
        Optional<InboundMessage> first = firstAnswers.before(message);
        if (first.isPresent()) {
            message.duplicateOf(first.get());
            rows.store(message, null);
            return message.getId();
        }
        message.reject(code, reason);
        rows.store(
                message,
                new AuditEvent(
                        AuditAction.MESSAGE_INGESTED,
                        code == ErrorCode.INTERNAL_ERROR ? AuditOutcome.FAILURE : AuditOutcome.DENIED,
                        Actor.account(account),
                        null,
                        operation + " " + messageId + " (inbox " + message.getId() + "): " + code
                                + (code == ErrorCode.MESSAGE_TOO_LARGE
                                        ? " (" + received.sizeBytes() + " bytes, body not kept)"
                                        : "")
                                // Over MLLP the reason names the sender (MSH-3/MSH-4) and its address.
                                + (InboundMessage.MLLP.equals(door) ? " over MLLP: " + cut(reason, 500) : "")));
        return message.getId();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
