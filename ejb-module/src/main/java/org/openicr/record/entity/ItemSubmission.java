package org.openicr.record.entity;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.FieldLimit;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.vocabulary.Sensitivity;

/**
 * One record item as a source sends it (from SOAP or mapped from HL7 v2), before it is stored.
 *
 * <p>{@code sourceKey} is the source's own id for the item: the item is upserted on (source,
 * sourceKey). {@code version} orders updates: a submission whose version is lower than the stored
 * one is ignored (out-of-order delivery); sources without version numbers send their last-updated
 * time as epoch milliseconds. {@code details} carries the fields a category needs, with the keys
 * listed in {@link ItemDetail}.
 */
public record ItemSubmission(
        Category category,
        String sourceKey,
        long version,
        Instant effectiveAt,
        Instant effectiveEnd,
        Instant recordedAt,
        String status,
        CodedConcept code,
        String text,
        Sensitivity sensitivity,
        Map<String, String> details) {

    public ItemSubmission {
        Objects.requireNonNull(category, "A category is required.");
        if (!category.isItemCategory()) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Demographics are sent as a person, not as items.");
        }
        if (sourceKey == null || sourceKey.isBlank()) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "sourceKey is required.");
        }
        FieldLimit.SOURCE_KEY.check(sourceKey.strip());
        FieldLimit.STATUS.check(status);
        if (code == null && (text == null || text.isBlank())) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "An item needs a code or a text.");
        }
        if (effectiveEnd != null && effectiveAt != null && effectiveEnd.isBefore(effectiveAt)) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "effectiveEnd is before effectiveAt.");
        }
        sourceKey = sourceKey.strip();
        sensitivity = sensitivity == null ? Sensitivity.NORMAL : sensitivity;
        details = details == null ? Map.of() : Map.copyOf(details);
        for (String key : details.keySet()) {
            if (ItemDetail.lookup(key).isEmpty()) {
                throw new IcrException(ErrorCode.INVALID_INPUT, "Unknown detail '" + key + "'.");
            }
        }
    }
}
