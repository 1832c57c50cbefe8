package org.openicr.vocabulary;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/**
 * The date formats NHS staff read (14-Mar-1941), in one place for the pages, the CSV export and the
 * access report PDF. Months are the three-letter abbreviations: Java's en-GB locale data (CLDR)
 * writes September "Sept", which no NHS system does, so the month names are given here, not taken
 * from the locale.
 */
public final class UkDateFormat {

    /** Jan to Dec, by month number. */
    public static final Map<Long, String> SHORT_MONTHS = Map.ofEntries(
            Map.entry(1L, "Jan"),
            Map.entry(2L, "Feb"),
            Map.entry(3L, "Mar"),
            Map.entry(4L, "Apr"),
            Map.entry(5L, "May"),
            Map.entry(6L, "Jun"),
            Map.entry(7L, "Jul"),
            Map.entry(8L, "Aug"),
            Map.entry(9L, "Sep"),
            Map.entry(10L, "Oct"),
            Map.entry(11L, "Nov"),
            Map.entry(12L, "Dec"));

    /** 14-Mar-1941. */
    public static final DateTimeFormatter DATE = date(false, false);

    /** 14-Mar-1941 09:05. */
    public static final DateTimeFormatter DATE_TIME = date(true, false);

    /** 14-Mar-1941 09:05:30. */
    public static final DateTimeFormatter DATE_TIME_SECONDS = date(true, true);

    private UkDateFormat() {}

    private static DateTimeFormatter date(boolean time, boolean seconds) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder()
                .appendValue(ChronoField.DAY_OF_MONTH, 2)
                .appendLiteral('-')
                .appendText(ChronoField.MONTH_OF_YEAR, SHORT_MONTHS)
                .appendLiteral('-')
                .appendValue(ChronoField.YEAR_OF_ERA, 4);
        if (time) {
            builder.appendLiteral(' ')
                    .appendValue(ChronoField.HOUR_OF_DAY, 2)
                    .appendLiteral(':')
                    .appendValue(ChronoField.MINUTE_OF_HOUR, 2);
            if (seconds) {
                builder.appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2);
            }
        }
        return builder.toFormatter(Locale.UK);
    }
}
