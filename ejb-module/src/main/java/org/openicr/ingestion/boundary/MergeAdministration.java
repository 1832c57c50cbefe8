package org.openicr.ingestion.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.ingestion.control.MergeStore;
import org.openicr.ingestion.control.PersonIndex;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * Merges of two records of one person (HL7 v2 ADT^A40) for administrators: the list, newest first,
 * and the undo of a merge made in error (the retired record stands alone again with its items),
 * audited with the state before and after.
 */
@Stateless
@RolesAllowed(Roles.ADMINISTRATOR)
public class MergeAdministration {

    @Resource
    SessionContext session;

    @Inject
    PersonIndex index;

    @Inject
    MergeStore store;

    @EJB
    AuditTrail audit;

    public List<MergeSummary> merges(boolean includeReversed, int first, int pageSize) {
        return store.merges(includeReversed, first, pageSize).stream()
                .map(MergeAdministration::summary)
                .toList();
    }

    public long count(boolean includeReversed) {
        return store.count(includeReversed);
    }

    /** Reverses a merge made in error; a note saying why is required. Answers the merge as it is now. */
    public MergeSummary undo(long mergeId, String note) {
        if (note == null || note.isBlank()) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Say why the merge is reversed.");
        }
        String who = session.getCallerPrincipal().getName();
        MergeSummary before = find(mergeId);
        int movedBack;
        try {
            movedBack = index.unmerge(mergeId, who, note.strip());
        } catch (IcrException refused) {
            audit.recordIndependently(new AuditEvent(
                    AuditAction.MERGE_REVERSED,
                    AuditOutcome.DENIED,
                    Actor.account(who),
                    before.retiredPersonId(),
                    "merge " + mergeId + " not reversed: " + refused.reason()));
            throw refused;
        }
        MergeSummary after = find(mergeId);
        audit.record(new AuditEvent(
                AuditAction.MERGE_REVERSED,
                AuditOutcome.SUCCESS,
                Actor.account(who),
                after.retiredPersonId(),
                "merge " + mergeId + ": before: person " + before.retiredPersonId() + " merged into person "
                        + before.survivingPersonId() + " (" + before.itemsMoved() + " item(s) moved); after:"
                        + " person " + after.retiredPersonId() + " stands alone, " + movedBack
                        + " item(s) moved back; note: " + note.strip()));
        return after;
    }

    private MergeSummary find(long mergeId) {
        return store.find(mergeId)
                .map(MergeAdministration::summary)
                .orElseThrow(() -> new IcrException(ErrorCode.NOT_FOUND, "No such merge."));
    }

    private static MergeSummary summary(MergeStore.Merge m) {
        return new MergeSummary(
                m.id(),
                m.mergedAt(),
                m.survivingNhsNumber(),
                m.survivingPersonId(),
                m.retiredNhsNumber(),
                m.retiredPersonId(),
                m.sourceAccount(),
                m.messageId(),
                m.itemsMoved(),
                m.reversedAt(),
                m.reversedBy(),
                m.reversalNote(),
                m.itemsMovedBack());
    }
}
