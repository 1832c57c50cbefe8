package org.openicr.vocabulary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What a submitted item's care planning details must hold, and how their values read. */
class CarePlanningTest {

    /** "planType=dnacpr;cprDecision=not-for-cpr" as a details map (empty text: no details). */
    private static Map<String, String> details(String pairs) {
        Map<String, String> details = new LinkedHashMap<>();
        if (pairs != null && !pairs.isBlank()) {
            for (String pair : pairs.split(";")) {
                String[] nameValue = pair.split("=", 2);
                details.put(nameValue[0], nameValue[1]);
            }
        }
        return details;
    }

    @ParameterizedTest(name = "{0} [{1}] accepted")
    @CsvSource(
            delimiter = '|',
            value = {
                "CARE_PLANS  | planType=respect;cprDecision=not-for-cpr;formLocation=With the patient at home",
                "CARE_PLANS  | planType=DNACPR;cprDecision=Not_For_CPR",
                "CARE_PLANS  | planType=respect;cprDecision=for-cpr;reviewDate=2027-03-01",
                "CARE_PLANS  | planType=end-of-life",
                "CARE_PLANS  | planType=advance-decision",
                "CARE_PLANS  | planType=frailty;frailtyScore=1",
                "CARE_PLANS  | planType=frailty;frailtyScore=9",
                "CARE_PLANS  | planType=frailty;frailtyScore= 6 ",
                "ADJUSTMENTS | adjustmentCategory=communication",
                "ADJUSTMENTS | adjustmentCategory=access-mobility",
                "ADJUSTMENTS | adjustmentCategory=carer-companion",
                "ADJUSTMENTS | adjustmentCategory=other",
                "CONTACTS    | caring=carer;relationship=Daughter",
                "CONTACTS    | caring=cared-for",
                "CONTACTS    | relationship=Spouse",
                "MEDICATIONS | dose=1 tablet",
            })
    void acceptsWhatTheRecordCanRead(Category category, String pairs) {
        assertDoesNotThrow(() -> CarePlanning.check(category, details(pairs)));
    }

    @ParameterizedTest(name = "{0} [{1}] refused naming {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CARE_PLANS  |                                    | planType is required",
                "CARE_PLANS  | planType=respct                    | planType is not one of its values",
                "CARE_PLANS  | planType=respect                   | cprDecision is required",
                "CARE_PLANS  | planType=dnacpr                    | cprDecision is required",
                "CARE_PLANS  | planType=dnacpr;cprDecision=DNR    | cprDecision is not one of its values",
                "CARE_PLANS  | planType=end-of-life;cprDecision=x | cprDecision is not one of its values",
                "CARE_PLANS  | planType=frailty                   | frailtyScore must be",
                "CARE_PLANS  | planType=frailty;frailtyScore=0    | frailtyScore must be",
                "CARE_PLANS  | planType=frailty;frailtyScore=10   | frailtyScore must be",
                "CARE_PLANS  | planType=frailty;frailtyScore=mild | frailtyScore must be",
                "CARE_PLANS  | planType=end-of-life;reviewDate=31/02/2027 | reviewDate must be a date",
                "ADJUSTMENTS |                                    | adjustmentCategory is required",
                "ADJUSTMENTS | adjustmentCategory=wheelchair      | adjustmentCategory is not one of its values",
                "CONTACTS    | caring=neighbour                   | caring is not one of its values",
            })
    void refusesWhatItCannotReadNamingTheDetail(Category category, String pairs, String reason) {
        IcrException refused = assertThrows(IcrException.class, () -> CarePlanning.check(category, details(pairs)));
        assertEquals(ErrorCode.INVALID_INPUT, refused.code());
        assertTrue(refused.reason().contains(reason), refused.reason());
    }

    @Test
    void aRefusalListsTheAcceptedValuesInPlainWords() {
        IcrException refused = assertThrows(
                IcrException.class,
                () -> CarePlanning.check(Category.CARE_PLANS, details("planType=dnacpr;cprDecision=DNR")));
        assertEquals(
                "detail cprDecision is not one of its values: send one of not-for-cpr, for-cpr.", refused.reason());
        assertFalse(refused.reason().contains("["), "no Java list in a message");
    }

    @ParameterizedTest(name = "{0} = {1} reads \"{2}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "CPR_DECISION        | not-for-cpr        | Do not attempt CPR",
                "CPR_DECISION        | FOR_CPR            | For CPR",
                "PLAN_TYPE           | respect            | ReSPECT form",
                "PLAN_TYPE           | end-of-life        | End of life care plan",
                "ADJUSTMENT_CATEGORY | cognitive-learning | Cognitive or learning",
                // NHS England's Reasonable Adjustment category 001 (docs/decision-log.md, issue 18).
                "ADJUSTMENT_CATEGORY | communication      | Communication support",
                "CARING              | carer              | Carer of this person",
                "CARING              | cared-for          | Cared for by this person",
                "CARING              | somebody           | somebody",
                "DOSE                | not-for-cpr        | not-for-cpr",
            })
    void codedValuesReadInWords(ItemDetail detail, String value, String words) {
        assertEquals(words, CarePlanning.words(detail, value));
    }

    /** Every coded value has words and a key a source can send, all different. */
    @ParameterizedTest
    @EnumSource(
            value = ItemDetail.class,
            names = {"PLAN_TYPE", "CPR_DECISION", "ADJUSTMENT_CATEGORY", "CARING"})
    void everyCodedValueHasDistinctKeyAndWords(ItemDetail detail) {
        Class<? extends Enum<?>> type =
                switch (detail) {
                    case PLAN_TYPE -> CarePlanning.PlanType.class;
                    case CPR_DECISION -> CarePlanning.CprDecision.class;
                    case ADJUSTMENT_CATEGORY -> CarePlanning.AdjustmentCategory.class;
                    default -> CarePlanning.Caring.class;
                };
        CarePlanning.Coded[] values = (CarePlanning.Coded[]) type.getEnumConstants();
        assertEquals(
                values.length,
                Arrays.stream(values).map(CarePlanning.Coded::key).distinct().count());
        assertEquals(
                values.length,
                Arrays.stream(values).map(CarePlanning.Coded::label).distinct().count());
        Stream.of(values).forEach(v -> {
            assertTrue(v.key().matches("[a-z]+(-[a-z]+)*"), v.key());
            assertEquals(v.label(), CarePlanning.words(detail, v.key()));
        });
    }
}
