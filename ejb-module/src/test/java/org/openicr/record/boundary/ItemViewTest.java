package org.openicr.record.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ItemDetail;

class ItemViewTest {

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "respect     | ward-based care, not for ICU          | ReSPECT form: ward-based care, not for ICU",
                "respect     | ReSPECT form: ward-based care         | ReSPECT form: ward-based care",
                "dnacpr      | DNACPR decision (after discussion)    | DNACPR decision (after discussion)",
                "dnacpr      | null                                  | DNACPR decision",
                "null        | Do not resuscitate                    | Do not resuscitate",
                "respct      | form                                  | respct: form",
            })
    void aPlansHeadingSaysItsTypeOnce(String planType, String title, String heading) {
        Map<ItemDetail, String> details = planType == null ? Map.of() : Map.of(ItemDetail.PLAN_TYPE, planType);
        ItemView plan = new ItemView(
                1, Category.CARE_PLANS, null, null, "active", title, null, null, details, "Riverside", false);
        assertEquals(heading, plan.planHeading());
    }
}
