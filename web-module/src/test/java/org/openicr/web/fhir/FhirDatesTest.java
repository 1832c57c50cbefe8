package org.openicr.web.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The date search parameters' rules (docs/fhir.md, "Search parameters") as a table: the values as
 * sent (several joined by a space: the parameter given that many times), the interval {@code [from,
 * before)} they keep (empty cell: open). Dates without a zone are the region's (Europe/London: GMT in
 * winter, BST, +01:00, in summer).
 */
class FhirDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                // prefixes on a day in winter (Europe/London = UTC)
                "2026-01-05;                2026-01-05T00:00:00Z; 2026-01-06T00:00:00Z",
                "eq2026-01-05;              2026-01-05T00:00:00Z; 2026-01-06T00:00:00Z",
                "ge2026-01-05;              2026-01-05T00:00:00Z; ",
                "gt2026-01-05;              2026-01-06T00:00:00Z; ",
                "le2026-01-05;              ;                     2026-01-06T00:00:00Z",
                "lt2026-01-05;              ;                     2026-01-05T00:00:00Z",
                // a day in summer starts at 23:00 UTC the day before
                "eq2026-07-05;              2026-07-04T23:00:00Z; 2026-07-05T23:00:00Z",
                // month and year precision
                "2026-02;                   2026-02-01T00:00:00Z; 2026-03-01T00:00:00Z",
                "gt2026-02;                 2026-03-01T00:00:00Z; ",
                "lt2026-02;                 ;                     2026-02-01T00:00:00Z",
                "2025;                      2025-01-01T00:00:00Z; 2026-01-01T00:00:00Z",
                "le2025;                    ;                     2026-01-01T00:00:00Z",
                // times: minute, second and fraction precision, with a zone or in the region's
                "2026-01-05T10:30Z;         2026-01-05T10:30:00Z; 2026-01-05T10:31:00Z",
                "ge2026-01-05T10:30:15Z;    2026-01-05T10:30:15Z; ",
                "gt2026-01-05T10:30:15Z;    2026-01-05T10:30:16Z; ",
                "eq2026-01-05T10:30:15.5Z;  2026-01-05T10:30:15.500Z; 2026-01-05T10:30:15.600Z",
                "lt2026-07-05T10:00:00+02:00; ;                   2026-07-05T08:00:00Z",
                "ge2026-07-05T10:00:00;     2026-07-05T09:00:00Z; ",
                // a range: the parameter twice keeps the intersection
                "ge2026-01-01 lt2026-02-01; 2026-01-01T00:00:00Z; 2026-02-01T00:00:00Z",
                "gt2025 le2026-03;          2026-01-01T00:00:00Z; 2026-03-31T23:00:00Z",
                "ge2026-01-01 ge2026-03-01; 2026-03-01T00:00:00Z; ",
                "2026 2026-05;              2026-04-30T23:00:00Z; 2026-05-31T23:00:00Z",
            })
    void aDateParameterKeepsAnInterval(String values, String from, String before) {
        FhirDates.Range range = FhirDates.range("date", Arrays.asList(values.split(" ")));
        assertEquals(from == null ? null : Instant.parse(from), range.from(), "from");
        assertEquals(before == null ? null : Instant.parse(before), range.before(), "before");
        assertFalse(range.empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "ge2026-02-01 lt2026-02-01",
                "gt2026-01-05 lt2026-01-06",
                "2025 2026",
                "lt2026-01-01 gt2026-12-31",
            })
    void contradictoryValuesKeepNothing(String values) {
        assertTrue(FhirDates.range("date", Arrays.asList(values.split(" "))).empty());
    }

    @Test
    void noValueIsNoFilter() {
        assertEquals(FhirDates.Range.ALL, FhirDates.range("date", List.of()));
        assertEquals(FhirDates.Range.ALL, FhirDates.range("date", null));
        assertFalse(FhirDates.Range.ALL.empty());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "ne2026-01-05;       prefix ne is not supported",
                "sa2026-01-05;       prefix sa is not supported",
                "ap2026;             prefix ap is not supported",
                "2026-01-05,2026-02; give one date per value",
                "yesterday;          a date is yyyy",
                "26-01-05;           a date is yyyy",
                "2026-13;            2026-13 is not a date",
                "2026-02-30;         2026-02-30 is not a date",
                "2026-01-05T25:00Z;  is not a date",
                "2026-01-05T10;      a time is hh:mm",
                "2026-01-05T10:00+1; a time is hh:mm",
                "'';                 a date is yyyy",
            })
    void aValueTheRulesDoNotKnowIsRefusedInWords(String value, String why) {
        FhirDates.Invalid refused = assertThrows(FhirDates.Invalid.class, () -> FhirDates.one("date", value));
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("date: "), refused.getMessage());
    }
}
