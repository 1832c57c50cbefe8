package org.openicr.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openicr.access.control.Scenario.ACUTE_TRUST;
import static org.openicr.access.control.Scenario.COUNCIL;
import static org.openicr.access.control.Scenario.DEPARTED_ORGANISATION;
import static org.openicr.access.control.Scenario.GOOD_JUSTIFICATION;
import static org.openicr.access.control.Scenario.GP_PRACTICE;
import static org.openicr.access.control.Scenario.OTHER_COUNCIL;
import static org.openicr.access.control.Scenario.reader;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openicr.access.entity.AccessDefaults;
import org.openicr.access.entity.ItemFacts;
import org.openicr.access.entity.ItemVisibility;
import org.openicr.access.entity.ReadScope;
import org.openicr.access.entity.RecordDecision;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.Sensitivity;

class ItemVisibilityTest {

    private final AccessDecision decision = new AccessDecision();

    private static ReadScope scopeOf(Scenario scenario) {
        RecordDecision answer = scenario.decide();
        return answer.orElseThrow().scope();
    }

    private static ReadScope everythingAt(long organisation, String seal) {
        Set<Long> broken = "SHOW_CONTENT".equals(seal) ? Set.of(Scenario.SEALED_ITEM) : Set.of();
        return new ReadScope(EnumSet.allOf(Category.class), organisation, Set.of(), Set.of(), broken, false);
    }

    @ParameterizedTest(name = "{0} item from {1} with the seal {2}: {3}")
    @CsvSource({
        // Normal items are visible wherever they come from.
        "NORMAL,        OWN,   WITHHOLD_CONTENT, VISIBLE",
        "NORMAL,        OTHER, WITHHOLD_CONTENT, VISIBLE",
        "NORMAL,        OTHER, SHOW_CONTENT,     VISIBLE",
        // Sealed items from elsewhere are listed as withheld until the seal is broken.
        "SEALED,        OTHER, WITHHOLD_CONTENT, WITHHELD",
        "SEALED,        OTHER, SHOW_CONTENT,     VISIBLE",
        // The recording organisation sees its own sealed items.
        "SEALED,        OWN,   WITHHOLD_CONTENT, VISIBLE",
        "SEALED,        OWN,   SHOW_CONTENT,     VISIBLE",
        // Sealed and locked never leaves the recording organisation; a seal break does not open it.
        "SEALED_LOCKED, OWN,   WITHHOLD_CONTENT, VISIBLE",
        "SEALED_LOCKED, OWN,   SHOW_CONTENT,     VISIBLE",
        "SEALED_LOCKED, OTHER, WITHHOLD_CONTENT, HIDDEN",
        "SEALED_LOCKED, OTHER, SHOW_CONTENT,     HIDDEN",
    })
    void sensitivityDecidesBetweenVisibleWithheldAndHidden(
            Sensitivity sensitivity, String source, String sealed, ItemVisibility expected) {
        long sourceOrganisation = "OWN".equals(source) ? ACUTE_TRUST : GP_PRACTICE;
        ItemFacts item = new ItemFacts(Scenario.SEALED_ITEM, Category.PROBLEMS, sourceOrganisation, sensitivity);
        assertEquals(expected, decision.visibility(everythingAt(ACUTE_TRUST, sealed), item));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Sensitivity.class)
    void itemsFromAnInactiveOrganisationDisappearWhateverTheirSensitivity(Sensitivity sensitivity) {
        ReadScope scope = scopeOf(reader(AccessDefaults.CLINICAL_PRACTITIONER)
                .at(DEPARTED_ORGANISATION)
                .inactive(GP_PRACTICE)
                .mayBreakSeal(true)
                .breaksSeal(GOOD_JUSTIFICATION, Duration.ZERO));
        assertEquals(
                ItemVisibility.HIDDEN,
                decision.visibility(
                        scope, new ItemFacts(Scenario.SEALED_ITEM, Category.RESULTS, GP_PRACTICE, sensitivity)));
        assertEquals(
                ItemVisibility.VISIBLE,
                decision.visibility(
                        scope, new ItemFacts(Scenario.SEALED_ITEM, Category.RESULTS, COUNCIL, Sensitivity.NORMAL)));
    }

    @ParameterizedTest(name = "reader at {0}, {1} item from {2}, consent refused by {3}: {4}")
    @CsvSource({
        // The acute trust's social care worker: the refusing council's social care is not shared.
        "10, SOCIAL_CARE,  30, 30, HIDDEN",
        "10, SOCIAL_CARE,  31, 30, VISIBLE",
        "10, SOCIAL_CARE,  30, 31, VISIBLE",
        // Only that council's social care items: its safeguarding alerts and referrals still show.
        "10, SAFEGUARDING, 30, 30, VISIBLE",
        "10, REFERRALS,    30, 30, VISIBLE",
        "10, ENCOUNTERS,   30, 30, VISIBLE",
        // The council's own staff still see what it holds.
        "30, SOCIAL_CARE,  30, 30, VISIBLE",
        "31, SOCIAL_CARE,  30, 30, HIDDEN",
        "31, SOCIAL_CARE,  31, 30, VISIBLE",
    })
    void socialCareConsentRefusedForACouncilHidesThatCouncilsSocialCareOutsideIt(
            long readerOrganisation, Category category, long source, long refusingCouncil, ItemVisibility expected) {
        ReadScope scope = scopeOf(reader(AccessDefaults.SOCIAL_CARE_WORKER)
                .at(readerOrganisation)
                .socialCareConsentRefusedFor(refusingCouncil));
        assertEquals(
                expected,
                decision.visibility(scope, new ItemFacts(Scenario.SEALED_ITEM, category, source, Sensitivity.NORMAL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCategories")
    void aCategoryTheRoleMayNotSeeIsHiddenEvenWhenRecordedByTheReadersOwnOrganisation(Category category) {
        ReadScope receptionist = scopeOf(reader(AccessDefaults.RECEPTIONIST).at(GP_PRACTICE));
        ItemVisibility expected =
                AccessDefaults.MATRIX.categoriesFor(AccessDefaults.RECEPTIONIST).contains(category)
                        ? ItemVisibility.VISIBLE
                        : ItemVisibility.HIDDEN;
        assertEquals(
                expected,
                decision.visibility(
                        receptionist, new ItemFacts(Scenario.SEALED_ITEM, category, GP_PRACTICE, Sensitivity.NORMAL)));
    }

    static Stream<Category> allCategories() {
        return Stream.of(Category.values()).filter(Category::isItemCategory);
    }

    @ParameterizedTest(name = "social care worker reads {0}: {1}")
    @CsvSource({
        "SOCIAL_CARE,  VISIBLE",
        "SAFEGUARDING, VISIBLE",
        "ENCOUNTERS,   VISIBLE",
        "REFERRALS,    VISIBLE",
        "CONTACTS,     VISIBLE",
        "RESULTS,      HIDDEN",
        "DOCUMENTS,    HIDDEN",
        "MEDICATIONS,  HIDDEN",
        "PROBLEMS,     HIDDEN",
        "ALLERGIES,    HIDDEN",
        "PROCEDURES,   HIDDEN",
        "APPOINTMENTS, HIDDEN",
    })
    void aSocialCareWorkerSeesSocialCareNotClinicalDetail(Category category, ItemVisibility expected) {
        ReadScope scope = scopeOf(reader(AccessDefaults.SOCIAL_CARE_WORKER).at(COUNCIL));
        assertEquals(
                expected,
                decision.visibility(
                        scope, new ItemFacts(Scenario.SEALED_ITEM, category, ACUTE_TRUST, Sensitivity.NORMAL)));
    }

    @ParameterizedTest(name = "may break seal {0}, breaks it {1}: {2}")
    @CsvSource({"false, false, WITHHELD", "true, false, WITHHELD", "true, true, VISIBLE"})
    void aSealedDocumentOpensOnlyAfterAPermittedSealBreak(
            boolean mayBreakSeal, boolean breaks, ItemVisibility expected) {
        Scenario scenario =
                reader(AccessDefaults.CLINICAL_PRACTITIONER).at(ACUTE_TRUST).mayBreakSeal(mayBreakSeal);
        if (breaks) {
            scenario.breaksSeal(GOOD_JUSTIFICATION, Duration.ofMinutes(1));
        }
        ItemFacts sealedLetter =
                new ItemFacts(Scenario.SEALED_ITEM, Category.DOCUMENTS, GP_PRACTICE, Sensitivity.SEALED);
        assertEquals(expected, decision.visibility(scopeOf(scenario), sealedLetter));
    }

    @Test
    void aSealedItemInACategoryTheRoleMayNotSeeIsHiddenNotWithheld() {
        // "Withheld" would disclose that a sealed result exists to someone who may not see results.
        ReadScope secretary = scopeOf(reader(AccessDefaults.MEDICAL_SECRETARY));
        assertEquals(
                ItemVisibility.HIDDEN,
                decision.visibility(
                        secretary,
                        new ItemFacts(Scenario.SEALED_ITEM, Category.RESULTS, GP_PRACTICE, Sensitivity.SEALED)));
        assertEquals(
                ItemVisibility.WITHHELD,
                decision.visibility(
                        secretary,
                        new ItemFacts(Scenario.SEALED_ITEM, Category.DOCUMENTS, GP_PRACTICE, Sensitivity.SEALED)));
    }

    @Test
    void aSocialCareItemOfARefusingCouncilStaysHiddenAfterASealBreak() {
        ReadScope scope = scopeOf(reader(AccessDefaults.CLINICAL_PRACTITIONER)
                .mayBreakSeal(true)
                .breaksSeal(GOOD_JUSTIFICATION, Duration.ZERO)
                .socialCareConsentRefusedFor(OTHER_COUNCIL));
        assertEquals(
                ItemVisibility.HIDDEN,
                decision.visibility(
                        scope,
                        new ItemFacts(Scenario.SEALED_ITEM, Category.SOCIAL_CARE, OTHER_COUNCIL, Sensitivity.SEALED)));
    }

    @Test
    void aBrokenSealOpensOnlyTheItemItWasBrokenOn() {
        ReadScope scope = scopeOf(reader(AccessDefaults.CLINICAL_PRACTITIONER)
                .at(ACUTE_TRUST)
                .mayBreakSeal(true)
                .breaksSeal(GOOD_JUSTIFICATION, Duration.ofMinutes(5)));
        assertEquals(
                ItemVisibility.VISIBLE,
                decision.visibility(
                        scope,
                        new ItemFacts(Scenario.SEALED_ITEM, Category.PROBLEMS, GP_PRACTICE, Sensitivity.SEALED)));
        assertEquals(
                ItemVisibility.WITHHELD,
                decision.visibility(
                        scope,
                        new ItemFacts(Scenario.SEALED_ITEM + 1, Category.PROBLEMS, GP_PRACTICE, Sensitivity.SEALED)));
    }
}
