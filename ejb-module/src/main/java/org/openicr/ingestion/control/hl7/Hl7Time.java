package org.openicr.ingestion.control.hl7;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HL7 v2 date/times (DTM, and the first component of the older TS):
 * {@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}. An explicit offset is honoured; without
 * one the time is UK local time, because the sources are UK systems that send wall-clock time. A
 * date without a time means the start of that day in the UK.
 */
final class Hl7Time {

    static final ZoneId UK = ZoneId.of("Europe/London");

    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,4}))?)?)?)?)?)?([+-]\\d{4})?");

    private Hl7Time() {}

    /** The instant the text stands for, or empty when it is blank or not a valid HL7 date/time. */
    static Optional<Instant> instant(String text) {
        Matcher m = match(text);
        if (m == null) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)),
                    number(m.group(2), 1),
                    number(m.group(3), 1),
                    number(m.group(4), 0),
                    number(m.group(5), 0),
                    number(m.group(6), 0),
                    nanos(m.group(7)));
            String offset = m.group(8);
            if (offset == null) {
                return Optional.of(local.atZone(UK).toInstant());
            }
            int sign = offset.charAt(0) == '-' ? -1 : 1;
            int hours = Integer.parseInt(offset.substring(1, 3));
            int minutes = Integer.parseInt(offset.substring(3, 5));
            ZoneOffset zone = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            return Optional.of(local.atOffset(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The calendar date as written (a date of birth is a date, not an instant: no time zone is
     * applied, even when the sender added a time and an offset).
     */
    static Optional<LocalDate> date(String text) {
        Matcher m = match(text);
        if (m == null || m.group(3) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Matcher match(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = DTM.matcher(text.strip());
        return m.matches() ? m : null;
    }

    private static int number(String digits, int whenAbsent) {
        return digits == null ? whenAbsent : Integer.parseInt(digits);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "000000000").substring(0, 9));
    }
}
