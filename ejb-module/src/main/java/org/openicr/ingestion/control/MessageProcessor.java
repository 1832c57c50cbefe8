package org.openicr.ingestion.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.entity.SourceSystem;
import org.openicr.ingestion.contract.DemographicsAcknowledgement;
import org.openicr.ingestion.contract.DemographicsSubmission;
import org.openicr.ingestion.contract.Item;
import org.openicr.ingestion.contract.ItemBatch;
import org.openicr.ingestion.contract.ItemBatchAcknowledgement;
import org.openicr.ingestion.contract.ItemOutcome;
import org.openicr.ingestion.contract.ItemWithdrawal;
import org.openicr.ingestion.contract.ItemWithdrawalAcknowledgement;
import org.openicr.ingestion.contract.Outcome;
import org.openicr.ingestion.contract.PatientReference;
import org.openicr.ingestion.contract.Withdrawal;
import org.openicr.ingestion.control.ContractMapping.IncomingItem;
import org.openicr.ingestion.control.ItemStore.ItemResult;
import org.openicr.ingestion.entity.InboundMessage;
import org.openicr.ingestion.entity.MessageStatus;
import org.openicr.patient.entity.Demographics;
import org.openicr.patient.entity.NhsNumber;
import org.openicr.platform.ErrorCode;
import org.openicr.platform.IcrException;

/**
 * Processes one stored message for its source, inside the caller's transaction: the idempotency
 * check, patient matching, the writes, the inbox row's outcome and the audit event all commit
 * together, before the acknowledgement is sent. Used for live calls and for administrators' replays.
 */
@Dependent
public class MessageProcessor {

    public static final Set<String> WITHDRAWAL_REASONS =
            Set.of("NO_LONGER_HELD", "RETENTION", "ENTERED_IN_ERROR", "CANCELLED");

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonIndex persons;

    @Inject
    ItemStore items;

    @EJB
    AuditTrail audit;

    public DemographicsAcknowledgement demographics(
            InboundMessage message, SourceSystem source, DemographicsSubmission body) {
        String messageId = identify(message, "SubmitDemographics", body.getMessageId());
        Optional<StoredOutcome> earlier = earlierOutcome(message, source);
        StoredOutcome outcome;
        if (earlier.isPresent()) {
            outcome = earlier.get();
        } else {
            Demographics demographics = ContractMapping.demographics(body.getPerson());
            PersonIndex.Upserted person = persons.upsert(demographics, source.getId());
            if (body.getPerson().getLocalIdentifier() != null) {
                persons.link(source.getId(), body.getPerson().getLocalIdentifier(), person.personId());
            }
            outcome = new StoredOutcome(person.created() ? "CREATED" : "UPDATED", person.personId(), List.of());
            complete(
                    message,
                    source,
                    MessageStatus.ACCEPTED,
                    outcome,
                    0,
                    "person " + outcome.outcome().toLowerCase());
        }
        DemographicsAcknowledgement ack = new DemographicsAcknowledgement();
        ack.setMessageId(messageId);
        ack.setOutcome(Outcome.valueOf(outcome.outcome()));
        ack.setPersonReference(outcome.personReference());
        return ack;
    }

    public ItemBatchAcknowledgement items(InboundMessage message, SourceSystem source, ItemBatch body) {
        String messageId = identify(message, "SubmitItems", body.getMessageId());
        Optional<StoredOutcome> earlier = earlierOutcome(message, source);
        StoredOutcome outcome;
        if (earlier.isPresent()) {
            outcome = earlier.get();
        } else {
            List<IncomingItem> incoming = new ArrayList<>();
            Set<String> keys = new java.util.HashSet<>();
            for (int i = 0; i < body.getItem().size(); i++) {
                Item item = body.getItem().get(i);
                IncomingItem mapped = ContractMapping.item(item, i);
                if (!keys.add(mapped.item().sourceKey())) {
                    throw new IcrException(
                            ErrorCode.INVALID_INPUT, "item " + (i + 1) + ": sourceKey repeats within the batch.");
                }
                incoming.add(mapped);
            }
            if (incoming.isEmpty()) {
                throw new IcrException(ErrorCode.INVALID_INPUT, "A batch needs at least one item.");
            }
            Optional<Long> person = match(source, body.getPatient());
            if (person.isEmpty()) {
                outcome = new StoredOutcome("HELD_UNMATCHED", null, List.of());
                complete(message, source, MessageStatus.UNMATCHED, outcome, incoming.size(), "held: no person matches");
            } else {
                List<ItemResult> results = items.upsert(
                        person.get(), source.getId(), source.getOrganisation().getId(), message.getId(), incoming);
                outcome = new StoredOutcome("ACCEPTED", person.get(), StoredOutcome.items(results));
                complete(message, source, MessageStatus.ACCEPTED, outcome, incoming.size(), counts(results));
            }
        }
        ItemBatchAcknowledgement ack = new ItemBatchAcknowledgement();
        ack.setMessageId(messageId);
        ack.setOutcome(outcome.outcome());
        ack.setPersonReference(outcome.personReference());
        ack.getItemOutcome().addAll(itemOutcomes(outcome));
        return ack;
    }

    public ItemWithdrawalAcknowledgement withdrawals(InboundMessage message, SourceSystem source, ItemWithdrawal body) {
        String messageId = identify(message, "WithdrawItems", body.getMessageId());
        Optional<StoredOutcome> earlier = earlierOutcome(message, source);
        StoredOutcome outcome;
        if (earlier.isPresent()) {
            outcome = earlier.get();
        } else {
            Map<String, String> reasons = new LinkedHashMap<>();
            for (Withdrawal withdrawal : body.getWithdrawal()) {
                String reason = withdrawal.getReason() == null
                        ? ""
                        : withdrawal.getReason().strip().toUpperCase();
                if (!WITHDRAWAL_REASONS.contains(reason)) {
                    throw new IcrException(
                            ErrorCode.INVALID_INPUT, "reason must be one of " + WITHDRAWAL_REASONS + ".");
                }
                if (withdrawal.getSourceKey() == null
                        || withdrawal.getSourceKey().isBlank()) {
                    throw new IcrException(ErrorCode.INVALID_INPUT, "sourceKey is required.");
                }
                reasons.put(withdrawal.getSourceKey().strip(), reason);
            }
            List<ItemResult> results = items.withdraw(source.getId(), reasons);
            outcome = new StoredOutcome("ACCEPTED", null, StoredOutcome.items(results));
            complete(message, source, MessageStatus.ACCEPTED, outcome, reasons.size(), counts(results));
        }
        ItemWithdrawalAcknowledgement ack = new ItemWithdrawalAcknowledgement();
        ack.setMessageId(messageId);
        ack.getItemOutcome().addAll(itemOutcomes(outcome));
        return ack;
    }

    /** NHS Number first, then the source's own identifier for the person. */
    Optional<Long> match(SourceSystem source, PatientReference patient) {
        if (patient == null || (blank(patient.getNhsNumber()) && blank(patient.getLocalIdentifier()))) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "patient needs an nhsNumber or a localIdentifier.");
        }
        if (!blank(patient.getNhsNumber())) {
            Optional<Long> byNhsNumber = persons.byNhsNumber(NhsNumber.of(patient.getNhsNumber()));
            if (byNhsNumber.isPresent()) {
                if (!blank(patient.getLocalIdentifier())) {
                    persons.link(source.getId(), patient.getLocalIdentifier(), byNhsNumber.get());
                }
                return byNhsNumber;
            }
        }
        return blank(patient.getLocalIdentifier())
                ? Optional.empty()
                : persons.byLocalIdentifier(source.getId(), patient.getLocalIdentifier());
    }

    private String identify(InboundMessage message, String operation, String messageId) {
        if (blank(messageId)) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "messageId is required.");
        }
        message.identify(operation, messageId.strip());
        return messageId.strip();
    }

    /**
     * The first answer to this (source, message id), when there is one: the message is then a
     * duplicate and changes nothing. A first answer that was a refusal is given again as a refusal.
     */
    private Optional<StoredOutcome> earlierOutcome(InboundMessage message, SourceSystem source) {
        Optional<InboundMessage> first = em.createQuery(
                        "select m from InboundMessage m where m.sourceSystemId = :source and m.messageId = :messageId"
                                + " and m.status in :statuses and m.id <> :self",
                        InboundMessage.class)
                .setParameter("source", source.getId())
                .setParameter("messageId", message.getMessageId())
                .setParameter(
                        "statuses",
                        List.of(
                                MessageStatus.ACCEPTED,
                                MessageStatus.REJECTED,
                                MessageStatus.UNMATCHED,
                                MessageStatus.NOT_USED))
                .setParameter("self", message.getId())
                .getResultStream()
                .findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (first.get().getStatus() == MessageStatus.REJECTED) {
            throw new IcrException(
                    ErrorCode.valueOf(first.get().getErrorCode()), first.get().getErrorReason());
        }
        message.duplicateOf(first.get());
        return Optional.of(StoredOutcome.fromJson(first.get().getOutcome()));
    }

    private void complete(
            InboundMessage message,
            SourceSystem source,
            MessageStatus status,
            StoredOutcome outcome,
            int count,
            String detail) {
        message.accept(status, outcome.toJson(), outcome.personReference(), count);
        audit.record(new AuditEvent(
                AuditAction.MESSAGE_INGESTED,
                AuditOutcome.SUCCESS,
                new Actor(
                        message.getAccountUsername(),
                        null,
                        source.getOrganisation().getOdsCode()),
                outcome.personReference(),
                message.getOperation() + " " + message.getMessageId() + " (inbox " + message.getId() + ") from "
                        + source.getCode() + ": " + status + ", " + count + " item(s), " + detail));
    }

    private static String counts(List<ItemResult> results) {
        Map<ItemStore.Outcome, Long> counts = new java.util.EnumMap<>(ItemStore.Outcome.class);
        results.forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        return counts.toString();
    }

    private static List<ItemOutcome> itemOutcomes(StoredOutcome outcome) {
        return outcome.items().stream()
                .map(i -> {
                    ItemOutcome o = new ItemOutcome();
                    o.setSourceKey(i.sourceKey());
                    o.setOutcome(i.outcome());
                    return o;
                })
                .toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
