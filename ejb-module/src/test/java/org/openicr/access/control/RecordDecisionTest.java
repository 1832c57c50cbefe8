package org.openicr.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.access.control.Scenario.ACUTE_TRUST;
import static org.openicr.access.control.Scenario.DEPARTED_ORGANISATION;
import static org.openicr.access.control.Scenario.GOOD_JUSTIFICATION;
import static org.openicr.access.control.Scenario.GP_PRACTICE;
import static org.openicr.access.control.Scenario.reader;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openicr.access.entity.AccessDefaults;
import org.openicr.access.entity.CategoryAccess;
import org.openicr.access.entity.ExplicitConsent;
import org.openicr.access.entity.ItemFacts;
import org.openicr.access.entity.ReadScope;
import org.openicr.access.entity.RecordDecision;
import org.openicr.access.entity.Refusal;
import org.openicr.access.entity.RefusalCode;
import org.openicr.access.entity.RoleCategoryMatrix;
import org.openicr.audit.entity.PrivacyAlert;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.LegitimateReason;
import org.openicr.vocabulary.PurposeOfUse;
import org.openicr.vocabulary.Sensitivity;

class RecordDecisionTest {

    private static final String PERMITTED = "PERMITTED";

    /** The outcome as one word: PERMITTED or the refusal code, so tables read as a policy. */
    private static String outcome(RecordDecision decision) {
        return decision instanceof RecordDecision.Refused refused
                ? refused.code().name()
                : PERMITTED;
    }

    private static RecordDecision.Permitted permitted(Scenario scenario) {
        RecordDecision decision = scenario.decide();
        return assertInstanceOf(RecordDecision.Permitted.class, decision, () -> "refused: " + outcome(decision));
    }

    private static RefusalCode refusal(Scenario scenario) {
        RecordDecision decision = scenario.decide();
        return assertInstanceOf(RecordDecision.Refused.class, decision, "expected a refusal")
                .code();
    }

    // ---------------------------------------------------------------- reasons and their periods

    @ParameterizedTest(name = "{0} declared {1} minutes ago: {2}")
    @CsvSource({
        // An ordinary reason lasts 12 hours (720 minutes) from its declaration, the end excluded.
        "ONGOING_CARE,        0,    PERMITTED",
        "ONGOING_CARE,        719,  PERMITTED",
        "ONGOING_CARE,        720,  REASON_EXPIRED",
        "ONGOING_CARE,        2000, REASON_EXPIRED",
        "ONGOING_CARE,        -1,   REASON_EXPIRED",
        "EXPLICIT_CONSENT,    0,    PERMITTED",
        "EXPLICIT_CONSENT,    719,  PERMITTED",
        "EXPLICIT_CONSENT,    720,  REASON_EXPIRED",
        "EXPLICIT_CONSENT,    -1,   REASON_EXPIRED",
        "SAFEGUARDING,        0,    PERMITTED",
        "SAFEGUARDING,        719,  PERMITTED",
        "SAFEGUARDING,        720,  REASON_EXPIRED",
        "SAFEGUARDING,        -1,   REASON_EXPIRED",
        "REFERRAL_OR_AUDIT,   0,    PERMITTED",
        "REFERRAL_OR_AUDIT,   719,  PERMITTED",
        "REFERRAL_OR_AUDIT,   720,  REASON_EXPIRED",
        "REFERRAL_OR_AUDIT,   -1,   REASON_EXPIRED",
        // Break glass is an override: it lasts only 4 hours (240 minutes).
        "VITAL_INTERESTS,     0,    PERMITTED",
        "VITAL_INTERESTS,     239,  PERMITTED",
        "VITAL_INTERESTS,     240,  REASON_EXPIRED",
        "VITAL_INTERESTS,     719,  REASON_EXPIRED",
        "VITAL_INTERESTS,     -1,   REASON_EXPIRED",
    })
    void aDeclaredReasonLastsItsValidityPeriod(LegitimateReason reason, long minutesAgo, String expected) {
        Scenario scenario = reader(AccessDefaults.CLINICAL_PRACTITIONER)
                .safeguardingDesignated()
                .declares(reason)
                .declaredAgo(Duration.ofMinutes(minutesAgo));
        assertEquals(expected, outcome(scenario.decide()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rolesWithPatientData")
    void withoutADeclaredReasonTheRecordDoesNotOpen(String role) {
        assertEquals(
                RefusalCode.NO_REASON,
                refusal(reader(role).safeguardingDesignated().noReason()));
    }

    @Test
    void theExpiryBoundaryIsExactToTheSecond() {
        Duration validity = AccessDefaults.REASON_POLICY.reasonValidity();
        assertEquals(
                PERMITTED,
                outcome(reader(AccessDefaults.NURSE)
                        .declaredAgo(validity.minusSeconds(1))
                        .decide()));
        assertEquals(
                RefusalCode.REASON_EXPIRED, refusal(reader(AccessDefaults.NURSE).declaredAgo(validity)));
    }

    @ParameterizedTest(name = "break glass justified with \"{0}\": {1}")
    @CsvSource(
            value = {
                "'',                                                       JUSTIFICATION_REQUIRED",
                "'   ',                                                    JUSTIFICATION_REQUIRED",
                "emergency,                                                JUSTIFICATION_REQUIRED",
                // 19 characters, one short of the minimum.
                "'Collapsed in clinic',                                    JUSTIFICATION_REQUIRED",
                // Padding and runs of spaces do not count towards the length.
                "'      Collapsed     in     clinic      ',                JUSTIFICATION_REQUIRED",
                // Exactly 20 characters.
                "'Collapsed in clinic!',                                   PERMITTED",
                "'  Collapsed in clinic!  ',                               PERMITTED",
                "'Unconscious in ED, no history available',               PERMITTED",
            },
            ignoreLeadingAndTrailingWhitespace = false)
    void breakGlassNeedsAJustificationOfTheMinimumLength(String justification, String expected) {
        Scenario scenario = reader(AccessDefaults.CLINICAL_PRACTITIONER)
                .declares(LegitimateReason.VITAL_INTERESTS)
                .justification(justification);
        assertEquals(expected.strip(), outcome(scenario.decide()));
    }

    @Test
    void breakGlassWithNoJustificationAtAllIsRefusedAndSaysHowLongItMustBe() {
        RecordDecision decision = reader(AccessDefaults.NURSE)
                .declares(LegitimateReason.VITAL_INTERESTS)
                .justification(null)
                .decide();
        RecordDecision.Refused refused = assertInstanceOf(RecordDecision.Refused.class, decision);
        assertEquals(RefusalCode.JUSTIFICATION_REQUIRED, refused.code());
        assertTrue(
                refused.refusal().reason().contains("20 characters"),
                refused.refusal().reason());
    }

    @ParameterizedTest(name = "{0} needs no justification")
    @EnumSource(
            value = LegitimateReason.class,
            names = {"ONGOING_CARE", "EXPLICIT_CONSENT", "SAFEGUARDING", "REFERRAL_OR_AUDIT"})
    void ordinaryReasonsNeedNoJustification(LegitimateReason reason) {
        Scenario scenario = reader(AccessDefaults.CLINICAL_PRACTITIONER)
                .safeguardingDesignated()
                .declares(reason)
                .justification(null);
        assertEquals(PERMITTED, outcome(scenario.decide()));
    }

    @ParameterizedTest(name = "explicit consent {0}: {1}")
    @CsvSource({"NOT_RECORDED, CONSENT_NOT_RECORDED", "RECORDED, PERMITTED", "WITHDRAWN, CONSENT_WITHDRAWN"})
    void explicitConsentIsAReasonOnlyWhileTheConsentStands(ExplicitConsent consent, String expected) {
        Scenario scenario = reader(AccessDefaults.NURSE)
                .declares(LegitimateReason.EXPLICIT_CONSENT)
                .consent(consent);
        assertEquals(expected, outcome(scenario.decide()));
    }

    @ParameterizedTest(name = "{0} with consent {1}")
    @MethodSource("otherReasonsWithEveryConsentState")
    void otherReasonsDoNotDependOnExplicitConsent(LegitimateReason reason, ExplicitConsent consent) {
        Scenario scenario = reader(AccessDefaults.CLINICAL_PRACTITIONER)
                .safeguardingDesignated()
                .declares(reason)
                .consent(consent);
        assertEquals(PERMITTED, outcome(scenario.decide()));
    }

    static Stream<Arguments> otherReasonsWithEveryConsentState() {
        return Stream.of(
                        LegitimateReason.ONGOING_CARE,
                        LegitimateReason.VITAL_INTERESTS,
                        LegitimateReason.SAFEGUARDING,
                        LegitimateReason.REFERRAL_OR_AUDIT)
                .flatMap(reason ->
                        Arrays.stream(ExplicitConsent.values()).map(consent -> Arguments.of(reason, consent)));
    }

    @Test
    void aWithdrawnConsentIsReportedEvenWhenTheDeclarationHasAlsoExpired() {
        // Re-declaring would not help; the user must be told the consent is gone.
        Scenario scenario = reader(AccessDefaults.NURSE)
                .declares(LegitimateReason.EXPLICIT_CONSENT)
                .consent(ExplicitConsent.WITHDRAWN)
                .declaredAgo(Duration.ofDays(2));
        assertEquals(RefusalCode.CONSENT_WITHDRAWN, refusal(scenario));
    }

    @ParameterizedTest(name = "safeguarding reason from {0}, designated {1}: {2}")
    @CsvSource({
        "R8000, true,  PERMITTED",
        "R8000, false, NOT_SAFEGUARDING_ROLE",
        "R8001, true,  PERMITTED",
        "R8001, false, NOT_SAFEGUARDING_ROLE",
        "R8003, true,  PERMITTED",
        "R8003, false, NOT_SAFEGUARDING_ROLE",
        "R0243, true,  PERMITTED",
        "R0243, false, NOT_SAFEGUARDING_ROLE",
        "R8004, false, NOT_SAFEGUARDING_ROLE",
        "R8006, false, NOT_SAFEGUARDING_ROLE",
        "R8009, false, NOT_SAFEGUARDING_ROLE",
        // Designation is the profile's attribute, but the role's reasons (role_reason, issue 18) still
        // apply: a receptionist's row has no safeguarding reason, designated or not.
        "R8009, true,  REASON_NOT_FOR_ROLE",
    })
    void onlySafeguardingDesignatedProfilesMayGiveTheSafeguardingReason(
            String role, boolean designated, String expected) {
        Scenario scenario = reader(role).safeguardingDesignated(designated).declares(LegitimateReason.SAFEGUARDING);
        assertEquals(expected, outcome(scenario.decide()));
    }

    @ParameterizedTest
    @EnumSource(LegitimateReason.class)
    void eachReasonCarriesItsPurposeOfUseIntoThePermit(LegitimateReason reason) {
        RecordDecision.Permitted permit = permitted(reader(AccessDefaults.CLINICAL_PRACTITIONER)
                .safeguardingDesignated()
                .declares(reason));
        assertEquals(reason, permit.reason());
        assertEquals(reason.purposeOfUse(), permit.purposeOfUse());
        assertEquals(reason.purposesOfUse(), permit.purposesOfUse());
    }

    @Test
    void breakGlassIsAuditedAsEmergencyTreatmentWithTheBreakTheGlassMarker() {
        RecordDecision.Permitted permit =
                permitted(reader(AccessDefaults.NURSE).declares(LegitimateReason.VITAL_INTERESTS));
        assertEquals(List.of(PurposeOfUse.ETREAT, PurposeOfUse.BTG), permit.purposesOfUse());
    }

    // ---------------------------------------------------------------- opt-out

    @ParameterizedTest(name = "opted out, {0} designated {1}, reason {2}: {3} {4}")
    @CsvSource({
        // Not designated for safeguarding: refused whatever the reason, break glass included.
        "R8000, false, ONGOING_CARE,      OPTED_OUT, ''",
        "R8000, false, EXPLICIT_CONSENT,  OPTED_OUT, ''",
        "R8000, false, VITAL_INTERESTS,   OPTED_OUT, ''",
        "R8000, false, SAFEGUARDING,      OPTED_OUT, ''",
        "R8000, false, REFERRAL_OR_AUDIT, OPTED_OUT, ''",
        "R8009, false, ONGOING_CARE,      OPTED_OUT, ''",
        "R8006, false, REFERRAL_OR_AUDIT, OPTED_OUT, ''",
        "R8004, false, VITAL_INTERESTS,   OPTED_OUT, ''",
        "R0243, false, SAFEGUARDING,      OPTED_OUT, ''",
        // Designated, but only the safeguarding reason opens an opted-out record.
        "R8000, true,  ONGOING_CARE,      OPTED_OUT, ''",
        "R8000, true,  EXPLICIT_CONSENT,  OPTED_OUT, ''",
        "R8000, true,  VITAL_INTERESTS,   OPTED_OUT, ''",
        "R8000, true,  REFERRAL_OR_AUDIT, OPTED_OUT, ''",
        "R0243, true,  ONGOING_CARE,      OPTED_OUT, ''",
        // Designated and giving the safeguarding reason: opened, and a privacy officer is alerted.
        "R8000, true,  SAFEGUARDING,      PERMITTED, SAFEGUARDING_ACCESS_TO_OPTED_OUT_PERSON",
        "R8001, true,  SAFEGUARDING,      PERMITTED, SAFEGUARDING_ACCESS_TO_OPTED_OUT_PERSON",
        "R8003, true,  SAFEGUARDING,      PERMITTED, SAFEGUARDING_ACCESS_TO_OPTED_OUT_PERSON",
        "R0243, true,  SAFEGUARDING,      PERMITTED, SAFEGUARDING_ACCESS_TO_OPTED_OUT_PERSON",
    })
    void anOptedOutRecordOpensOnlyForSafeguardingStaffGivingTheSafeguardingReason(
            String role, boolean designated, LegitimateReason reason, String expected, String alert) {
        RecordDecision decision = reader(role)
                .safeguardingDesignated(designated)
                .optedOut()
                .declares(reason)
                .decide();
        assertEquals(expected, outcome(decision));
        if (decision instanceof RecordDecision.Permitted permit) {
            assertEquals(Set.of(PrivacyAlert.valueOf(alert)), permit.alerts());
        }
    }

    @ParameterizedTest(name = "opted in again, {0}: {1}")
    @EnumSource(LegitimateReason.class)
    void optingBackInRestoresOrdinaryAccess(LegitimateReason reason) {
        RecordDecision.Permitted permit = permitted(reader(AccessDefaults.NURSE)
                .safeguardingDesignated()
                .optedOut(false)
                .declares(reason));
        assertFalse(permit.alerts().contains(PrivacyAlert.SAFEGUARDING_ACCESS_TO_OPTED_OUT_PERSON));
    }

    @Test
    void nonSafeguardingStaffAreToldOfTheOptOutBeforeBeingAskedForAReason() {
        assertEquals(
                RefusalCode.OPTED_OUT,
                refusal(reader(AccessDefaults.NURSE).optedOut().noReason()));
    }

    @Test
    void safeguardingStaffAreAskedForTheirReasonFirst() {
        assertEquals(
                RefusalCode.NO_REASON,
                refusal(reader(AccessDefaults.NURSE)
                        .safeguardingDesignated()
                        .optedOut()
                        .noReason()));
    }

    @ParameterizedTest(name = "safeguarding access to an opted-out person justified with \"{0}\": {1}")
    @CsvSource({
        "'', JUSTIFICATION_REQUIRED",
        "concern, JUSTIFICATION_REQUIRED",
        "'" + GOOD_JUSTIFICATION + "', PERMITTED"
    })
    void safeguardingAccessToAnOptedOutPersonIsAnOverrideThatNeedsAJustification(
            String justification, String expected) {
        Scenario scenario = reader(AccessDefaults.SOCIAL_CARE_WORKER)
                .safeguardingDesignated()
                .optedOut()
                .declares(LegitimateReason.SAFEGUARDING)
                .justification(justification);
        assertEquals(expected, outcome(scenario.decide()));
    }

    @ParameterizedTest(name = "safeguarding access to an opted-out person {0} minutes after declaring: {1}")
    @CsvSource({"239, PERMITTED", "240, REASON_EXPIRED", "600, REASON_EXPIRED"})
    void safeguardingAccessToAnOptedOutPersonLastsOnlyTheOverridePeriod(long minutesAgo, String expected) {
        Scenario scenario = reader(AccessDefaults.NURSE)
                .safeguardingDesignated()
                .optedOut()
                .declares(LegitimateReason.SAFEGUARDING)
                .declaredAgo(Duration.ofMinutes(minutesAgo));
        assertEquals(expected, outcome(scenario.decide()));
    }

    @Test
    void theSafeguardingReasonForSomeoneNotOptedOutIsNoOverride() {
        RecordDecision.Permitted permit = permitted(reader(AccessDefaults.NURSE)
                .safeguardingDesignated()
                .declares(LegitimateReason.SAFEGUARDING)
                .justification(null)
                .declaredAgo(Duration.ofHours(6)));
        assertEquals(Set.of(), permit.alerts());
    }

    // ---------------------------------------------------------------- roles

    @ParameterizedTest(name = "{0} with reason {1}")
    @MethodSource("rolesWithoutPatientDataAndEveryReason")
    void rolesThatSeeNoPatientDataAreRefusedWhateverTheirReason(String role, LegitimateReason reason) {
        Scenario scenario =
                reader(role).safeguardingDesignated().mayBreakSeal(true).declares(reason);
        assertEquals(RefusalCode.ROLE_SEES_NO_PATIENT_DATA, refusal(scenario));
    }

    static Stream<Arguments> rolesWithoutPatientDataAndEveryReason() {
        return Stream.of(
                        AccessDefaults.PRIVACY_OFFICER,
                        AccessDefaults.CALDICOTT_GUARDIAN,
                        AccessDefaults.INFORMATION_OFFICER,
                        AccessDefaults.SYSTEMS_SUPPORT,
                        "R9999")
                .flatMap(role -> Arrays.stream(LegitimateReason.values()).map(reason -> Arguments.of(role, reason)));
    }

    @Test
    void aRoleThatSeesNothingIsToldSoEvenForAnOptedOutPerson() {
        assertEquals(
                RefusalCode.ROLE_SEES_NO_PATIENT_DATA,
                refusal(reader(AccessDefaults.PRIVACY_OFFICER).optedOut().noReason()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rolesWithPatientData")
    void thePermitAnswersForEveryCategoryWhatTheMatrixSays(String role) {
        RecordDecision.Permitted permit = permitted(reader(role));
        Set<Category> expected = AccessDefaults.MATRIX.categoriesFor(role);
        assertEquals(Category.values().length, permit.categoryAccess().size());
        for (Category category : Category.values()) {
            CategoryAccess access =
                    expected.contains(category) ? CategoryAccess.PERMITTED : CategoryAccess.NOT_AVAILABLE_TO_ROLE;
            assertEquals(access, permit.accessTo(category), category::name);
            assertEquals(expected.contains(category), permit.scope().permits(category), category::name);
            assertEquals(
                    expected.contains(category) ? null : RefusalCode.CATEGORY_NOT_PERMITTED,
                    permit.refusalFor(category).map(r -> r.code()).orElse(null),
                    category::name);
        }
        assertEquals(expected, permit.scope().categories());
    }

    static Stream<String> rolesWithPatientData() {
        return AccessDefaults.MATRIX.categoriesByRole().entrySet().stream()
                .filter(row -> !row.getValue().isEmpty())
                .map(Map.Entry::getKey);
    }

    @Test
    void theMatrixPassedInIsTheOneApplied() {
        RoleCategoryMatrix narrow =
                new RoleCategoryMatrix(Map.of(AccessDefaults.CLINICAL_PRACTITIONER, Set.of(Category.DEMOGRAPHICS)));
        RecordDecision.Permitted permit =
                permitted(reader(AccessDefaults.CLINICAL_PRACTITIONER).matrix(narrow));
        assertEquals(Set.of(Category.DEMOGRAPHICS), permit.scope().categories());
        assertEquals(Set.of(), permit.scope().itemCategories());
        assertEquals(CategoryAccess.NOT_AVAILABLE_TO_ROLE, permit.accessTo(Category.MEDICATIONS));
    }

    @Test
    void demographicsArePermittedButAreNotAnItemCategory() {
        ReadScope scope = permitted(reader(AccessDefaults.RECEPTIONIST)).scope();
        assertEquals(
                EnumSet.of(Category.DEMOGRAPHICS, Category.CONTACTS, Category.APPOINTMENTS, Category.ADJUSTMENTS),
                scope.categories());
        assertEquals(
                EnumSet.of(Category.CONTACTS, Category.APPOINTMENTS, Category.ADJUSTMENTS), scope.itemCategories());
    }

    // ---------------------------------------------------------------- organisations

    @ParameterizedTest(name = "{0} at an inactive organisation")
    @ValueSource(strings = {"R8000", "R8001", "R8004", "R8009", "R0243", "R0001", "R8015"})
    void aProfileWhoseOrganisationIsInactiveIsRefusedFirst(String role) {
        Scenario scenario = reader(role)
                .organisationInactive()
                .safeguardingDesignated()
                .optedOut()
                .declares(LegitimateReason.SAFEGUARDING);
        assertEquals(RefusalCode.PROFILE_ORGANISATION_INACTIVE, refusal(scenario));
    }

    @ParameterizedTest
    @EnumSource(LegitimateReason.class)
    void aViewOnlyOrganisationsStaffViewLikeAnyOther(LegitimateReason reason) {
        // View-only limits submitting, not viewing.
        Scenario viewOnly = reader(AccessDefaults.CLINICAL_PRACTITIONER)
                .viewOnlyOrganisation()
                .safeguardingDesignated()
                .declares(reason);
        Scenario sharing = reader(AccessDefaults.CLINICAL_PRACTITIONER)
                .safeguardingDesignated()
                .declares(reason);
        assertEquals(permitted(sharing), permitted(viewOnly));
    }

    @Test
    void inactiveOrganisationsAreExcludedAsSourcesAtOnce() {
        ReadScope scope = permitted(reader(AccessDefaults.NURSE)
                        .inactive(DEPARTED_ORGANISATION)
                        .inactive(GP_PRACTICE))
                .scope();
        assertEquals(Set.of(DEPARTED_ORGANISATION, GP_PRACTICE), scope.excludedSourceOrganisationIds());
    }

    @Test
    void withEveryOrganisationActiveNoSourceIsExcluded() {
        assertEquals(Set.of(), permitted(reader(AccessDefaults.NURSE)).scope().excludedSourceOrganisationIds());
    }

    // ---------------------------------------------------------------- social care consent and restriction

    @ParameterizedTest(name = "reader at {0}, councils refusing {1}: excluded {2}")
    @CsvSource({
        "10, '',       ''",
        "10, 30,       30",
        "10, 30;31,    30;31",
        // A council's own staff still see its social care items.
        "30, 30,       ''",
        "30, 30;31,    31",
        "31, 30;31,    30",
    })
    void socialCareOfARefusingCouncilIsExcludedOutsideThatCouncil(
            long readerOrganisation, String refusing, String excluded) {
        Scenario scenario = reader(AccessDefaults.SOCIAL_CARE_WORKER).at(readerOrganisation);
        ids(refusing).forEach(scenario::socialCareConsentRefusedFor);
        assertEquals(ids(excluded), permitted(scenario).scope().socialCareExcludedCouncilIds());
    }

    private static Set<Long> ids(String list) {
        return list.isBlank()
                ? Set.of()
                : Arrays.stream(list.split(";"))
                        .map(String::strip)
                        .map(Long::valueOf)
                        .collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "restricted {0}, reason {1}")
    @MethodSource("restrictionWithEveryReason")
    void aRestrictedPersonsContactDetailsAreHiddenWhateverTheReason(boolean restricted, LegitimateReason reason) {
        Scenario scenario = reader(AccessDefaults.CLINICAL_PRACTITIONER)
                .safeguardingDesignated()
                .declares(reason);
        if (restricted) {
            scenario.restricted();
        }
        assertEquals(restricted, permitted(scenario).scope().hideContactDetails());
    }

    static Stream<Arguments> restrictionWithEveryReason() {
        return Stream.of(true, false).flatMap(restricted -> Arrays.stream(LegitimateReason.values())
                .map(reason -> Arguments.of(restricted, reason)));
    }

    @Test
    void aRestrictedOptedOutPersonOpenedForSafeguardingStillHasContactDetailsHidden() {
        ReadScope scope = permitted(reader(AccessDefaults.SOCIAL_CARE_WORKER)
                        .safeguardingDesignated()
                        .optedOut()
                        .restricted()
                        .declares(LegitimateReason.SAFEGUARDING))
                .scope();
        assertTrue(scope.hideContactDetails());
    }

    // ---------------------------------------------------------------- seal breaks

    @ParameterizedTest(name = "may break seal {0}, justification \"{1}\", {2} minutes ago: item open {3}")
    @CsvSource({
        // No seal broken: sealed items are withheld, whoever reads.
        "true,  ,          ,    false",
        "false, ,          ,    false",
        // A justified break by a profile allowed to break seals opens that item.
        "true,  JUSTIFIED, 0,   true",
        "true,  JUSTIFIED, 239, true",
        // It lasts the override period; afterwards the envelope closes and the record stays open.
        "true,  JUSTIFIED, 240, false",
        "true,  JUSTIFIED, -5,  false",
        // A break without a sufficient justification never opens anything.
        "true,  short,     0,   false",
        "true,  '',        0,   false",
        // Nor one kept for a profile that may no longer break seals: the record still opens.
        "false, JUSTIFIED, 0,   false",
    })
    void aBrokenSealOpensItsItemOnlyWhileItHoldsForAProfileAllowedToBreakSeals(
            boolean mayBreakSeal, String justification, Long minutesAgo, boolean open) {
        Scenario scenario = reader(AccessDefaults.CLINICAL_PRACTITIONER).mayBreakSeal(mayBreakSeal);
        if (minutesAgo != null) {
            String text = "JUSTIFIED".equals(justification) ? GOOD_JUSTIFICATION : justification;
            scenario.breaksSeal(text == null ? "" : text, Duration.ofMinutes(minutesAgo));
        }
        RecordDecision.Permitted permit = permitted(scenario);
        assertEquals(open, permit.scope().sealBroken(Scenario.SEALED_ITEM));
        assertEquals(
                open ? Set.of(Scenario.SEALED_ITEM) : Set.of(), permit.scope().sealBrokenItemIds());
        // The alert is raised once, when the seal is broken, not at every later read.
        assertFalse(permit.alerts().contains(PrivacyAlert.SEAL_BROKEN));
    }

    @ParameterizedTest(name = "may break seal {0}, justification \"{1}\", {2}: {3}")
    @CsvSource({
        "true,  JUSTIFIED, SEALED_ELSEWHERE, ",
        "true,  short,     SEALED_ELSEWHERE, JUSTIFICATION_REQUIRED",
        "true,  '',        SEALED_ELSEWHERE, JUSTIFICATION_REQUIRED",
        "false, JUSTIFIED, SEALED_ELSEWHERE, SEAL_BREAK_NOT_PERMITTED",
        "false, short,     SEALED_ELSEWHERE, NOT_WITHHELD_FIRST",
        // Nothing to break: the item is visible already, or not shown to this reader at all.
        "true,  JUSTIFIED, NORMAL_ELSEWHERE, NOT_WITHHELD",
        "true,  JUSTIFIED, SEALED_OWN,       NOT_WITHHELD",
        "true,  JUSTIFIED, LOCKED_ELSEWHERE, NOT_WITHHELD",
        "true,  JUSTIFIED, SEALED_INACTIVE,  NOT_WITHHELD",
    })
    void aSealMayBeBrokenOnlyOnAWithheldItemByAProfileAllowedToWithAJustification(
            boolean mayBreakSeal, String justification, String item, String expected) {
        Scenario scenario = reader(AccessDefaults.CLINICAL_PRACTITIONER)
                .at(ACUTE_TRUST)
                .inactive(DEPARTED_ORGANISATION)
                .mayBreakSeal(mayBreakSeal);
        ReadScope scope = permitted(scenario).scope();
        ItemFacts facts =
                switch (item) {
                    case "SEALED_ELSEWHERE" -> new ItemFacts(7, Category.PROBLEMS, GP_PRACTICE, Sensitivity.SEALED);
                    case "NORMAL_ELSEWHERE" -> new ItemFacts(7, Category.PROBLEMS, GP_PRACTICE, Sensitivity.NORMAL);
                    case "SEALED_OWN" -> new ItemFacts(7, Category.PROBLEMS, ACUTE_TRUST, Sensitivity.SEALED);
                    case "LOCKED_ELSEWHERE" -> new ItemFacts(
                            7, Category.PROBLEMS, GP_PRACTICE, Sensitivity.SEALED_LOCKED);
                    default -> new ItemFacts(7, Category.PROBLEMS, DEPARTED_ORGANISATION, Sensitivity.SEALED);
                };
        String text = "JUSTIFIED".equals(justification) ? GOOD_JUSTIFICATION : justification;
        Optional<Refusal> refusal = new AccessDecision()
                .sealBreak(scenario.profile(), scope, facts, AccessDefaults.REASON_POLICY, text == null ? "" : text);
        if (expected == null) {
            assertTrue(refusal.isEmpty(), () -> refusal.toString());
        } else {
            // A profile that may not break seals is told so before being asked for better words.
            String code = "NOT_WITHHELD_FIRST".equals(expected) ? "SEAL_BREAK_NOT_PERMITTED" : expected;
            assertEquals(code, refusal.orElseThrow().code().name());
        }
    }

    // ---------------------------------------------------------------- alerts

    @ParameterizedTest(name = "{0}")
    @MethodSource("alertScenarios")
    void eachOverrideRaisesItsOwnPrivacyAlert(String description, Scenario scenario, Set<PrivacyAlert> expected) {
        assertEquals(expected, permitted(scenario).alerts());
    }

    static Stream<Arguments> alertScenarios() {
        return Stream.of(
                Arguments.of(
                        "ongoing care: none",
                        reader(AccessDefaults.NURSE).declares(LegitimateReason.ONGOING_CARE),
                        Set.of()),
                Arguments.of(
                        "explicit consent: none",
                        reader(AccessDefaults.NURSE).declares(LegitimateReason.EXPLICIT_CONSENT),
                        Set.of()),
                Arguments.of(
                        "referral or audit: none",
                        reader(AccessDefaults.NURSE).declares(LegitimateReason.REFERRAL_OR_AUDIT),
                        Set.of()),
                Arguments.of(
                        "safeguarding, not opted out: none",
                        reader(AccessDefaults.NURSE).safeguardingDesignated().declares(LegitimateReason.SAFEGUARDING),
                        Set.of()),
                Arguments.of(
                        "break glass",
                        reader(AccessDefaults.NURSE).declares(LegitimateReason.VITAL_INTERESTS),
                        Set.of(PrivacyAlert.BREAK_GLASS)),
                Arguments.of(
                        "safeguarding an opted-out person",
                        reader(AccessDefaults.NURSE)
                                .safeguardingDesignated()
                                .optedOut()
                                .declares(LegitimateReason.SAFEGUARDING),
                        Set.of(PrivacyAlert.SAFEGUARDING_ACCESS_TO_OPTED_OUT_PERSON)),
                Arguments.of(
                        "reading after a seal break under ongoing care: none (raised at the break)",
                        reader(AccessDefaults.CLINICAL_PRACTITIONER)
                                .mayBreakSeal(true)
                                .breaksSeal(GOOD_JUSTIFICATION, Duration.ZERO),
                        Set.of()),
                Arguments.of(
                        "seal broken under break glass",
                        reader(AccessDefaults.CLINICAL_PRACTITIONER)
                                .mayBreakSeal(true)
                                .declares(LegitimateReason.VITAL_INTERESTS)
                                .breaksSeal(GOOD_JUSTIFICATION, Duration.ZERO),
                        Set.of(PrivacyAlert.BREAK_GLASS)),
                Arguments.of(
                        "seal broken for safeguarding an opted-out person",
                        reader(AccessDefaults.CLINICAL_PRACTITIONER)
                                .mayBreakSeal(true)
                                .safeguardingDesignated()
                                .optedOut()
                                .declares(LegitimateReason.SAFEGUARDING)
                                .breaksSeal(GOOD_JUSTIFICATION, Duration.ZERO),
                        Set.of(PrivacyAlert.SAFEGUARDING_ACCESS_TO_OPTED_OUT_PERSON)),
                Arguments.of(
                        "lapsed seal break under break glass",
                        reader(AccessDefaults.CLINICAL_PRACTITIONER)
                                .mayBreakSeal(true)
                                .declares(LegitimateReason.VITAL_INTERESTS)
                                .breaksSeal(GOOD_JUSTIFICATION, Duration.ofHours(5)),
                        Set.of(PrivacyAlert.BREAK_GLASS)));
    }

    // ---------------------------------------------------------------- precedence and the refusal itself

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void theFirstFailingCheckIsTheOneReported(String description, Scenario scenario, RefusalCode expected) {
        assertEquals(expected, refusal(scenario));
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                Arguments.of(
                        "inactive organisation before a role that sees nothing",
                        reader(AccessDefaults.SYSTEMS_SUPPORT).organisationInactive(),
                        RefusalCode.PROFILE_ORGANISATION_INACTIVE),
                Arguments.of(
                        "a role that sees nothing before a missing reason",
                        reader(AccessDefaults.CALDICOTT_GUARDIAN).noReason(),
                        RefusalCode.ROLE_SEES_NO_PATIENT_DATA),
                Arguments.of(
                        "not a safeguarding role before an expired declaration",
                        reader(AccessDefaults.RECEPTIONIST)
                                .declares(LegitimateReason.SAFEGUARDING)
                                .declaredAgo(Duration.ofDays(3)),
                        RefusalCode.NOT_SAFEGUARDING_ROLE),
                Arguments.of(
                        "missing consent before an expired declaration",
                        reader(AccessDefaults.NURSE)
                                .declares(LegitimateReason.EXPLICIT_CONSENT)
                                .consent(ExplicitConsent.NOT_RECORDED)
                                .declaredAgo(Duration.ofDays(3)),
                        RefusalCode.CONSENT_NOT_RECORDED),
                Arguments.of(
                        "expired break glass before its missing justification",
                        reader(AccessDefaults.NURSE)
                                .declares(LegitimateReason.VITAL_INTERESTS)
                                .justification("")
                                .declaredAgo(Duration.ofHours(5)),
                        RefusalCode.REASON_EXPIRED),
                Arguments.of(
                        "the reason's justification, whatever seals were broken",
                        reader(AccessDefaults.NURSE)
                                .declares(LegitimateReason.VITAL_INTERESTS)
                                .justification("")
                                .breaksSeal(GOOD_JUSTIFICATION, Duration.ZERO),
                        RefusalCode.JUSTIFICATION_REQUIRED),
                Arguments.of(
                        "opt-out before a seal break",
                        reader(AccessDefaults.CLINICAL_PRACTITIONER)
                                .mayBreakSeal(true)
                                .optedOut()
                                .breaksSeal(GOOD_JUSTIFICATION, Duration.ZERO),
                        RefusalCode.OPTED_OUT));
    }

    @Test
    void aRefusalBecomesTheDomainsNotPermittedExceptionWithTheUsersSentence() {
        RecordDecision decision = reader(AccessDefaults.NURSE).noReason().decide();
        IcrException thrown = assertThrows(IcrException.class, decision::orElseThrow);
        assertEquals(ErrorCode.NOT_PERMITTED, thrown.code());
        assertEquals(RefusalCode.NO_REASON.userMessage(), thrown.reason());
        assertFalse(decision.isPermitted());
    }

    @Test
    void aPermitIsItsOwnOrElseThrow() {
        RecordDecision decision = reader(AccessDefaults.NURSE).decide();
        assertTrue(decision.isPermitted());
        assertEquals(decision, decision.orElseThrow());
    }

    @Test
    void theScopeIsForTheReadersOwnOrganisation() {
        ReadScope scope =
                permitted(reader(AccessDefaults.NURSE).at(ACUTE_TRUST)).scope();
        assertEquals(ACUTE_TRUST, scope.actorOrganisationId());
        assertEquals(Set.of(), scope.sealBrokenItemIds());
        assertEquals(Set.of(), scope.socialCareExcludedCouncilIds());
        assertFalse(scope.hideContactDetails());
    }
}
