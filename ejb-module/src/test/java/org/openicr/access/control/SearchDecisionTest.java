package org.openicr.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openicr.access.control.Scenario.reader;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.access.entity.AccessDefaults;
import org.openicr.access.entity.PersonAccessFacts;
import org.openicr.access.entity.PersonListing;
import org.openicr.access.entity.RefusalCode;
import org.openicr.access.entity.RoleCategoryMatrix;
import org.openicr.access.entity.SearchDecision;
import org.openicr.access.entity.SearchScope;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.IcrException;

class SearchDecisionTest {

    private final AccessDecision decision = new AccessDecision();

    private static String outcome(SearchDecision answer) {
        return answer instanceof SearchDecision.Refused refused ? refused.code().name() : "PERMITTED";
    }

    @ParameterizedTest(name = "{0} searches: {1}")
    @CsvSource({
        "R8000, PERMITTED",
        "R8001, PERMITTED",
        "R8003, PERMITTED",
        "R8004, PERMITTED",
        "R8006, PERMITTED",
        "R8008, PERMITTED",
        "R8009, PERMITTED",
        "R8010, PERMITTED",
        "R0243, PERMITTED",
        "R0001, ROLE_SEES_NO_PATIENT_DATA",
        "R5105, ROLE_SEES_NO_PATIENT_DATA",
        "R8012, ROLE_SEES_NO_PATIENT_DATA",
        "R8015, ROLE_SEES_NO_PATIENT_DATA",
        "R9999, ROLE_SEES_NO_PATIENT_DATA",
    })
    void rolesThatReadRecordsMaySearchForPeople(String role, String expected) {
        assertEquals(expected, outcome(decision.decideSearch(reader(role).profile(), AccessDefaults.MATRIX)));
    }

    @Test
    void aProfileAtAnInactiveOrganisationMayNotSearch() {
        SearchDecision answer = decision.decideSearch(
                reader(AccessDefaults.NURSE).organisationInactive().profile(), AccessDefaults.MATRIX);
        assertEquals(RefusalCode.PROFILE_ORGANISATION_INACTIVE.name(), outcome(answer));
        assertThrows(IcrException.class, answer::orElseThrow);
    }

    @Test
    void aRoleWithoutDemographicsMayNotSearchBecauseResultsAreDemographics() {
        RoleCategoryMatrix matrix = new RoleCategoryMatrix(Map.of(AccessDefaults.NURSE, Set.of(Category.MEDICATIONS)));
        assertEquals(
                RefusalCode.CATEGORY_NOT_PERMITTED.name(),
                outcome(decision.decideSearch(reader(AccessDefaults.NURSE).profile(), matrix)));
    }

    @ParameterizedTest(name = "{0} designated {1}: safeguarding scope {2}")
    @CsvSource({
        "R8000, false, false",
        "R8000, true,  true",
        "R0243, true,  true",
        "R0243, false, false",
        "R8009, false, false",
    })
    void onlySafeguardingStaffSearchWithASafeguardingScope(String role, boolean designated, boolean shows) {
        SearchDecision.Permitted permit = assertInstanceOf(
                SearchDecision.Permitted.class,
                decision.decideSearch(
                        reader(role).safeguardingDesignated(designated).profile(), AccessDefaults.MATRIX));
        assertEquals(new SearchScope(shows), permit.scope());
    }

    @ParameterizedTest(name = "opted out {0}, restricted {1}, designated {2}, reason {3} {4} min ago: {5}")
    @CsvSource({
        "false, false, false, NONE,              0,   DETAILS",
        "false, false, true,  NONE,              0,   DETAILS",
        "false, true,  false, NONE,              0,   DETAILS_WITHOUT_CONTACT",
        "false, true,  true,  NONE,              0,   DETAILS_WITHOUT_CONTACT",
        // An opted-out person exists in results only as "record not available for viewing"...
        "true,  false, false, NONE,              0,   NOT_AVAILABLE_FOR_VIEWING",
        "true,  true,  false, NONE,              0,   NOT_AVAILABLE_FOR_VIEWING",
        "true,  false, false, ONGOING_CARE,      1,   NOT_AVAILABLE_FOR_VIEWING",
        // ...to safeguarding staff too, until they give a safeguarding reason (issue 16, item 14)...
        "true,  false, true,  NONE,              0,   NOT_AVAILABLE_FOR_VIEWING",
        "true,  false, true,  ONGOING_CARE,      1,   NOT_AVAILABLE_FOR_VIEWING",
        "true,  false, true,  VITAL_INTERESTS,   1,   NOT_AVAILABLE_FOR_VIEWING",
        // ...a safeguarding reason from someone not designated opens nothing...
        "true,  false, false, SAFEGUARDING,      1,   NOT_AVAILABLE_FOR_VIEWING",
        // ...and it lapses with the override validity (4 hours).
        "true,  false, true,  SAFEGUARDING,    241,   NOT_AVAILABLE_FOR_VIEWING",
        "true,  false, true,  SAFEGUARDING,      1,   DETAILS",
        "true,  false, true,  SAFEGUARDING,    239,   DETAILS",
        // Safeguarding staff still never see a restricted person's contact details.
        "true,  true,  true,  SAFEGUARDING,      1,   DETAILS_WITHOUT_CONTACT",
    })
    void eachPersonFoundIsListedAccordingToOptOutRestrictionAndReason(
            boolean optedOut,
            boolean restricted,
            boolean designated,
            String reason,
            long minutesAgo,
            PersonListing expected) {
        java.time.Instant now = java.time.Instant.parse("2026-12-06T12:00:00Z");
        PersonAccessFacts person = new PersonAccessFacts(optedOut, restricted, Set.of());
        java.util.Optional<org.openicr.access.entity.ReasonDeclaration> declared = reason.equals("NONE")
                ? java.util.Optional.empty()
                : java.util.Optional.of(new org.openicr.access.entity.ReasonDeclaration(
                        org.openicr.vocabulary.LegitimateReason.valueOf(reason),
                        "Section 42 enquiry: concern reported today.",
                        now.minus(java.time.Duration.ofMinutes(minutesAgo)),
                        org.openicr.access.entity.ExplicitConsent.NOT_RECORDED));
        assertEquals(
                expected,
                decision.listing(new SearchScope(designated), person, declared, AccessDefaults.REASON_POLICY, now));
    }

    @Test
    void aSafeguardingReasonWithoutAJustificationShowsNothing() {
        java.time.Instant now = java.time.Instant.parse("2026-12-06T12:00:00Z");
        PersonAccessFacts optedOut = new PersonAccessFacts(true, false, Set.of());
        var declared = java.util.Optional.of(new org.openicr.access.entity.ReasonDeclaration(
                org.openicr.vocabulary.LegitimateReason.SAFEGUARDING,
                "x",
                now.minusSeconds(60),
                org.openicr.access.entity.ExplicitConsent.NOT_RECORDED));
        assertEquals(
                PersonListing.NOT_AVAILABLE_FOR_VIEWING,
                decision.listing(new SearchScope(true), optedOut, declared, AccessDefaults.REASON_POLICY, now));
    }

    @Test
    void theSameReaderSeesAnOptedOutPersonOnlyAsNotAvailableWithoutAReasonDesignatedOrNot() {
        PersonAccessFacts optedOut = new PersonAccessFacts(true, false, Set.of());
        SearchScope ordinary = decision.decideSearch(
                        reader(AccessDefaults.NURSE).profile(), AccessDefaults.MATRIX)
                .orElseThrow()
                .scope();
        SearchScope safeguarding = decision.decideSearch(
                        reader(AccessDefaults.NURSE).safeguardingDesignated().profile(), AccessDefaults.MATRIX)
                .orElseThrow()
                .scope();
        assertEquals(PersonListing.NOT_AVAILABLE_FOR_VIEWING, decision.listing(ordinary, optedOut));
        assertEquals(PersonListing.NOT_AVAILABLE_FOR_VIEWING, decision.listing(safeguarding, optedOut));
    }
}
