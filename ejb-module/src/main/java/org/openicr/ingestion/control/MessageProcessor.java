package org.openicr.ingestion.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.ingestion.contract.DemographicsAcknowledgement;
import org.openicr.ingestion.contract.DemographicsSubmission;
import org.openicr.ingestion.contract.Hl7Acknowledgement;
import org.openicr.ingestion.contract.Hl7Message;
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
import org.openicr.ingestion.control.hl7.Hl7Ack;
import org.openicr.ingestion.control.hl7.Hl7Command;
import org.openicr.ingestion.control.hl7.Hl7Mapper;
import org.openicr.ingestion.control.hl7.Hl7Mapping;
import org.openicr.ingestion.control.hl7.Hl7Outcome;
import org.openicr.ingestion.control.hl7.LocalIdentifier;
import org.openicr.ingestion.control.hl7.PatientIdentity;
import org.openicr.ingestion.entity.InboundMessage;
import org.openicr.ingestion.entity.MessageStatus;
import org.openicr.patient.entity.Demographics;
import org.openicr.patient.entity.RestrictionRule;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.FieldLimit;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;

/**
 * Processes one message for its source, inside the caller's transaction: the idempotency check,
 * patient matching and the writes, with the outcome set on the message and the audit event of its
 * processing handed to {@code audit}; the caller writes both, and all commit together before the
 * acknowledgement is sent. Used for live calls (the inbox row and the event in one statement) and
 * for administrators' replays (the stored row updated, the event through the audit trail).
 */
@Dependent
public class MessageProcessor {

    public static final Set<String> WITHDRAWAL_REASONS =
            Set.of("NO_LONGER_HELD", "RETENTION", "ENTERED_IN_ERROR", "CANCELLED");

    private static final Hl7Mapper HL7 = new Hl7Mapper();

    /** The warning for demographics older than the source's last version; an ERR segment on HL7 ACKs. */
    static final String SUPERSEDED = "superseded: this source already sent a newer version of the person"
            + " (lastUpdated/MSH-7); this one is stored and changes nothing";

    @Inject
    PersonIndex persons;

    @Inject
    ItemStore items;

    @Inject
    FirstAnswers firstAnswers;

    @Inject
    AuditTrail auditTrail;

    public DemographicsAcknowledgement demographics(
            InboundMessage message, SubmittingSource source, DemographicsSubmission body, Consumer<AuditEvent> audit) {
        String messageId = identify(message, source, "SubmitDemographics", body.getMessageId());
        Optional<StoredOutcome> earlier = earlierOutcome(message);
        StoredOutcome outcome;
        if (earlier.isPresent()) {
            outcome = earlier.get();
        } else {
            Demographics demographics = ContractMapping.demographics(body.getPerson());
            Instant asOf = body.getPerson().getLastUpdated() == null
                    ? message.getReceivedAt()
                    : ContractMapping.instant(body.getPerson().getLastUpdated());
            List<String> warnings = new ArrayList<>();
            PersonIndex.Upserted person = upsertPerson(message, source, demographics, asOf, warnings);
            if (body.getPerson().getLocalIdentifier() != null) {
                FieldLimit.LOCAL_IDENTIFIER.check(body.getPerson().getLocalIdentifier(), "person/localIdentifier");
                persons.link(source.id(), body.getPerson().getLocalIdentifier(), person.personId());
            }
            String result = person.created() ? "CREATED" : person.applied() ? "UPDATED" : "SUPERSEDED";
            outcome = new StoredOutcome(result, person.personId(), List.of(), warnings);
            complete(
                    audit,
                    message,
                    source,
                    MessageStatus.ACCEPTED,
                    outcome,
                    0,
                    "person " + outcome.outcome().toLowerCase()
                            + (warnings.isEmpty() ? "" : "; " + String.join("; ", warnings)));
        }
        DemographicsAcknowledgement ack = new DemographicsAcknowledgement();
        ack.setMessageId(messageId);
        ack.setOutcome(Outcome.valueOf(outcome.outcome()));
        ack.setPersonReference(outcome.personReference());
        ack.getWarning().addAll(outcome.reasons() == null ? List.of() : outcome.reasons());
        return ack;
    }

    /**
     * Applies a source's version of a person ({@link PersonIndex#upsert}); says in {@code warnings}
     * what was not applied, and audits a cleared restriction as its own event with a privacy
     * officer alert (both in the message's transaction).
     */
    private PersonIndex.Upserted upsertPerson(
            InboundMessage message, SubmittingSource source, Demographics d, Instant asOf, List<String> warnings) {
        PersonIndex.Upserted person = persons.upsert(d, asOf, source.id(), message.getId());
        if (!person.applied()) {
            warnings.add(SUPERSEDED);
        }
        switch (person.restriction()) {
            case CLEAR_IGNORED -> warnings.add(RestrictionRule.CLEAR_IGNORED_WARNING);
            case CLEARED -> {
                String detail = "restriction cleared by source " + source.code() + " (authoritative for"
                        + " demographics), message " + message.getMessageId() + " (inbox " + message.getId() + ")";
                auditTrail.record(new AuditEvent(
                        AuditAction.RESTRICTION_CLEARED,
                        AuditOutcome.SUCCESS,
                        new Actor(message.getAccountUsername(), null, source.organisationOds()),
                        person.ownPersonId(),
                        detail));
                persons.restrictionClearedAlert(
                        message.getAccountUsername(), source.organisationOds(), person.ownPersonId(), detail);
            }
            default -> {}
        }
        return person;
    }

    public ItemBatchAcknowledgement items(
            InboundMessage message, SubmittingSource source, ItemBatch body, Consumer<AuditEvent> audit) {
        return items(message, source, body, audit, Map.of());
    }

    /**
     * @param itemFaults items the contract's schema refused for a value's length alone (index from
     *     0 to the reason naming the field): refused on their own under {@code partial}, else the
     *     first of them refuses the batch, as before
     */
    public ItemBatchAcknowledgement items(
            InboundMessage message,
            SubmittingSource source,
            ItemBatch body,
            Consumer<AuditEvent> audit,
            Map<Integer, String> itemFaults) {
        String messageId = identify(message, source, "SubmitItems", body.getMessageId());
        Optional<StoredOutcome> earlier = earlierOutcome(message);
        StoredOutcome outcome;
        if (earlier.isPresent()) {
            outcome = earlier.get();
        } else {
            boolean partial = body.isPartial();
            if (!partial && !itemFaults.isEmpty()) {
                throw new IcrException(
                        ErrorCode.INVALID_INPUT,
                        itemFaults.entrySet().stream()
                                .min(Map.Entry.comparingByKey())
                                .get()
                                .getValue());
            }
            List<IncomingItem> incoming = new ArrayList<>();
            // Under partial, the answer of each item in the batch's order: refused ones now, the
            // others once written.
            ItemResult[] answers = new ItemResult[body.getItem().size()];
            Set<String> keys = new java.util.HashSet<>();
            for (int i = 0; i < body.getItem().size(); i++) {
                Item item = body.getItem().get(i);
                try {
                    if (itemFaults.containsKey(i)) {
                        throw new IcrException(ErrorCode.INVALID_INPUT, itemFaults.get(i));
                    }
                    IncomingItem mapped = ContractMapping.item(item, i);
                    if (!keys.add(mapped.item().sourceKey())) {
                        throw new IcrException(
                                ErrorCode.INVALID_INPUT, "item " + (i + 1) + ": sourceKey repeats within the batch.");
                    }
                    incoming.add(mapped);
                } catch (IcrException refused) {
                    if (!partial) {
                        throw refused;
                    }
                    answers[i] = new ItemResult(
                            item.getSourceKey() == null ? "" : item.getSourceKey(),
                            ItemStore.Outcome.REFUSED,
                            refused.code().name(),
                            refused.reason());
                }
            }
            if (body.getItem().isEmpty()) {
                throw new IcrException(ErrorCode.INVALID_INPUT, "A batch needs at least one item.");
            }
            List<ItemResult> refused = java.util.Arrays.stream(answers)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            Optional<Long> person = match(source, body.getPatient());
            if (person.isEmpty()) {
                outcome = new StoredOutcome("HELD_UNMATCHED", null, StoredOutcome.items(refused), List.of());
                complete(
                        audit,
                        message,
                        source,
                        MessageStatus.UNMATCHED,
                        outcome,
                        incoming.size(),
                        "held: no person matches");
            } else {
                List<ItemResult> written = incoming.isEmpty()
                        ? List.of()
                        : items.upsert(
                                person.get(), source.id(), source.organisationId(), message.getId(), incoming, partial);
                java.util.Iterator<ItemResult> next = written.iterator();
                for (int i = 0; i < answers.length; i++) {
                    if (answers[i] == null) {
                        answers[i] = next.next();
                    }
                }
                List<ItemResult> results = List.of(answers);
                outcome = new StoredOutcome(
                        results.stream().anyMatch(r -> r.outcome() == ItemStore.Outcome.REFUSED)
                                ? "PARTIALLY_ACCEPTED"
                                : "ACCEPTED",
                        person.get(),
                        StoredOutcome.items(results),
                        List.of());
                complete(audit, message, source, MessageStatus.ACCEPTED, outcome, answers.length, counts(results));
            }
        }
        ItemBatchAcknowledgement ack = new ItemBatchAcknowledgement();
        ack.setMessageId(messageId);
        ack.setOutcome(outcome.outcome());
        ack.setPersonReference(outcome.personReference());
        ack.getItemOutcome().addAll(itemOutcomes(outcome));
        return ack;
    }

    public ItemWithdrawalAcknowledgement withdrawals(
            InboundMessage message, SubmittingSource source, ItemWithdrawal body, Consumer<AuditEvent> audit) {
        String messageId = identify(message, source, "WithdrawItems", body.getMessageId());
        Optional<StoredOutcome> earlier = earlierOutcome(message);
        StoredOutcome outcome;
        if (earlier.isPresent()) {
            outcome = earlier.get();
        } else {
            Map<String, ItemStore.Withdrawal> withdrawals = new LinkedHashMap<>();
            for (int i = 0; i < body.getWithdrawal().size(); i++) {
                Withdrawal withdrawal = body.getWithdrawal().get(i);
                String reason = withdrawal.getReason() == null
                        ? ""
                        : withdrawal.getReason().strip().toUpperCase();
                if (!WITHDRAWAL_REASONS.contains(reason)) {
                    throw new IcrException(
                            ErrorCode.INVALID_INPUT,
                            "The withdrawal reason must be NO_LONGER_HELD, RETENTION, ENTERED_IN_ERROR or CANCELLED.");
                }
                if (withdrawal.getSourceKey() == null
                        || withdrawal.getSourceKey().isBlank()) {
                    throw new IcrException(ErrorCode.INVALID_INPUT, "sourceKey is required.");
                }
                String key = withdrawal.getSourceKey().strip();
                withdrawals.put(key, new ItemStore.Withdrawal(key, reason, withdrawalVersion(withdrawal, i)));
            }
            List<ItemResult> results = items.withdraw(source.id(), message.getId(), List.copyOf(withdrawals.values()));
            outcome = new StoredOutcome("ACCEPTED", null, StoredOutcome.items(results), List.of());
            complete(audit, message, source, MessageStatus.ACCEPTED, outcome, withdrawals.size(), counts(results));
        }
        ItemWithdrawalAcknowledgement ack = new ItemWithdrawalAcknowledgement();
        ack.setMessageId(messageId);
        ack.getItemOutcome().addAll(itemOutcomes(outcome));
        return ack;
    }

    /** The withdrawal's version: {@code version}, else {@code lastUpdated} in epoch milliseconds, else none. */
    private static Long withdrawalVersion(Withdrawal withdrawal, int index) {
        if (withdrawal.getVersion() != null) {
            if (withdrawal.getVersion() < 0) {
                throw new IcrException(
                        ErrorCode.INVALID_INPUT, "withdrawal " + (index + 1) + ": version must not be negative.");
            }
            return withdrawal.getVersion();
        }
        return withdrawal.getLastUpdated() == null
                ? null
                : ContractMapping.instant(withdrawal.getLastUpdated()).toEpochMilli();
    }

    public Hl7Acknowledgement hl7(
            InboundMessage message, SubmittingSource source, Hl7Message body, Consumer<AuditEvent> audit) {
        Hl7Mapping mapping = HL7.map(body.getEr7(), source.conventions());
        String messageId = blank(body.getMessageId()) ? mapping.controlId() : body.getMessageId();
        if (blank(messageId)) {
            throw new IcrException(
                    ErrorCode.HL7_REJECTED, "The message has no MSH-10 control id and no messageId was given.");
        }
        identify(message, source, "SubmitHl7", messageId);
        Optional<StoredOutcome> earlier = earlierOutcome(message);
        StoredOutcome outcome = earlier.isPresent() ? earlier.get() : apply(message, source, mapping, audit);
        Hl7Acknowledgement ack = new Hl7Acknowledgement();
        ack.setMessageId(messageId.strip());
        ack.setControlId(mapping.controlId());
        ack.setMessageType(mapping.messageType());
        ack.setAcknowledgementCode("AA");
        ack.setOutcome(outcome.outcome());
        ack.setPersonReference(outcome.personReference());
        ack.getReason().addAll(outcome.reasons());
        ack.getItemOutcome().addAll(itemOutcomes(outcome));
        ack.setAck(Hl7Ack.er7(
                mapping.sendingApplication(),
                mapping.sendingFacility(),
                mapping.messageType(),
                mapping.controlId(),
                "AA",
                "ICR" + message.getId(),
                Instant.now(),
                warnings(outcome)));
        return ack;
    }

    /** Applies a mapped HL7 v2 message's commands in order; refuses one that could not be mapped. */
    private StoredOutcome apply(
            InboundMessage message, SubmittingSource source, Hl7Mapping mapping, Consumer<AuditEvent> audit) {
        String type = String.valueOf(mapping.messageType());
        if (mapping.outcome() == Hl7Outcome.REJECTED) {
            throw new IcrException(ErrorCode.HL7_REJECTED, String.join("; ", mapping.reasons()));
        }
        if (mapping.outcome() == Hl7Outcome.NOT_USED) {
            StoredOutcome outcome = new StoredOutcome("NOT_USED", null, List.of(), mapping.reasons());
            complete(audit, message, source, MessageStatus.NOT_USED, outcome, 0, type + " not used");
            return outcome;
        }
        List<String> reasons = new ArrayList<>(mapping.reasons());
        Long personId = null;
        for (Hl7Command.UpsertPerson upsert : mapping.commands(Hl7Command.UpsertPerson.class)) {
            Instant asOf = upsert.asOf() == null ? message.getReceivedAt() : upsert.asOf();
            personId = upsertPerson(message, source, upsert.demographics(), asOf, reasons)
                    .personId();
        }
        if (personId == null && mapping.identity() != null) {
            personId = resolve(source, mapping.identity()).orElse(null);
        }
        // A merge links the surviving identifiers only once it is permitted: linking them first would
        // make the source "hold" the survivor by the very message that asks for the merge.
        boolean merges = !mapping.commands(Hl7Command.MergePersons.class).isEmpty()
                || !mapping.commands(Hl7Command.MoveVisit.class).isEmpty();
        if (personId != null && mapping.identity() != null && !merges) {
            for (LocalIdentifier local : mapping.identity().localIdentifiers()) {
                persons.link(source.id(), localKey(local), personId);
            }
        }
        List<IncomingItem> upserts = mapping.commands(Hl7Command.UpsertItem.class).stream()
                .map(u -> new IncomingItem(u.item(), u.content()))
                .toList();
        if (!upserts.isEmpty() && personId == null) {
            StoredOutcome held = new StoredOutcome("HELD_UNMATCHED", null, List.of(), reasons);
            complete(
                    audit,
                    message,
                    source,
                    MessageStatus.UNMATCHED,
                    held,
                    upserts.size(),
                    type + " held: no person matches");
            return held;
        }
        List<ItemResult> results = new ArrayList<>();
        for (Hl7Command command : mapping.commands()) {
            if (command instanceof Hl7Command.CancelItem cancel) {
                // At the message's time (MSH-7), so that a cancellation older than the item's latest
                // version (an SIU^S17 dated before an S13) changes nothing (issue 21, item 2).
                results.addAll(items.withdraw(
                        source.id(),
                        message.getId(),
                        List.of(new ItemStore.Withdrawal(
                                cancel.sourceKey(),
                                "CANCELLED",
                                mapping.messageTime() == null
                                        ? null
                                        : mapping.messageTime().toEpochMilli()))));
            } else if (command instanceof Hl7Command.MergePersons merge) {
                reasons.add(merge(message, source, merge));
            } else if (command instanceof Hl7Command.ChangeIdentifier change) {
                Moved changed = changeIdentifier(message, source, change);
                reasons.add(changed.reason());
                personId = personId == null ? changed.personId() : personId;
            } else if (command instanceof Hl7Command.MoveVisit move) {
                Moved moved = moveVisit(message, source, move);
                reasons.add(moved.reason());
                personId = personId == null ? moved.personId() : personId;
            }
        }
        if (!upserts.isEmpty()) {
            results.addAll(items.upsert(personId, source.id(), source.organisationId(), message.getId(), upserts));
        }
        StoredOutcome outcome = new StoredOutcome("ACCEPTED", personId, StoredOutcome.items(results), reasons);
        complete(audit, message, source, MessageStatus.ACCEPTED, outcome, results.size(), type + " " + counts(results));
        return outcome;
    }

    /** ADT^A40: the retired record's items move to the survivor; unknown sides are linked, not invented. */
    private String merge(InboundMessage message, SubmittingSource source, Hl7Command.MergePersons merge) {
        Optional<Long> survivor = resolve(source, merge.surviving());
        Optional<Long> retired = resolve(source, merge.retired());
        if (retired.isEmpty()) {
            survivor.ifPresent(id -> merge.retired()
                    .localIdentifiers()
                    .forEach(local -> persons.link(source.id(), localKey(local), id)));
            survivor.ifPresent(id -> merge.surviving()
                    .localIdentifiers()
                    .forEach(local -> persons.link(source.id(), localKey(local), id)));
            return "merge: the retired record is not held; nothing to move";
        }
        if (survivor.isEmpty()) {
            merge.surviving()
                    .localIdentifiers()
                    .forEach(local -> persons.link(source.id(), localKey(local), retired.get()));
            return "merge: the surviving identifiers now lead to the existing record";
        }
        if (!survivor.get().equals(retired.get()) && !persons.mayMerge(source.id(), survivor.get(), retired.get())) {
            throw new IcrException(
                    ErrorCode.SOURCE_NOT_PERMITTED,
                    "Source " + source.code() + " may not merge these records: it holds no local identifier or"
                            + " items for both people and is not authoritative for the patient index;"
                            + " nothing was changed.");
        }
        int moved = persons.merge(survivor.get(), retired.get(), source.id(), message.getId());
        merge.surviving()
                .localIdentifiers()
                .forEach(local -> persons.link(source.id(), localKey(local), survivor.get()));
        if (!survivor.get().equals(retired.get())) {
            auditTrail.record(new AuditEvent(
                    AuditAction.PERSON_MERGED,
                    AuditOutcome.SUCCESS,
                    new Actor(message.getAccountUsername(), null, source.organisationOds()),
                    survivor.get(),
                    "person " + retired.get() + " merged into person " + survivor.get() + " by source "
                            + source.code() + ", message " + message.getMessageId() + " (inbox " + message.getId()
                            + "): " + moved + " item(s) moved"));
        }
        return "merge: " + moved + " item(s) moved to the surviving record";
    }

    /** What an identifier change or a visit move said, and the person it leaves the record with (or null). */
    private record Moved(String reason, Long personId) {}

    /**
     * ADT^A47: the source's own identifier for a person is relabelled. Refused (nothing changed)
     * when the source does not hold the old identifier and is not authoritative for the patient
     * index, or when the new identifier is already the source's identifier of another person.
     */
    private Moved changeIdentifier(
            InboundMessage message, SubmittingSource source, Hl7Command.ChangeIdentifier change) {
        String previous = localKey(change.previous());
        String current = localKey(change.current());
        Optional<Long> holder = persons.byLocalIdentifier(source.id(), previous);
        if (holder.isEmpty()) {
            if (!persons.authoritativeForIndex(source.id())) {
                throw new IcrException(
                        ErrorCode.SOURCE_NOT_PERMITTED,
                        "Source " + source.code() + " may not change this local identifier: it does not hold the"
                                + " identifier in MRG-1 and is not authoritative for the patient index;"
                                + " nothing was changed.");
            }
            return new Moved("identifier change: the identifier in MRG-1 is not held; nothing to relabel", null);
        }
        if (previous.equals(current)) {
            return new Moved(
                    "identifier change: MRG-1 and PID-3 name the same identifier; nothing changed", holder.get());
        }
        Optional<Long> newHolder = persons.byLocalIdentifier(source.id(), current);
        if (newHolder.isPresent() && !newHolder.get().equals(holder.get())) {
            throw new IcrException(
                    ErrorCode.LOCAL_IDENTIFIER_CONFLICT,
                    "Source " + source.code() + " already uses the identifier in PID-3 for another person;"
                            + " nothing was changed.");
        }
        if (newHolder.isPresent()) {
            return new Moved(
                    "identifier change: the identifier in PID-3 already leads to this person; nothing changed",
                    holder.get());
        }
        persons.relabel(source.id(), previous, current);
        auditTrail.record(new AuditEvent(
                AuditAction.IDENTIFIER_CHANGED,
                AuditOutcome.SUCCESS,
                new Actor(message.getAccountUsername(), null, source.organisationOds()),
                holder.get(),
                "local identifier of person " + holder.get() + " changed by source " + source.code() + ", message "
                        + message.getMessageId() + " (inbox " + message.getId() + ")"));
        return new Moved("identifier change: the source's identifier was relabelled", holder.get());
    }

    /**
     * ADT^A45: the source's visit (its ENCOUNTERS item keyed by the visit number) moves to the PID's
     * person, under the merge's ownership check. Refused (nothing changed) when the PID's person is
     * not held, when the visit is not on the record MRG-1 names, or when the source may not move
     * between these two people.
     */
    private Moved moveVisit(InboundMessage message, SubmittingSource source, Hl7Command.MoveVisit move) {
        Optional<PersonIndex.SourceItem> item = persons.sourceItem(source.id(), move.visitKey());
        Optional<Long> to = resolve(source, move.to());
        if (item.isEmpty()) {
            return new Moved("visit move: the visit is not held; nothing to move", to.orElse(null));
        }
        if (to.isEmpty()) {
            throw new IcrException(
                    ErrorCode.NOT_FOUND,
                    "The person in PID-3 is not in the shared care record, so the visit cannot move to them: send"
                            + " their registration first; nothing was changed.");
        }
        long from = item.get().personId();
        if (from == to.get()) {
            return new Moved("visit move: the visit is already on this person's record; nothing to move", to.get());
        }
        if (move.from() != null && !resolve(source, move.from()).equals(Optional.of(from))) {
            throw new IcrException(
                    ErrorCode.INVALID_INPUT, "The visit is not on the record MRG-1 names; nothing was changed.");
        }
        if (!persons.mayMerge(source.id(), to.get(), from)) {
            throw new IcrException(
                    ErrorCode.SOURCE_NOT_PERMITTED,
                    "Source " + source.code() + " may not move this visit: it holds no local identifier or items"
                            + " for both people and is not authoritative for the patient index; nothing was changed.");
        }
        persons.moveItem(source.id(), item.get().itemId(), to.get());
        move.to().localIdentifiers().forEach(local -> persons.link(source.id(), localKey(local), to.get()));
        auditTrail.record(new AuditEvent(
                AuditAction.VISIT_MOVED,
                AuditOutcome.SUCCESS,
                new Actor(message.getAccountUsername(), null, source.organisationOds()),
                to.get(),
                "visit item " + item.get().itemId() + " moved from person " + from + " to person " + to.get()
                        + " by source " + source.code() + ", message " + message.getMessageId() + " (inbox "
                        + message.getId() + ")"));
        return new Moved("visit move: 1 item moved to this person's record", to.get());
    }

    private Optional<Long> resolve(SubmittingSource source, PatientIdentity identity) {
        if (identity.nhsNumber() != null) {
            Optional<Long> byNhsNumber = persons.byNhsNumber(identity.nhsNumber());
            if (byNhsNumber.isPresent()) {
                return byNhsNumber;
            }
        }
        for (LocalIdentifier local : identity.localIdentifiers()) {
            Optional<Long> byLocal = persons.byLocalIdentifier(source.id(), localKey(local));
            if (byLocal.isPresent()) {
                return byLocal;
            }
        }
        return Optional.empty();
    }

    /** HL7 local identifiers are kept as "assigning authority:value", since one source may use several. */
    static String localKey(LocalIdentifier local) {
        String key =
                local.assigningAuthority() == null || local.assigningAuthority().isBlank()
                        ? local.value()
                        : local.assigningAuthority() + ":" + local.value();
        return FieldLimit.LOCAL_IDENTIFIER.check(key, "PID-3 local identifier (CX-4:CX-1)");
    }

    /** NHS Number first, then the source's own identifier for the person. */
    Optional<Long> match(SubmittingSource source, PatientReference patient) {
        if (patient == null || (blank(patient.getNhsNumber()) && blank(patient.getLocalIdentifier()))) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "patient needs an nhsNumber or a localIdentifier.");
        }
        FieldLimit.LOCAL_IDENTIFIER.check(patient.getLocalIdentifier(), "patient/localIdentifier");
        if (!blank(patient.getNhsNumber())) {
            Optional<Long> byNhsNumber =
                    source.personByNhsNumber(NhsNumber.of(patient.getNhsNumber()), persons::byNhsNumber);
            if (byNhsNumber.isPresent()) {
                if (!blank(patient.getLocalIdentifier())) {
                    persons.link(source.id(), patient.getLocalIdentifier(), byNhsNumber.get());
                }
                return byNhsNumber;
            }
        }
        return blank(patient.getLocalIdentifier())
                ? Optional.empty()
                : persons.byLocalIdentifier(source.id(), patient.getLocalIdentifier());
    }

    private String identify(InboundMessage message, SubmittingSource source, String operation, String messageId) {
        if (blank(messageId)) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "messageId is required.");
        }
        FieldLimit.MESSAGE_ID.check(
                messageId.strip(), "SubmitHl7".equals(operation) ? "messageId (or MSH-10)" : "messageId");
        message.identify(operation, messageId.strip(), source.id());
        return messageId.strip();
    }

    /**
     * The first answer to this (source, message id), when there is one: the message is then a
     * duplicate and changes nothing. A first answer that was a refusal is given again as a refusal.
     */
    private Optional<StoredOutcome> earlierOutcome(InboundMessage message) {
        Optional<InboundMessage> first = firstAnswers.before(message);
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
            Consumer<AuditEvent> audit,
            InboundMessage message,
            SubmittingSource source,
            MessageStatus status,
            StoredOutcome outcome,
            int count,
            String detail) {
        message.accept(status, outcome.toJson(), outcome.personReference(), count);
        audit.accept(new AuditEvent(
                AuditAction.MESSAGE_INGESTED,
                AuditOutcome.SUCCESS,
                new Actor(message.getAccountUsername(), null, source.organisationOds()),
                outcome.personReference(),
                message.getOperation() + " " + message.getMessageId() + " (inbox " + message.getId() + ") from "
                        + source.code() + ": " + status + ", " + count + " item(s), " + detail));
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
                    o.setFaultCode(i.faultCode());
                    o.setReason(i.reason());
                    return o;
                })
                .toList();
    }

    /**
     * The ERR segments of an HL7 answer: every item not applied as sent (older, withdrawn first,
     * withdrawal older than the item, cancellation of an item not held) and superseded demographics.
     */
    static List<Hl7Ack.Warning> warnings(StoredOutcome outcome) {
        List<Hl7Ack.Warning> warnings = new ArrayList<>();
        if (outcome.reasons() != null && outcome.reasons().contains(SUPERSEDED)) {
            warnings.add(new Hl7Ack.Warning(null, "SUPERSEDED", SUPERSEDED));
        }
        for (StoredOutcome.StoredItem item : outcome.items()) {
            if (item.reason() != null) {
                warnings.add(new Hl7Ack.Warning(item.sourceKey(), item.outcome(), item.reason()));
            }
        }
        return warnings;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
