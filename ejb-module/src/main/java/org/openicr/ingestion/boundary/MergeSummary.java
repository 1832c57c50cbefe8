package org.openicr.ingestion.boundary;

import java.time.Instant;
import org.openicr.vocabulary.NhsNumber;

/**
 * One merge of two records of a person as administrators see it: identifiers only, no clinical
 * data.
 */
public record MergeSummary(
        long id,
        Instant mergedAt,
        String survivingNhsNumber,
        long survivingPersonId,
        String retiredNhsNumber,
        long retiredPersonId,
        String sourceAccount,
        String messageId,
        int itemsMoved,
        Instant reversedAt,
        String reversedBy,
        String reversalNote,
        Integer itemsMovedBack) {

    public String survivingShown() {
        return NhsNumber.of(survivingNhsNumber).formatted();
    }

    public String retiredShown() {
        return NhsNumber.of(retiredNhsNumber).formatted();
    }

    public boolean isReversed() {
        return reversedAt != null;
    }
}
