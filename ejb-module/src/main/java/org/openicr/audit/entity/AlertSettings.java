package org.openicr.audit.entity;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * When the privacy officer wants to hear about a pattern of access: more distinct records opened by
 * one user in an hour than {@code recordsPerHour}, or any record opened outside the working hours
 * (from {@code start} to {@code end} on {@code workingDays}, in {@code zone}). Stored as data
 * (table audit_alert_setting) and edited on the privacy officer's page.
 */
public record AlertSettings(int recordsPerHour, LocalTime start, LocalTime end, Set<DayOfWeek> workingDays, ZoneId zone)
        implements Serializable {

    public AlertSettings {
        if (recordsPerHour < 1 || recordsPerHour > 10_000) {
            throw new IcrException(
                    ErrorCode.INVALID_INPUT, "The number of records in an hour must be between 1 and 10,000.");
        }
        if (start == null || end == null || !start.isBefore(end)) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Working hours must start before they end.");
        }
        if (workingDays == null || workingDays.isEmpty()) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Choose at least one working day.");
        }
        if (zone == null) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Choose a time zone.");
        }
        workingDays = Set.copyOf(workingDays);
    }

    /** Whether an access at {@code at} falls outside the working hours (end exclusive). */
    public boolean outsideWorkingHours(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return !workingDays.contains(local.getDayOfWeek()) || time.isBefore(start) || !time.isBefore(end);
    }

    /** The working days as stored: MON,TUE,... in week order. */
    public String workingDaysCode() {
        return EnumSet.copyOf(workingDays).stream()
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.UK).toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    public static Set<DayOfWeek> parseDays(String code) {
        return Arrays.stream(code.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(AlertSettings::day)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    private static DayOfWeek day(String shortName) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getDisplayName(TextStyle.SHORT, Locale.UK).equalsIgnoreCase(shortName)) {
                return d;
            }
        }
        throw new IcrException(ErrorCode.INVALID_INPUT, "Unknown day: " + shortName);
    }

    /** How the audit records it as a before or after value. */
    @Override
    public String toString() {
        return recordsPerHour + " records/hour; working hours " + start + "-" + end + " " + workingDaysCode() + " "
                + zone.getId();
    }
}
