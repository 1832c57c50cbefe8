package org.openicr.web.record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openicr.vocabulary.Category;

/**
 * Which summary cards a role sees, in which order, and the one quiet line naming the rest: driven
 * by the role's categories (the matrix), never by the role's name. A role that sees every card keeps
 * the clinical order. A role that sees none of the clinical lists (medications, problems, allergies,
 * results), such as a receptionist or a social worker, is shown first who the person is and how to
 * reach them (personal details, contacts), the adjustments and care plans it must honour, then what it
 * works with (appointments, social care,
 * safeguarding, referrals, encounters, documents). Cards the role may not see are not drawn: they
 * are named once, on one line.
 *
 * @param cards the cards shown, in order
 * @param hidden the categories of the cards not shown, in the clinical order
 * @param personalDetails whether the personal details card (address, telephone, GP practice) leads
 */
record SummaryLayout(List<RecordBacking.Card> cards, List<Category> hidden, boolean personalDetails) {

    /** The clinical lists: a role that reads any of them gets the clinical layout. */
    static final Set<Category> CLINICAL =
            Set.of(Category.MEDICATIONS, Category.PROBLEMS, Category.ALLERGIES, Category.RESULTS);

    /** The order of the cards for a role that reads no clinical list; any other card follows in its own order. */
    static final List<Category> NON_CLINICAL_ORDER = List.of(
            Category.CONTACTS,
            Category.ADJUSTMENTS,
            Category.CARE_PLANS,
            Category.APPOINTMENTS,
            Category.SOCIAL_CARE,
            Category.SAFEGUARDING,
            Category.REFERRALS,
            Category.ENCOUNTERS,
            Category.DOCUMENTS);

    static SummaryLayout of(List<RecordBacking.Card> all, Set<Category> permitted) {
        List<RecordBacking.Card> shown = new ArrayList<>(
                all.stream().filter(c -> permitted.contains(c.category())).toList());
        List<Category> hidden = all.stream()
                .map(RecordBacking.Card::category)
                .filter(c -> !permitted.contains(c))
                .toList();
        boolean clinical = permitted.stream().anyMatch(CLINICAL::contains);
        if (!clinical) {
            shown.sort(Comparator.comparingInt(card -> {
                int at = NON_CLINICAL_ORDER.indexOf(card.category());
                return at < 0 ? NON_CLINICAL_ORDER.size() + all.indexOf(card) : at;
            }));
        }
        return new SummaryLayout(
                List.copyOf(shown),
                hidden,
                !clinical && !hidden.isEmpty() && permitted.contains(Category.DEMOGRAPHICS));
    }

    /** "Not shown to your role: Medications, Results." or null when the role sees every card. */
    String hiddenLine() {
        if (hidden.isEmpty()) {
            return null;
        }
        return "Not shown to your role: " + hidden.stream().map(Category::label).collect(Collectors.joining(", "))
                + ".";
    }
}
