package org.openicr.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegitimateReasonTest {

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
        "ONGOING_CARE,      TREAT,   '',  false",
        "EXPLICIT_CONSENT,  TREAT,   '',  false",
        "VITAL_INTERESTS,   ETREAT,  BTG, true",
        "SAFEGUARDING,      THREAT,  '',  false",
        "REFERRAL_OR_AUDIT, HOPERAT, '',  false",
    })
    void eachReasonMapsToAnActReasonPurposeOfUse(
            LegitimateReason reason, PurposeOfUse purpose, String marker, boolean breakGlass) {
        assertEquals(purpose, reason.purposeOfUse());
        List<PurposeOfUse> expected =
                marker.isEmpty() ? List.of(purpose) : List.of(purpose, PurposeOfUse.valueOf(marker));
        assertEquals(expected, reason.purposesOfUse());
        assertEquals(breakGlass, reason.isBreakGlass());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "TREAT,   treatment",
        "ETREAT,  Emergency Treatment",
        "BTG,     break the glass",
        "THREAT,  threat",
        "HOPERAT, healthcare operations",
    })
    void purposeOfUseCodesAreTheActReasonCodesWithTheirDisplays(PurposeOfUse purpose, String display) {
        assertEquals(purpose.name(), purpose.code());
        assertEquals(display, purpose.display());
    }

    @Test
    void purposeOfUseCodesBelongToTheV3ActReasonCodeSystem() {
        assertEquals("http://terminology.hl7.org/CodeSystem/v3-ActReason", PurposeOfUse.SYSTEM);
    }

    @Test
    void theReasonsAreTheFiveConnectingCareReasonsInTheOrderTheyAreOffered() {
        // Stored names: a rename would orphan every declaration and audit event that uses it.
        assertEquals(
                List.of("ONGOING_CARE", "EXPLICIT_CONSENT", "VITAL_INTERESTS", "SAFEGUARDING", "REFERRAL_OR_AUDIT"),
                Arrays.stream(LegitimateReason.values()).map(Enum::name).toList());
    }
}
