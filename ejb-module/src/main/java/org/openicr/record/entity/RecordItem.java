package org.openicr.record.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ItemDetail;

/**
 * One stored item as a read within a scope returns it, typed: its category, coded concept and
 * details keyed by {@link ItemDetail}. For an item withheld by its source (sealed, seal not broken)
 * only the category, dates and source are filled in (the query never read its content).
 *
 * @param title the source's display text, else the item's text; "Withheld by the source" when withheld
 * @param code the coded concept, or null for a text-only item or a withheld one
 * @param text the item's text when it has a display as well (else it is the title), or null
 * @param details the item's details in the order the database holds them (never null)
 */
public record RecordItem(
        long id,
        Category category,
        Instant effectiveAt,
        Instant effectiveEnd,
        String status,
        String title,
        CodedConcept code,
        String text,
        Map<ItemDetail, String> details,
        String sourceOrganisation,
        boolean withheld)
        implements Serializable {

    /** The title a withheld item shows instead of its content. */
    public static final String WITHHELD_TITLE = "Withheld by the source";

    public RecordItem {
        details = details == null ? Map.of() : details;
    }

    /** What a withheld item shows: its category, dates and source, nothing of its content. */
    public static RecordItem withheld(
            long id, Category category, Instant effectiveAt, Instant effectiveEnd, String sourceOrganisation) {
        return new RecordItem(
                id,
                category,
                effectiveAt,
                effectiveEnd,
                null,
                WITHHELD_TITLE,
                null,
                null,
                Map.of(),
                sourceOrganisation,
                true);
    }
}
