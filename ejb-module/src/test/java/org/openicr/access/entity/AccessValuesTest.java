package org.openicr.access.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.LegitimateReason;
import org.openicr.vocabulary.PurposeOfUse;
import org.openicr.vocabulary.Sensitivity;
import org.openicr.vocabulary.SharingMode;

/** The inputs and answers of the decision cannot be built invalid, and cannot change once built. */
class AccessValuesTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aProfileNeedsARoleCode(String role) {
        assertThrows(
                IllegalArgumentException.class,
                () -> new AccessProfile(role, 1, "RA7", true, SharingMode.SHARE_AND_VIEW, false, false));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aProfileNeedsAnOdsCode(String ods) {
        assertThrows(
                IllegalArgumentException.class,
                () -> new AccessProfile("R8000", 1, ods, true, SharingMode.SHARE_AND_VIEW, false, false));
    }

    @Test
    void aProfilesCodesAreTrimmed() {
        AccessProfile profile = new AccessProfile(" R8000 ", 1, " RA7 ", true, SharingMode.VIEW_ONLY, false, false);
        assertEquals("R8000", profile.roleCode());
        assertEquals("RA7", profile.organisationOdsCode());
    }

    @Test
    void theMatrixIsACopyThatCannotBeChangedFromOutside() {
        Set<Category> row = new HashSet<>(Set.of(Category.DEMOGRAPHICS));
        Map<String, Set<Category>> rows = new HashMap<>(Map.of("R8009", row));
        RoleCategoryMatrix matrix = new RoleCategoryMatrix(rows);
        row.add(Category.RESULTS);
        rows.put("R8000", EnumSet.allOf(Category.class));
        assertEquals(Set.of(Category.DEMOGRAPHICS), matrix.categoriesFor("R8009"));
        assertEquals(Set.of(), matrix.categoriesFor("R8000"));
        assertThrows(UnsupportedOperationException.class, () -> matrix.categoriesFor("R8009")
                .add(Category.RESULTS));
    }

    @Test
    void aDeclarationWithoutAConsentStateHasNoConsentRecorded() {
        ReasonDeclaration declaration =
                new ReasonDeclaration(LegitimateReason.EXPLICIT_CONSENT, null, Instant.EPOCH, null);
        assertEquals(ExplicitConsent.NOT_RECORDED, declaration.explicitConsent());
    }

    @Test
    void aDeclarationNeedsAReasonAndATime() {
        assertThrows(NullPointerException.class, () -> ReasonDeclaration.of(null, Instant.EPOCH));
        assertThrows(NullPointerException.class, () -> ReasonDeclaration.of(LegitimateReason.ONGOING_CARE, null));
    }

    @Test
    void anItemWithoutASensitivityIsNormal() {
        assertEquals(Sensitivity.NORMAL, new ItemFacts(42, Category.RESULTS, 1, null).sensitivity());
    }

    @Test
    void aScopeNeverExcludesTheReadersOwnCouncilsSocialCare() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReadScope(Set.of(Category.SOCIAL_CARE), 30, Set.of(), Set.of(30L), Set.of(), false));
    }

    @Test
    void aPermitMustAnswerForEveryCategory() {
        ReadScope scope = new ReadScope(Set.of(Category.DEMOGRAPHICS), 1, Set.of(), Set.of(), Set.of(), false);
        Map<Category, CategoryAccess> partial = new EnumMap<>(Category.class);
        partial.put(Category.DEMOGRAPHICS, CategoryAccess.PERMITTED);
        assertThrows(
                IllegalArgumentException.class,
                () -> new RecordDecision.Permitted(
                        scope, LegitimateReason.ONGOING_CARE, List.of(PurposeOfUse.TREAT), Set.of(), partial));
    }

    @ParameterizedTest
    @EnumSource(RefusalCode.class)
    void everyRefusalHasASentenceForTheUserAndIsNotPermittedToTheChannels(RefusalCode code) {
        Refusal refusal = Refusal.of(code);
        assertTrue(refusal.reason().endsWith("."), refusal.reason());
        assertEquals(ErrorCode.NOT_PERMITTED, refusal.toException().code());
        assertEquals(refusal.reason(), refusal.toException().reason());
    }

    @Test
    void aRefusalWithoutItsOwnSentenceUsesTheCodes() {
        assertEquals(RefusalCode.OPTED_OUT.userMessage(), new Refusal(RefusalCode.OPTED_OUT, " ").reason());
    }
}
