package org.openicr.record.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import org.openicr.record.entity.RecordItem;
import org.openicr.vocabulary.CarePlanning;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ItemDetail;

/**
 * One item as the record viewer shows it, typed: its category, coded concept and details keyed by
 * {@link ItemDetail}. For an item withheld by its source (sealed, seal not broken) only the category,
 * dates and source are filled in: its content never leaves the EJB layer.
 *
 * @param code the coded concept, or null (a text-only or withheld item)
 * @param details the details in the order the record holds them (never null)
 */
public record ItemView(
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

    public ItemView {
        details = details == null ? Map.of() : details;
    }

    /** The item a scoped read returned, as the page sees it. */
    static ItemView of(RecordItem item) {
        return new ItemView(
                item.id(),
                item.category(),
                item.effectiveAt(),
                item.effectiveEnd(),
                item.status(),
                item.title(),
                item.code(),
                item.text(),
                item.details(),
                item.sourceOrganisation(),
                item.withheld());
    }

    /** A detail's value, or null; pages name it by its constant ({@code item.detail('DOSE')}). */
    public String detail(ItemDetail detail) {
        return details.get(detail);
    }

    /**
     * A care plan's heading for the alert strip: its title, preceded by its plan type in words
     * ("ReSPECT form: ward-based care") unless the title already says it.
     */
    public String planHeading() {
        String type = words(ItemDetail.PLAN_TYPE);
        if (type == null || type.isBlank()) {
            return title;
        }
        if (title == null || title.isBlank()) {
            return type;
        }
        return title.toLowerCase(java.util.Locale.ROOT).startsWith(type.toLowerCase(java.util.Locale.ROOT))
                ? title
                : type + ": " + title;
    }

    /**
     * A detail's value in words where it is coded ("not-for-cpr" reads "Do not attempt CPR"), else as
     * sent, or null; pages name it by its constant ({@code item.words('CPR_DECISION')}).
     */
    public String words(ItemDetail detail) {
        String value = details.get(detail);
        return value == null ? null : CarePlanning.words(detail, value);
    }
}
