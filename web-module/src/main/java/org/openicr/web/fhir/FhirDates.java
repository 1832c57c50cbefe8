package org.openicr.web.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FHIR date search parameter ({@code date}, {@code _lastUpdated}) as one half-open interval of
 * instants {@code [from, before)} (docs/fhir.md, "Search parameters"). Pure: the values as the request
 * gave them in, the interval out, so that the rules are a table (FhirDatesTest).
 *
 * <p>Each value is an optional prefix and a date of year, month, day, minute, second or fraction
 * precision; the date stands for the interval its precision covers ({@code 2026-01} is the whole of
 * January). A date without a time zone is read in {@link #ZONE} (the server's, as FHIR says). Then,
 * for the item's instant {@code t}: {@code eq} (the default) {@code from <= t < to}, {@code ge}
 * {@code t >= from}, {@code gt} {@code t >= to} (after the whole interval), {@code le} {@code t < to},
 * {@code lt} {@code t < from}. A parameter given more than once (a range) keeps what all its values
 * keep: the intersection, possibly empty. {@code ne}, {@code sa}, {@code eb}, {@code ap} and values
 * joined by a comma (an "or") are refused.
 */
final class FhirDates {

    /** The time zone of a date or time given without one: the region's. */
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    private static final Pattern VALUE = Pattern.compile("([a-z]{2})?(\\d{4}(?:-\\d{2}(?:-\\d{2}(?:T.*)?)?)?)");

    private static final Pattern TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}:\\d{2})?");

    private FhirDates() {}

    /** The interval; {@code from} or {@code before} null: open on that side. */
    record Range(Instant from, Instant before) {

        static final Range ALL = new Range(null, null);

        /** No instant is in it. */
        boolean empty() {
            return from != null && before != null && !from.isBefore(before);
        }

        Range and(Range other) {
            Instant f = from == null ? other.from : other.from == null || from.isAfter(other.from) ? from : other.from;
            Instant b = before == null
                    ? other.before
                    : other.before == null || before.isBefore(other.before) ? before : other.before;
            return new Range(f, b);
        }
    }

    /** A refused value, with the plain-English reason (answered 400 INVALID_INPUT). */
    static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Invalid(String why) {
            super(why);
        }
    }

    /** The values of one parameter (null or empty: no filter) as one interval. */
    static Range range(String name, List<String> values) {
        Range range = Range.ALL;
        if (values == null) {
            return range;
        }
        for (String value : values) {
            range = range.and(one(name, value));
        }
        return range;
    }

    static Range one(String name, String value) {
        String v = value == null ? "" : value.strip();
        if (v.contains(",")) {
            throw new Invalid(name + ": give one date per value; for a range give the parameter twice (ge..., lt...).");
        }
        Matcher m = VALUE.matcher(v);
        if (!m.matches()) {
            throw new Invalid(name + ": a date is yyyy, yyyy-mm, yyyy-mm-dd or a date and time, with a prefix"
                    + " eq, ge, gt, le or lt.");
        }
        String prefix = m.group(1) == null ? "eq" : m.group(1).toLowerCase(Locale.ROOT);
        Instant[] interval = interval(name, m.group(2));
        return switch (prefix) {
            case "eq" -> new Range(interval[0], interval[1]);
            case "ge" -> new Range(interval[0], null);
            case "gt" -> new Range(interval[1], null);
            case "le" -> new Range(null, interval[1]);
            case "lt" -> new Range(null, interval[0]);
            default -> throw new Invalid(
                    name + ": the prefix " + prefix + " is not supported; use eq, ge, gt, le or lt.");
        };
    }

    /** The interval {@code [start, end)} the date covers at its precision. */
    private static Instant[] interval(String name, String date) {
        try {
            switch (date.length()) {
                case 4 -> {
                    LocalDate start = LocalDate.of(Integer.parseInt(date), 1, 1);
                    return days(start, start.plusYears(1));
                }
                case 7 -> {
                    YearMonth month = YearMonth.parse(date);
                    return days(month.atDay(1), month.plusMonths(1).atDay(1));
                }
                case 10 -> {
                    LocalDate day = LocalDate.parse(date);
                    return days(day, day.plusDays(1));
                }
                default -> {
                    return time(name, date);
                }
            }
        } catch (DateTimeParseException | NumberFormatException notADate) {
            throw new Invalid(name + ": " + date + " is not a date.");
        }
    }

    private static Instant[] days(LocalDate start, LocalDate end) {
        return new Instant[] {
            start.atStartOfDay(ZONE).toInstant(), end.atStartOfDay(ZONE).toInstant()
        };
    }

    private static Instant[] time(String name, String date) {
        Matcher m = TIME.matcher(date);
        if (!m.matches()) {
            throw new Invalid(
                    name + ": a time is hh:mm, hh:mm:ss or hh:mm:ss.fff, with Z or an offset such as +01:00.");
        }
        String seconds = m.group(2) == null ? "00" : m.group(2);
        String fraction = m.group(3);
        LocalDateTime local =
                LocalDateTime.parse(m.group(1) + ":" + seconds + (fraction == null ? "" : "." + fraction));
        Instant start = m.group(4) == null
                ? local.atZone(ZONE).toInstant()
                : OffsetDateTime.of(local, java.time.ZoneOffset.of(m.group(4))).toInstant();
        long step = m.group(2) == null
                ? 60_000_000_000L
                : fraction == null ? 1_000_000_000L : (long) Math.pow(10, 9 - fraction.length());
        return new Instant[] {start, start.plusNanos(step)};
    }
}
