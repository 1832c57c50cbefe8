package org.openicr.record.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.openicr.access.control.AccessDecision;
import org.openicr.access.control.AccessRecords;
import org.openicr.access.control.RecordReadings;
import org.openicr.access.entity.AccessDefaults;
import org.openicr.access.entity.ItemVisibility;
import org.openicr.access.entity.RecordDecision;
import org.openicr.access.entity.RecordFacts;
import org.openicr.access.entity.Refusal;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.platform.Roles;
import org.openicr.record.control.ItemQuery;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * Breaking the seal of one item that the source withheld: allowed to role profiles that may break
 * seals, with a written justification, once the record itself is open to the reader. The break is
 * stored, audited and alerted to the privacy officer; the access decision then adds the item to
 * the reader's scope for the override period, so the item query itself shows its content.
 */
@Stateless
@RolesAllowed(Roles.RECORD_VIEWER)
public class SealBreaks {

    private static final AccessDecision DECISION = new AccessDecision();

    @Resource
    SessionContext session;

    @Inject
    RecordReadings readings;

    @Inject
    ItemQuery items;

    @Inject
    AccessRecords records;

    @EJB
    AuditTrail audit;

    @EJB
    PrivacyAlerts alerts;

    /** What the seal page may say about the item before the break: its category and source, never its content. */
    public WithheldItem withheld(long roleProfileId, long personId, long itemId) {
        Checked checked = check(roleProfileId, personId, itemId);
        return new WithheldItem(
                itemId,
                checked.item().category(),
                checked.item().effectiveAt(),
                checked.item().sourceOrganisation(),
                checked.permitted().scope().sealBroken(itemId));
    }

    /** Breaks the seal; refusals are audited as denials and answered with the reason. */
    public void breakSeal(long roleProfileId, long personId, long itemId, String justification) {
        Checked checked = check(roleProfileId, personId, itemId);
        Optional<Refusal> refusal = DECISION.sealBreak(
                checked.reader().access(),
                checked.item().withheld() ? ItemVisibility.WITHHELD : ItemVisibility.VISIBLE,
                AccessDefaults.REASON_POLICY,
                justification);
        if (refusal.isPresent()) {
            alerts.denied(
                    checked.actor(),
                    personId,
                    "break seal of item " + itemId + ": " + refusal.get().code());
            throw new IcrException(ErrorCode.NOT_PERMITTED, refusal.get().reason());
        }
        long declarationId = checked.reader()
                .reading()
                .facts()
                .declared()
                .map(RecordFacts.Declared::id)
                .orElseThrow();
        long sealBreakId = records.breakSeal(
                checked.reader().profile().accountId(), roleProfileId, personId, itemId, justification.strip());
        // The break widens this request's scope: a later read in it decides again.
        readings.forget(roleProfileId, personId);
        audit.record(new AuditEvent(
                        AuditAction.SEAL_BROKEN,
                        AuditOutcome.SUCCESS,
                        checked.actor(),
                        personId,
                        "seal of item " + itemId + " (" + checked.item().category() + ") broken (seal break "
                                + sealBreakId + ", declaration " + declarationId + ")")
                .purposeOfUse(checked.permitted().purposesOfUse().stream()
                        .map(Enum::name)
                        .reduce((a, b) -> a + " " + b)
                        .orElse(null)));
        alerts.raiseSealBreak(checked.actor(), personId, declarationId, sealBreakId);
    }

    private record Checked(Reader reader, RecordDecision.Permitted permitted, ItemQuery.Listed item) {
        Actor actor() {
            return reader.actor();
        }
    }

    /**
     * The record must be open to the reader and the item theirs to see listed (the item query
     * answers, with the scope in its SQL, as the lists do); anything else is denied.
     */
    private Checked check(long roleProfileId, long personId, long itemId) {
        Reader reader = Reader.of(readings, alerts, session.getCallerPrincipal(), roleProfileId, personId);
        RecordDecision decision = reader.decision();
        if (decision instanceof RecordDecision.Refused refused) {
            alerts.denied(reader.actor(), personId, "break seal of item " + itemId + ": " + refused.code());
            throw new IcrException(ErrorCode.NOT_PERMITTED, refused.refusal().reason());
        }
        RecordDecision.Permitted permitted = (RecordDecision.Permitted) decision;
        Optional<ItemQuery.Listed> item = items.listed(personId, permitted.scope(), itemId);
        if (item.isEmpty()) {
            alerts.denied(reader.actor(), personId, "break seal of item " + itemId + ": not in the reader's scope");
            throw new IcrException(ErrorCode.NOT_FOUND, "No such item in this record.");
        }
        return new Checked(reader, permitted, item.get());
    }

    /** A withheld item as the seal page shows it, and whether this reader's break still holds. */
    public record WithheldItem(long id, Category category, Instant effectiveAt, String sourceOrganisation, boolean open)
            implements java.io.Serializable {}
}
