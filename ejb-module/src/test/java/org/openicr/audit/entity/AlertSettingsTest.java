package org.openicr.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.openicr.vocabulary.IcrException;

class AlertSettingsTest {

    private static final AlertSettings WEEKDAYS = new AlertSettings(
            30,
            LocalTime.of(7, 0),
            LocalTime.of(19, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            ZoneId.of("Europe/London"));

    @Test
    void workingHoursAreUkLocalTimeWithTheEndExcluded() {
        // Wednesday 15 July 2026 is British Summer Time (UTC+1).
        assertTrue(WEEKDAYS.outsideWorkingHours(Instant.parse("2026-07-15T05:59:00Z")), "06:59 BST");
        assertFalse(WEEKDAYS.outsideWorkingHours(Instant.parse("2026-07-15T06:00:00Z")), "07:00 BST");
        assertFalse(WEEKDAYS.outsideWorkingHours(Instant.parse("2026-07-15T17:59:00Z")), "18:59 BST");
        assertTrue(WEEKDAYS.outsideWorkingHours(Instant.parse("2026-07-15T18:00:00Z")), "19:00 BST");
        // Wednesday 14 January 2026 is GMT.
        assertFalse(WEEKDAYS.outsideWorkingHours(Instant.parse("2026-01-14T07:00:00Z")), "07:00 GMT");
        assertTrue(WEEKDAYS.outsideWorkingHours(Instant.parse("2026-01-14T06:30:00Z")), "06:30 GMT");
    }

    @Test
    void weekendsAreOutsideWorkingHoursWhateverTheTime() {
        assertTrue(WEEKDAYS.outsideWorkingHours(Instant.parse("2026-07-18T11:00:00Z")), "Saturday noon");
        assertTrue(WEEKDAYS.outsideWorkingHours(Instant.parse("2026-07-19T11:00:00Z")), "Sunday noon");
        // Friday 23:30 UTC is already Saturday 00:30 in London in summer.
        assertTrue(WEEKDAYS.outsideWorkingHours(Instant.parse("2026-07-17T23:30:00Z")));
    }

    @Test
    void workingDaysAreStoredInWeekOrderAndReadBack() {
        assertEquals("MON,TUE,WED,THU,FRI", WEEKDAYS.workingDaysCode());
        assertEquals(WEEKDAYS.workingDays(), AlertSettings.parseDays("fri, mon,TUE,wed,Thu"));
        assertEquals(EnumSet.of(DayOfWeek.SATURDAY), AlertSettings.parseDays("SAT"));
    }

    @Test
    void badSettingsAreRefusedWithASentence() {
        ZoneId uk = ZoneId.of("Europe/London");
        var days = EnumSet.of(DayOfWeek.MONDAY);
        assertEquals(
                "The number of records in an hour must be between 1 and 10,000.",
                assertThrows(
                                IcrException.class,
                                () -> new AlertSettings(0, LocalTime.of(7, 0), LocalTime.of(19, 0), days, uk))
                        .reason());
        assertEquals(
                "Working hours must start before they end.",
                assertThrows(
                                IcrException.class,
                                () -> new AlertSettings(5, LocalTime.of(19, 0), LocalTime.of(7, 0), days, uk))
                        .reason());
        assertThrows(
                IcrException.class,
                () -> new AlertSettings(
                        5, LocalTime.of(7, 0), LocalTime.of(19, 0), EnumSet.noneOf(DayOfWeek.class), uk));
        assertThrows(IcrException.class, () -> AlertSettings.parseDays("MON,XYZ"));
    }

    @Test
    void itDescribesItselfForTheAuditBeforeAndAfter() {
        assertEquals(
                "30 records/hour; working hours 07:00-19:00 MON,TUE,WED,THU,FRI Europe/London", WEEKDAYS.toString());
    }
}
