package org.openicr.access.entity;

import java.time.Instant;
import java.util.Objects;
import org.openicr.vocabulary.Category;

/**
 * A record item of the reader's organisation that an {@link RelationshipKind#ORGANISATION_ITEM}
 * rule may count, as the relationship statement reads it (no text, no code: only what the rules
 * look at).
 *
 * @param organisationId the organisation that sent the item (record_item.organisation_id)
 * @param at the item's date: the later of its effective time and its end
 * @param status the source's status, as stored (may be null)
 * @param requiredDetail the value of the rule's required detail on the item, or null
 */
public record RelationshipCandidate(
        long organisationId, Category category, Instant at, String status, String requiredDetail) {

    public RelationshipCandidate {
        Objects.requireNonNull(category, "The item's category is required.");
        Objects.requireNonNull(at, "The item's date is required.");
    }
}
