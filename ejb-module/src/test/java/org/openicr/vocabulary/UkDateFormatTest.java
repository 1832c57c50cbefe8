package org.openicr.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UkDateFormatTest {

    @ParameterizedTest
    @CsvSource({
        "1, 14-Jan-2025",
        "2, 14-Feb-2025",
        "3, 14-Mar-2025",
        "4, 14-Apr-2025",
        "5, 14-May-2025",
        "6, 14-Jun-2025",
        "7, 14-Jul-2025",
        "8, 14-Aug-2025",
        "9, 14-Sep-2025",
        "10, 14-Oct-2025",
        "11, 14-Nov-2025",
        "12, 14-Dec-2025"
    })
    void everyMonthIsItsThreeLetterAbbreviation(int month, String expected) {
        assertEquals(expected, UkDateFormat.DATE.format(LocalDate.of(2025, month, 14)));
    }

    @ParameterizedTest
    @CsvSource({
        "2025-09-01T09:05:07, 01-Sep-2025 09:05, 01-Sep-2025 09:05:07",
        "1941-03-14T23:59:59, 14-Mar-1941 23:59, 14-Mar-1941 23:59:59",
        "2024-02-29T00:00:00, 29-Feb-2024 00:00, 29-Feb-2024 00:00:00"
    })
    void timesAreTwentyFourHourWithTheSameMonths(LocalDateTime when, String minutes, String seconds) {
        assertEquals(minutes, UkDateFormat.DATE_TIME.format(when));
        assertEquals(seconds, UkDateFormat.DATE_TIME_SECONDS.format(when));
    }
}
