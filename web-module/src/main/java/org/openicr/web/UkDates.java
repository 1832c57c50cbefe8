package org.openicr.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.openicr.vocabulary.UkDateFormat;

/**
 * Dates as NHS staff read them (14-Mar-1941, 14-Sep-2025: never CLDR's "Sept"; times in UK local time), the
 * same on every page ({@link UkDateFormat}).
 * Used from Facelets as {@code #{ukDates.date(...)}} and {@code #{ukDates.dateTime(...)}}.
 */
@Named
@ApplicationScoped
public class UkDates {

    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = UkDateFormat.DATE;
    private static final DateTimeFormatter DATE_TIME = UkDateFormat.DATE_TIME;

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(UK));
    }

    /** The day of an instant, in the UK: for items whose time of day does not matter to the reader. */
    public String day(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(UK));
    }
}
