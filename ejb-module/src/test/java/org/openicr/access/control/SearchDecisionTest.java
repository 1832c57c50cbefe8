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
import org.openicr.platform.IcrException;
import org.openicr.record.entity.Category;

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

    @ParameterizedTest(name = "{0} designated {1}: shows opted-out people {2}")
    @CsvSource({
        "R8000, false, false",
        "R8000, true,  true",
        "R0243, true,  true",
        "R0243, false, false",
        "R8009, false, false",
    })
    void onlySafeguardingStaffSearchesShowOptedOutPeople(String role, boolean designated, boolean shows) {
        SearchDecision.Permitted permit = assertInstanceOf(
                SearchDecision.Permitted.class,
                decision.decideSearch(
                        reader(role).safeguardingDesignated(designated).profile(), AccessDefaults.MATRIX));
        assertEquals(new SearchScope(shows), permit.scope());
    }

    @ParameterizedTest(name = "opted out {0}, restricted {1}, safeguarding search {2}: {3}")
    @CsvSource({
        "false, false, false, DETAILS",
        "false, false, true,  DETAILS",
        "false, true,  false, DETAILS_WITHOUT_CONTACT",
        "false, true,  true,  DETAILS_WITHOUT_CONTACT",
        // An opted-out person exists in results only as "record not available for viewing"...
        "true,  false, false, NOT_AVAILABLE_FOR_VIEWING",
        "true,  true,  false, NOT_AVAILABLE_FOR_VIEWING",
        // ...except to safeguarding staff, who still never see a restricted person's contact details.
        "true,  false, true,  DETAILS",
        "true,  true,  true,  DETAILS_WITHOUT_CONTACT",
    })
    void eachPersonFoundIsListedAccordingToOptOutAndRestriction(
            boolean optedOut, boolean restricted, boolean safeguardingSearch, PersonListing expected) {
        PersonAccessFacts person = new PersonAccessFacts(optedOut, restricted, Set.of());
        assertEquals(expected, decision.listing(new SearchScope(safeguardingSearch), person));
    }

    @Test
    void theSameReaderSeesAnOptedOutPersonDifferentlyOnceDesignatedForSafeguarding() {
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
        assertEquals(PersonListing.DETAILS, decision.listing(safeguarding, optedOut));
    }
}
