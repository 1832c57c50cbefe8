package org.openicr.record.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ItemDetail;

/** A stored row becomes typed: details keyed by ItemDetail in the stored order, the code a CodedConcept. */
class ItemQueryRowsTest {

    @Test
    void detailsKeepTheStoredOrderAndTheirTypedNames() {
        // jsonb's own order (shorter keys first), as details::text gives it: the page lists them so.
        Map<ItemDetail, String> details =
                ItemQuery.details("{\"team\": \"North\", \"contactPhone\": \"01454\", \"allocatedWorker\": \"Sam\"}");
        assertEquals(
                List.of(ItemDetail.TEAM, ItemDetail.CONTACT_PHONE, ItemDetail.ALLOCATED_WORKER),
                List.copyOf(details.keySet()));
        assertEquals("Sam", details.get(ItemDetail.ALLOCATED_WORKER));
        assertThrows(UnsupportedOperationException.class, () -> details.put(ItemDetail.DOSE, "x"));
    }

    @Test
    void aNameTheContractDoesNotHaveAndNonTextValuesAreLeftOut() {
        assertEquals(
                Map.of(ItemDetail.VALUE, "48"),
                ItemQuery.details("{\"value\": \"48\", \"colour\": \"red\", \"unit\": 5, \"referenceLow\": null}"));
        assertEquals(Map.of(), ItemQuery.details(null));
    }

    @Test
    void theStoredCodeIsAConcept() {
        assertEquals(
                new CodedConcept(CodeSystem.LOINC, "4548-4", "HbA1c"), ItemQuery.concept("LOINC", "4548-4", "HbA1c"));
        assertEquals(
                new CodedConcept(CodeSystem.SNOMED_CT, "38341003", null),
                ItemQuery.concept("SNOMED_CT", "38341003", null));
        assertNull(ItemQuery.concept(null, null, "A text-only item"));
    }

    @Test
    void aStoredCodeThatIsNoConceptShowsNoCodeRatherThanFailingThePage() {
        assertNull(ItemQuery.concept("NO_SUCH_SYSTEM", "1", "x"));
        assertNull(ItemQuery.concept("LOCAL", "GUM1", null), "a local code without its display");
        assertNull(ItemQuery.concept("SNOMED_CT", "12", "too short"));
    }
}
