package org.openicr.web.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.web.record.Items.item;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;

class ItemTextTest {

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} = {1} reads \"{2}\"")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "CPR_DECISION        | not-for-cpr   | Do not attempt CPR",
                "PLAN_TYPE           | respect       | ReSPECT form",
                "ADJUSTMENT_CATEGORY | communication | Communication support",
                "CARING              | cared-for     | Cared for by this person",
                "REVIEW_DATE         | 2027-03-04    | 04-Mar-2027",
                "REVIEW_DATE         | next spring   | next spring",
                "FRAILTY_SCORE       | 6             | 6 (living with moderate frailty)",
                "FRAILTY_SCORE       | 9             | 9 (terminally ill)",
                "FRAILTY_SCORE       | 12            | 12",
                "RELATIONSHIP        | Daughter      | Daughter",
            })
    void carePlanningDetailsReadInWords(ItemDetail detail, String value, String words) {
        assertEquals(words, ItemText.value(detail, value));
    }

    @Test
    void aCarePlansDetailsAreListedWithLabelsAndWords() {
        assertEquals(
                List.of(
                        new ItemText.Detail("Plan", "ReSPECT form"),
                        new ItemText.Detail("CPR decision", "Do not attempt CPR"),
                        new ItemText.Detail("Original form held", "With the patient at home")),
                ItemText.details(
                        item(
                                "CARE_PLANS",
                                "2026-03-12T10:00",
                                "active",
                                "ReSPECT form",
                                "planType",
                                "respect",
                                "cprDecision",
                                "not-for-cpr",
                                "formLocation",
                                "With the patient at home"),
                        false));
    }

    @Test
    void aMedicationChangeIsWordedFromItsDetailWithTheReason() {
        assertEquals(
                "Dose changed: HbA1c above target",
                ItemText.medicationChange(item(
                        "MEDICATIONS",
                        "2025-01-01T09:00",
                        "active",
                        "Metformin",
                        "change",
                        "dose-changed",
                        "changeReason",
                        "HbA1c above target")));
        assertEquals(
                "Started",
                ItemText.medicationChange(item("MEDICATIONS", null, "active", "Amlodipine", "change", "STARTED")));
        assertEquals(
                "Switched brand",
                ItemText.medicationChange(item("MEDICATIONS", null, "active", "X", "change", "Switched brand")));
    }

    @Test
    void withoutAChangeDetailItIsDerivedFromTheStatusOrEnd() {
        assertEquals(
                "Stopped: Persistent cough",
                ItemText.medicationChange(
                        item("MEDICATIONS", null, "stopped", "Ramipril", "changeReason", "Persistent cough")));
        assertEquals("Started", ItemText.medicationChange(item("MEDICATIONS", null, "active", "Ramipril")));
        ItemView ended = new ItemView(
                3,
                org.openicr.vocabulary.Category.MEDICATIONS,
                null,
                java.time.Instant.parse("2025-01-01T00:00:00Z"),
                "completed",
                "Amoxicillin",
                null,
                null,
                java.util.Map.of(),
                "GP",
                false);
        assertEquals("Stopped", ItemText.medicationChange(ended));
    }

    @Test
    void aDosageReadsAsOneLineLeavingOutWhatIsMissing() {
        assertEquals(
                "One tablet once a day, Morning, Oral",
                ItemText.dosage(item(
                        "MEDICATIONS",
                        null,
                        "active",
                        "Amlodipine",
                        "dose",
                        "One tablet once a day",
                        "frequency",
                        "Morning",
                        "route",
                        "Oral")));
        assertEquals(
                "One capsule daily",
                ItemText.dosage(item("MEDICATIONS", null, "active", "Ramipril", "dose", "One capsule daily")));
    }

    @Test
    void aResultReadsWithItsUnitFlagAndRange() {
        ItemView hba1c = item(
                "RESULTS",
                null,
                "final",
                "HbA1c",
                "value",
                "58",
                "unit",
                "mmol/mol",
                "referenceLow",
                "20",
                "referenceHigh",
                "41",
                "interpretation",
                "H");
        assertEquals("58 mmol/mol (H)", ItemText.resultValue(hba1c));
        assertEquals("20 - 41", ItemText.referenceRange(hba1c));
        assertTrue(ItemText.abnormal(hba1c));
        assertTrue(ItemText.numeric(hba1c));
        ItemView normal = item(
                "RESULTS",
                null,
                "final",
                "K",
                "value",
                "4.1",
                "unit",
                "mmol/L",
                "interpretation",
                "N",
                "referenceText",
                "3.5 to 5.3");
        assertEquals("4.1 mmol/L", ItemText.resultValue(normal));
        assertEquals("3.5 to 5.3", ItemText.referenceRange(normal));
        assertFalse(ItemText.abnormal(normal));
        assertFalse(ItemText.numeric(item("RESULTS", null, "final", "Chest X-ray report")));
    }

    @Test
    void detailsAreLabelledInTheSourcesOrder() {
        ItemView care = item(
                "SOCIAL_CARE",
                null,
                "open",
                "Care Act needs assessment",
                "allocatedWorker",
                "Sam Patel",
                "contactPhone",
                "01454 000300",
                "team",
                "Adult Social Care North");
        assertEquals(
                List.of(
                        new ItemText.Detail("Allocated worker", "Sam Patel"),
                        new ItemText.Detail("Telephone", "01454 000300"),
                        new ItemText.Detail("Team", "Adult Social Care North")),
                ItemText.details(care, false));
        ItemView med = item("MEDICATIONS", null, "active", "Amlodipine", "dose", "5mg", "prescriber", "Dr A Hart");
        assertEquals(List.of(new ItemText.Detail("Prescriber", "Dr A Hart")), ItemText.details(med, true));
    }

    @Test
    void everyDetailTheContractNamesHasItsOwnLabel() {
        for (ItemDetail detail : ItemDetail.values()) {
            assertNotEquals(detail.key(), ItemText.label(detail), detail + " has no label");
        }
        assertEquals("Reason for change", ItemText.label(ItemDetail.CHANGE_REASON));
        assertEquals("Telephone", ItemText.label(ItemDetail.CONTACT_PHONE));
    }

    @Test
    void aChangeIsKnownWhateverWayItsNameIsWritten() {
        for (String name : List.of("dose-changed", "Dose changed", "DOSE_CHANGED", " dose_changed ")) {
            assertEquals(
                    ItemText.Change.DOSE_CHANGED, ItemText.Change.named(name).orElseThrow(), name);
        }
        assertTrue(ItemText.Change.named("Switched brand").isEmpty());
    }

    @Test
    void theTrendLinkTakesTheCodeSystemAndCodeFromTheTypedConcept() {
        ItemView hba1c = item("RESULTS", "2025-06-10T09:00", "final", "HbA1c", "value", "48");
        assertEquals("LOINC", RecordBacking.codeSystemOf(hba1c));
        assertEquals("4548-4", RecordBacking.codeOf(hba1c));
        ItemView uncoded = Items.withheld("RESULTS", "2025-06-10T09:00");
        assertEquals("", RecordBacking.codeSystemOf(uncoded));
        assertEquals("", RecordBacking.codeOf(uncoded));
    }
}
