package org.openicr.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as NHS staff read them (14-Mar-1941, times in UK local time), the same on every page.
 * Used from Facelets as {@code #{ukDates.date(...)}} and {@code #{ukDates.dateTime(...)}}.
 */
@Named
@ApplicationScoped
public class UkDates {

    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm", Locale.UK);

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
