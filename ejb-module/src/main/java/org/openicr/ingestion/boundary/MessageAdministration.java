package org.openicr.ingestion.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.entity.SourceSystem;
import org.openicr.ingestion.contract.DemographicsSubmission;
import org.openicr.ingestion.contract.Hl7Message;
import org.openicr.ingestion.contract.ItemBatch;
import org.openicr.ingestion.contract.ItemWithdrawal;
import org.openicr.ingestion.control.MessageProcessor;
import org.openicr.ingestion.control.RawMessages;
import org.openicr.ingestion.control.Sources;
import org.openicr.ingestion.control.SubmittingSource;
import org.openicr.ingestion.entity.InboundMessage;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * The administrators' view of what sources sent: received messages by source, operation, status and
 * time with the error of each failure, the raw content, and the replay of a failed, rejected or held
 * message once its cause is fixed (processed again as its source, audited).
 */
@Stateless
@RolesAllowed(Roles.ADMINISTRATOR)
public class MessageAdministration {

    static final Set<String> REPLAYABLE = Set.of("REJECTED", "FAILED", "UNMATCHED", "RECEIVED");
    private static final int RAW_SHOWN = 256 * 1024;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Sources sources;

    @Inject
    MessageProcessor processor;

    @EJB
    AuditTrail audit;

    public List<MessageSummary> messages(MessageFilter filter, int first, int pageSize) {
        TypedQuery<InboundMessage> query = em.createQuery(
                "select m from InboundMessage m" + where(filter) + " order by m.id desc", InboundMessage.class);
        bind(query, filter);
        return query.setFirstResult(first)
                .setMaxResults(pageSize)
                .getResultStream()
                .map(MessageAdministration::summary)
                .toList();
    }

    public long count(MessageFilter filter) {
        TypedQuery<Long> query = em.createQuery("select count(m) from InboundMessage m" + where(filter), Long.class);
        bind(query, filter);
        return query.getSingleResult();
    }

    public List<String> accounts() {
        return em.createQuery(
                        "select distinct m.accountUsername from InboundMessage m order by m.accountUsername",
                        String.class)
                .getResultList();
    }

    /** The message as received, as text (cut at 256 KiB for the screen). */
    public String raw(long id) {
        InboundMessage message = find(id);
        byte[] raw = message.getRaw();
        String text = new String(raw, 0, Math.min(raw.length, RAW_SHOWN), StandardCharsets.UTF_8);
        return raw.length > RAW_SHOWN ? text + "\n[... " + (raw.length - RAW_SHOWN) + " more bytes]" : text;
    }

    /** Processes a stored message again, as its source. Answers the new status. */
    public String replay(long id) {
        InboundMessage message = find(id);
        String before = message.getStatus().name();
        if (!REPLAYABLE.contains(before)) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Only rejected, failed or held messages can be replayed.");
        }
        if (message.getSourceSystemId() == null) {
            throw new IcrException(
                    ErrorCode.UNKNOWN_SOURCE, "The message did not come from a registered source system.");
        }
        SubmittingSource source =
                SubmittingSource.of(sources.permitted(em.find(SourceSystem.class, message.getSourceSystemId())));
        Object payload = InboundMessage.MLLP.equals(message.getDoor())
                ? mllpPayload(message.getRaw())
                : RawMessages.payload(message.getRaw());
        try {
            if (payload instanceof DemographicsSubmission demographics) {
                processor.demographics(message, source, demographics, audit::record);
            } else if (payload instanceof ItemBatch batch) {
                processor.items(message, source, batch, audit::record);
            } else if (payload instanceof ItemWithdrawal withdrawal) {
                processor.withdrawals(message, source, withdrawal, audit::record);
            } else if (payload instanceof Hl7Message hl7) {
                processor.hl7(message, source, hl7, audit::record);
            } else {
                throw new IcrException(ErrorCode.SCHEMA_INVALID, "The stored message is not an ingestion operation.");
            }
        } catch (IcrException refused) {
            session.getBusinessObject(MessageAdministration.class)
                    .replayRefused(id, before, refused.code(), refused.reason());
            throw refused;
        }
        message.replayed();
        audit.record(replayEvent(message, AuditOutcome.SUCCESS, before + " -> " + message.getStatus()));
        return message.getStatus().name();
    }

    /** Keeps the refusal of a replay on the message and in the audit, though the replay rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void replayRefused(long id, String before, ErrorCode code, String reason) {
        InboundMessage message = find(id);
        message.replayed();
        message.reject(code, reason);
        audit.record(replayEvent(message, AuditOutcome.DENIED, before + " -> " + code));
    }

    private AuditEvent replayEvent(InboundMessage message, AuditOutcome outcome, String change) {
        return new AuditEvent(
                AuditAction.MESSAGE_REPLAYED,
                outcome,
                Actor.account(session.getCallerPrincipal().getName()),
                message.getPersonId(),
                "inbox " + message.getId() + " (" + message.getOperation() + " " + message.getMessageId() + " from "
                        + message.getAccountUsername() + "): " + change);
    }

    private InboundMessage find(long id) {
        InboundMessage message = em.find(InboundMessage.class, id);
        if (message == null) {
            throw new IcrException(ErrorCode.NOT_FOUND, "No such message.");
        }
        return message;
    }

    private static String where(MessageFilter f) {
        List<String> conditions = new ArrayList<>();
        if (f.account() != null) {
            conditions.add("m.accountUsername = :account");
        }
        if (f.status() != null) {
            conditions.add("m.status = :status");
        }
        if (f.operation() != null) {
            conditions.add("m.operation = :operation");
        }
        if (f.from() != null) {
            conditions.add("m.receivedAt >= :from");
        }
        if (f.to() != null) {
            conditions.add("m.receivedAt < :to");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static void bind(TypedQuery<?> query, MessageFilter f) {
        if (f.account() != null) {
            query.setParameter("account", f.account());
        }
        if (f.status() != null) {
            query.setParameter("status", org.openicr.ingestion.entity.MessageStatus.valueOf(f.status()));
        }
        if (f.operation() != null) {
            query.setParameter("operation", f.operation());
        }
        if (f.from() != null) {
            query.setParameter("from", f.from());
        }
        if (f.to() != null) {
            query.setParameter("to", f.to());
        }
    }

    /** A message received over MLLP is kept as its HL7 v2 text (UTF-8): replayed as SubmitHl7's body. */
    private static Hl7Message mllpPayload(byte[] raw) {
        Hl7Message hl7 = new Hl7Message();
        hl7.setEr7(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
        return hl7;
    }

    private static MessageSummary summary(InboundMessage m) {
        return new MessageSummary(
                m.getId(),
                m.getReceivedAt(),
                m.getAccountUsername(),
                m.getOperation(),
                m.getMessageId(),
                m.getStatus().name(),
                m.getErrorCode(),
                m.getErrorReason(),
                m.getPersonId(),
                m.getItemCount(),
                m.getSizeBytes(),
                m.getReplays(),
                m.getDoor());
    }
}
