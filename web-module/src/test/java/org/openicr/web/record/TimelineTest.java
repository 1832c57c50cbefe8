package org.openicr.web.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openicr.web.record.Items.item;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openicr.web.record.Timeline.Kind;

class TimelineTest {

    @Test
    void entriesAreGroupedByUkMonthKeepingTheirOrder() {
        List<Timeline.Month> months = Timeline.group(List.of(
                item("APPOINTMENTS", "2026-03-02T10:00", "booked", "Annual diabetes review"),
                item("ENCOUNTERS", "2026-02-28T23:30", "finished", "Emergency department attendance"),
                item("ENCOUNTERS", "2026-02-01T00:30", "finished", "Inpatient admission, Ward 9"),
                item("ENCOUNTERS", null, null, "Clinic attendance")));
        assertEquals(
                List.of("March 2026", "February 2026", "Date not recorded"),
                months.stream().map(Timeline.Month::label).toList());
        assertEquals(2, months.get(1).entries().size());
        assertEquals(
                "Emergency department attendance",
                months.get(1).entries().get(0).item().title());
    }

    @Test
    void aLateEveningInBritishSummerTimeBelongsToItsUkMonth() {
        // 31 July 23:30 in London is 22:30 UTC: still July.
        List<Timeline.Month> months =
                Timeline.group(List.of(item("ENCOUNTERS", "2025-07-31T23:30", null, "Attendance")));
        assertEquals("July 2025", months.get(0).label());
    }

    @Test
    void theKindComesFromTheCategoryTheClassThenTheTitle() {
        assertEquals(Kind.APPOINTMENT, Timeline.kind(item("APPOINTMENTS", null, null, "Clinic")));
        assertEquals(
                Kind.ADMISSION, Timeline.kind(item("ENCOUNTERS", null, null, "Ward 9", "encounterClass", "inpatient")));
        assertEquals(Kind.ADMISSION, Timeline.kind(item("ENCOUNTERS", null, null, "Inpatient admission, Ward 9")));
        assertEquals(Kind.DISCHARGE, Timeline.kind(item("ENCOUNTERS", null, null, "Discharged home from Ward 9")));
        assertEquals(
                Kind.ATTENDANCE,
                Timeline.kind(item("ENCOUNTERS", null, null, "ED visit", "encounterClass", "emergency")));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "REFERRALS, REFERRAL, Referrals",
        "RESULTS, RESULT, Results",
        "DOCUMENTS, DOCUMENT, Documents",
        "PROCEDURES, PROCEDURE, Procedures",
        "SOCIAL_CARE, SOCIAL_CARE, Social care",
        "APPOINTMENTS, APPOINTMENT, Appointments",
        "ENCOUNTERS, ATTENDANCE, Encounters",
        "PROBLEMS, OTHER, Problems and diagnoses",
    })
    void everyEventCategoryHasItsKindAndItsCategoryInWords(String category, Kind kind, String words) {
        Timeline.Entry entry = Timeline.group(List.of(item(category, "2026-03-02T10:00", null, "Event")))
                .get(0)
                .entries()
                .get(0);
        assertEquals(kind, entry.kind());
        assertEquals(words, entry.categoryLabel());
    }
}
