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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** The default since V21: a weekday 08:00-18:30 in London. */
    private static final AlertSettings CORE_HOURS = new AlertSettings(
            30,
            LocalTime.of(8, 0),
            LocalTime.of(18, 30),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            ZoneId.of("Europe/London"));

    /** A practice with a Sunday clinic 09:00-13:00 besides its weekdays. */
    private static final AlertSettings WITH_SUNDAY_CLINIC = new AlertSettings(
            30,
            LocalTime.of(8, 0),
            LocalTime.of(18, 30),
            AlertSettings.parseDays("MON,TUE,WED,THU,FRI,SUN"),
            ZoneId.of("Europe/London"));

    @ParameterizedTest(name = "{0}: core hours out={1}, with a Sunday clinic out={2}")
    @CsvSource({
        // UTC instant,        core hours, Sunday clinic   (summer: London is UTC+1)
        "2026-07-15T06:59:00Z, true,  true", // Wednesday 07:59
        "2026-07-15T07:00:00Z, false, false", // Wednesday 08:00
        "2026-07-15T17:29:00Z, false, false", // Wednesday 18:29
        "2026-07-15T17:30:00Z, true,  true", // Wednesday 18:30, the end is excluded
        "2026-07-19T09:00:00Z, true,  false", // Sunday 10:00: the clinic's day
        "2026-07-19T17:45:00Z, true,  true", // Sunday 18:45: after hours even on a clinic day
        "2026-07-18T10:00:00Z, true,  true", // Saturday 11:00
        "2026-01-18T08:00:00Z, true,  false", // Sunday 08:00 GMT in winter
        "2026-01-14T18:29:00Z, false, false", // Wednesday 18:29 GMT
    })
    void workingDaysAndHoursDecideOutOfHours(String at, boolean coreHoursOut, boolean sundayClinicOut) {
        Instant instant = Instant.parse(at);
        assertEquals(coreHoursOut, CORE_HOURS.outsideWorkingHours(instant), "core hours");
        assertEquals(sundayClinicOut, WITH_SUNDAY_CLINIC.outsideWorkingHours(instant), "with a Sunday clinic");
    }

    @Test
    void theSundayClinicIsStoredInWeekOrder() {
        assertEquals("MON,TUE,WED,THU,FRI,SUN", WITH_SUNDAY_CLINIC.workingDaysCode());
        assertEquals(
                "30 records/hour; working hours 08:00-18:30 MON,TUE,WED,THU,FRI,SUN Europe/London",
                WITH_SUNDAY_CLINIC.toString());
    }
}
