package org.openicr.web.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.vocabulary.Category;

/** Issue 18, item 6: the summary's layout follows the role's categories, for any role. */
class SummaryLayoutTest {

    private static Set<Category> categories(String names) {
        if (names.equals("ALL")) {
            return EnumSet.allOf(Category.class);
        }
        return Arrays.stream(names.split(" "))
                .map(Category::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
    }

    private static String names(List<Category> categories) {
        return categories.stream().map(Enum::name).collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0}: cards [{1}], hidden [{2}], personal details {3}")
    @CsvSource({
        // A clinician (R8000): every card in the clinical order, care planning first, nothing hidden.
        "ALL, CARE_PLANS ADJUSTMENTS PROBLEMS MEDICATIONS ALLERGIES IMMUNISATIONS RESULTS ENCOUNTERS APPOINTMENTS REFERRALS"
                + " SOCIAL_CARE SAFEGUARDING DOCUMENTS CONTACTS, '', false",
        // A receptionist (R8009): who and how to reach them, their adjustments, then appointments; the rest
        // on one line.
        "DEMOGRAPHICS CONTACTS APPOINTMENTS ADJUSTMENTS, CONTACTS ADJUSTMENTS APPOINTMENTS,"
                + " CARE_PLANS PROBLEMS MEDICATIONS ALLERGIES IMMUNISATIONS RESULTS ENCOUNTERS REFERRALS SOCIAL_CARE SAFEGUARDING"
                + " DOCUMENTS, true",
        // A social worker (R0243): adjustments and care plans, then the council's own work.
        "DEMOGRAPHICS CONTACTS SOCIAL_CARE SAFEGUARDING ENCOUNTERS REFERRALS CARE_PLANS ADJUSTMENTS,"
                + " CONTACTS ADJUSTMENTS CARE_PLANS SOCIAL_CARE SAFEGUARDING REFERRALS ENCOUNTERS,"
                + " PROBLEMS MEDICATIONS ALLERGIES IMMUNISATIONS RESULTS APPOINTMENTS DOCUMENTS, true",
        // A medical secretary (R8006): letters and referrals, no clinical lists.
        "DEMOGRAPHICS CONTACTS APPOINTMENTS REFERRALS ENCOUNTERS DOCUMENTS,"
                + " CONTACTS APPOINTMENTS REFERRALS ENCOUNTERS DOCUMENTS,"
                + " CARE_PLANS ADJUSTMENTS PROBLEMS MEDICATIONS ALLERGIES IMMUNISATIONS RESULTS SOCIAL_CARE SAFEGUARDING, true",
        // A student (R8004): the clinical order, safeguarding named on the line.
        "DEMOGRAPHICS CONTACTS MEDICATIONS PROBLEMS ALLERGIES IMMUNISATIONS RESULTS DOCUMENTS PROCEDURES ENCOUNTERS APPOINTMENTS"
                + " REFERRALS SOCIAL_CARE CARE_PLANS ADJUSTMENTS,"
                + " CARE_PLANS ADJUSTMENTS PROBLEMS MEDICATIONS ALLERGIES IMMUNISATIONS RESULTS ENCOUNTERS APPOINTMENTS REFERRALS"
                + " SOCIAL_CARE DOCUMENTS CONTACTS, SAFEGUARDING, false",
        // A matrix changed to give a front desk role results: the clinical layout follows the data.
        "DEMOGRAPHICS CONTACTS APPOINTMENTS RESULTS, RESULTS APPOINTMENTS CONTACTS,"
                + " CARE_PLANS ADJUSTMENTS PROBLEMS MEDICATIONS ALLERGIES IMMUNISATIONS ENCOUNTERS REFERRALS SOCIAL_CARE"
                + " SAFEGUARDING DOCUMENTS, false",
        // Contacts without demographics: no personal details card.
        "CONTACTS APPOINTMENTS, CONTACTS APPOINTMENTS,"
                + " CARE_PLANS ADJUSTMENTS PROBLEMS MEDICATIONS ALLERGIES IMMUNISATIONS RESULTS ENCOUNTERS REFERRALS SOCIAL_CARE"
                + " SAFEGUARDING DOCUMENTS, false",
    })
    void theLayoutFollowsTheRolesCategories(String permitted, String cards, String hidden, boolean personalDetails) {
        SummaryLayout layout = SummaryLayout.of(RecordBacking.CARDS, categories(permitted));
        assertEquals(
                cards,
                names(layout.cards().stream().map(RecordBacking.Card::category).toList()));
        assertEquals(hidden, names(layout.hidden()));
        assertEquals(personalDetails, layout.personalDetails());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ALL | ",
                "DEMOGRAPHICS CONTACTS APPOINTMENTS ADJUSTMENTS | Not shown to your role: Care planning, Problems and"
                        + " diagnoses, Medications,"
                        + " Allergies and adverse reactions, Immunisations, Results, Encounters, Referrals, Social care,"
                        + " Safeguarding alerts, Documents.",
            })
    void theHiddenCardsAreNamedOnOneLine(String permitted, String line) {
        assertEquals(
                line,
                SummaryLayout.of(RecordBacking.CARDS, categories(permitted)).hiddenLine());
    }
}
