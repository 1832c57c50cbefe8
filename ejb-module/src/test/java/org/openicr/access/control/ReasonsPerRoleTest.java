package org.openicr.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openicr.access.control.Scenario.reader;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.access.entity.AccessDefaults;
import org.openicr.access.entity.RecordDecision;
import org.openicr.access.entity.RoleReasons;
import org.openicr.vocabulary.LegitimateReason;

/**
 * Issue 18, item 5: each role is offered, and may give, only the reasons its row of
 * {@code role_reason} allows; the decision refuses any other (REASON_NOT_FOR_ROLE), so a reason
 * posted by hand is refused as surely as one the page never offered.
 */
class ReasonsPerRoleTest {

    private static String outcome(RecordDecision decision) {
        return decision instanceof RecordDecision.Refused refused
                ? refused.code().name()
                : "PERMITTED";
    }

    private static Set<LegitimateReason> reasons(String names) {
        if (names.isBlank()) {
            return EnumSet.noneOf(LegitimateReason.class);
        }
        return Arrays.stream(names.split(" "))
                .map(LegitimateReason::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LegitimateReason.class)));
    }

    @ParameterizedTest(name = "{0} (designated {1}) gives {2}: {3}")
    @CsvSource({
        // A receptionist cares for and may act on consent; no break glass, safeguarding or audit.
        "R8009, false, ONGOING_CARE,      PERMITTED",
        "R8009, false, EXPLICIT_CONSENT,  PERMITTED",
        "R8009, false, VITAL_INTERESTS,   REASON_NOT_FOR_ROLE",
        "R8009, false, REFERRAL_OR_AUDIT, REASON_NOT_FOR_ROLE",
        "R8009, false, SAFEGUARDING,      NOT_SAFEGUARDING_ROLE",
        "R8009, true,  SAFEGUARDING,      REASON_NOT_FOR_ROLE",
        "R8004, false, VITAL_INTERESTS,   REASON_NOT_FOR_ROLE",
        "R8006, false, REFERRAL_OR_AUDIT, REASON_NOT_FOR_ROLE",
        "R8010, false, ONGOING_CARE,      PERMITTED",
        // Social workers: care, consent, emergencies and safeguarding; not clinical audit.
        "R0243, false, VITAL_INTERESTS,   PERMITTED",
        "R0243, true,  SAFEGUARDING,      PERMITTED",
        "R0243, false, REFERRAL_OR_AUDIT, REASON_NOT_FOR_ROLE",
        // Clinicians: every reason (safeguarding when designated).
        "R8000, false, VITAL_INTERESTS,   PERMITTED",
        "R8000, false, REFERRAL_OR_AUDIT, PERMITTED",
        "R8001, true,  SAFEGUARDING,      PERMITTED",
        "R8003, false, SAFEGUARDING,      NOT_SAFEGUARDING_ROLE",
        // Roles that see no patient data are refused before any reason.
        "R0001, false, ONGOING_CARE,      ROLE_SEES_NO_PATIENT_DATA",
        "R8015, false, VITAL_INTERESTS,   ROLE_SEES_NO_PATIENT_DATA",
    })
    void aRoleMayGiveOnlyItsReasons(String role, boolean designated, LegitimateReason reason, String expected) {
        assertEquals(
                expected,
                outcome(reader(role)
                        .safeguardingDesignated(designated)
                        .declares(reason)
                        .decide()));
    }

    @ParameterizedTest(name = "{0} (designated {1}, opted out {2}) is offered [{3}]")
    @CsvSource({
        "R8000, false, false, ONGOING_CARE EXPLICIT_CONSENT VITAL_INTERESTS REFERRAL_OR_AUDIT",
        "R8000, true,  false, ONGOING_CARE EXPLICIT_CONSENT VITAL_INTERESTS SAFEGUARDING REFERRAL_OR_AUDIT",
        "R8000, true,  true,  SAFEGUARDING",
        "R8000, false, true,  ''",
        "R8001, false, false, ONGOING_CARE EXPLICIT_CONSENT VITAL_INTERESTS REFERRAL_OR_AUDIT",
        "R8004, false, false, ONGOING_CARE EXPLICIT_CONSENT",
        "R8006, false, false, ONGOING_CARE EXPLICIT_CONSENT",
        "R8008, false, false, ONGOING_CARE EXPLICIT_CONSENT",
        "R8009, false, false, ONGOING_CARE EXPLICIT_CONSENT",
        "R8009, false, true,  ''",
        "R8010, false, false, ONGOING_CARE EXPLICIT_CONSENT",
        "R0243, false, false, ONGOING_CARE EXPLICIT_CONSENT VITAL_INTERESTS",
        "R0243, true,  false, ONGOING_CARE EXPLICIT_CONSENT VITAL_INTERESTS SAFEGUARDING",
        "R0243, true,  true,  SAFEGUARDING",
        "R0001, false, false, ''",
        "R5105, false, false, ''",
        "R8012, false, false, ''",
        "R8015, false, false, ''",
    })
    void theReasonStepOffersWhatTheRulesAllow(String role, boolean designated, boolean optedOut, String expected) {
        assertEquals(
                reasons(expected),
                reader(role)
                        .safeguardingDesignated(designated)
                        .optedOut(optedOut)
                        .offered());
    }

    @Test
    void anInactiveOrganisationIsOfferedNothing() {
        assertEquals(
                Set.of(),
                reader(AccessDefaults.CLINICAL_PRACTITIONER)
                        .organisationInactive()
                        .offered());
    }

    @Test
    void everyOfferedReasonIsOneTheDecisionAccepts() {
        for (String role : AccessDefaults.MATRIX.categoriesByRole().keySet()) {
            for (boolean designated : new boolean[] {false, true}) {
                for (boolean optedOut : new boolean[] {false, true}) {
                    for (LegitimateReason reason : reader(role)
                            .safeguardingDesignated(designated)
                            .optedOut(optedOut)
                            .offered()) {
                        assertEquals(
                                "PERMITTED",
                                outcome(reader(role)
                                        .safeguardingDesignated(designated)
                                        .optedOut(optedOut)
                                        .declares(reason)
                                        .decide()),
                                role + " " + designated + " " + optedOut + " " + reason);
                    }
                }
            }
        }
    }

    @Test
    void theTableIsDataNotCode() {
        RoleReasons audit = new RoleReasons(Map.of("R8009", EnumSet.of(LegitimateReason.REFERRAL_OR_AUDIT)));
        assertEquals(
                "PERMITTED",
                outcome(reader("R8009")
                        .reasons(audit)
                        .declares(LegitimateReason.REFERRAL_OR_AUDIT)
                        .decide()));
        assertEquals(
                "REASON_NOT_FOR_ROLE",
                outcome(reader("R8009")
                        .reasons(audit)
                        .declares(LegitimateReason.ONGOING_CARE)
                        .decide()));
        assertEquals(
                "REASON_NOT_FOR_ROLE",
                outcome(reader("R8000")
                        .reasons(new RoleReasons(Map.of()))
                        .declares(LegitimateReason.ONGOING_CARE)
                        .decide()));
    }
}
