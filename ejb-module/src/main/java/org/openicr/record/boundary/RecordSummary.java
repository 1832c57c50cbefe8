package org.openicr.record.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openicr.vocabulary.CarePlanning;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ItemDetail;

/**
 * The first screen of a record: for each summary category the role may see, its newest current
 * items (read with the access decision inside one query). A category missing from {@code permitted}
 * is not available to the role; its items never left the EJB layer.
 *
 * @param mayBreakSeal the reader's role profile may break a seal on a withheld item (RBAC B0083)
 */
public record RecordSummary(Set<Category> permitted, Map<Category, List<ItemView>> sections, boolean mayBreakSeal)
        implements Serializable {

    public RecordSummary {
        permitted = Set.copyOf(permitted);
        sections = Map.copyOf(sections);
    }

    public static RecordSummary refused() {
        return new RecordSummary(Set.of(), Map.of(), false);
    }

    public boolean permits(Category category) {
        return permitted.contains(category);
    }

    public List<ItemView> section(Category category) {
        return sections.getOrDefault(category, List.of());
    }

    /**
     * Whether the strip under the banner has anything to say (safeguarding alerts, allergies, a
     * resuscitation decision, reasonable adjustments).
     */
    public boolean hasAlerts() {
        return !section(Category.SAFEGUARDING).isEmpty()
                || !section(Category.ALLERGIES).isEmpty()
                || !getResuscitation().isEmpty()
                || !section(Category.ADJUSTMENTS).isEmpty();
    }

    /**
     * The current care plans that carry a resuscitation decision (ReSPECT forms, DNACPR decisions),
     * newest first, for the alert strip. A withheld plan carries no details, so it is not listed
     * here; the care planning card shows it as withheld. A bean-style getter: pages read it as a
     * property.
     */
    public List<ItemView> getResuscitation() {
        return section(Category.CARE_PLANS).stream()
                .filter(item -> item.detail(ItemDetail.CPR_DECISION) != null
                        || CarePlanning.lookup(CarePlanning.PlanType.class, item.detail(ItemDetail.PLAN_TYPE))
                                .map(CarePlanning.PlanType::carriesCprDecision)
                                .orElse(false))
                .toList();
    }
}
