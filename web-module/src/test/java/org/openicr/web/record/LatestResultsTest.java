package org.openicr.web.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.web.record.Items.result;
import static org.openicr.web.record.Items.withheld;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.web.record.LatestResults.Direction;
import org.openicr.web.record.LatestResults.Latest;

class LatestResultsTest {

    @ParameterizedTest(name = "{0} after {1}: {2}")
    @CsvSource(
            nullValues = "none",
            value = {
                "56, 58, DOWN",
                "58, 56, UP",
                "57, 57.0, SAME",
                "4.1, 3.9, UP",
                "positive, 3, none",
                "5, <5, none",
                "none, 5, none",
            })
    void theDirectionComparesTheLatestNumberWithTheOneBefore(String latest, String previous, Direction expected) {
        assertEquals(
                expected,
                LatestResults.direction(
                        result("4548-4", "HbA1c", "2026-03-01T09:00", latest, null),
                        result("4548-4", "HbA1c", "2025-10-01T09:00", previous, null)));
    }

    @Test
    void aSingleResultHasNoDirection() {
        assertNull(LatestResults.direction(result("4548-4", "HbA1c", "2026-03-01T09:00", "56", "H"), null));
    }

    @Test
    void eachTestAppearsOnceWithItsLatestValueNewestTestFirst() {
        // The demo's shape: eGFR and HbA1c three times each among the newest rows, potassium once.
        List<Latest> latest = LatestResults.of(
                List.of(
                        result("4548-4", "Haemoglobin A1c", "2026-05-01T09:00", "56", "H"),
                        result("33914-3", "eGFR", "2026-04-01T09:00", "57", "L"),
                        result("2823-3", "Potassium", "2026-03-01T09:00", "4.1", "N"),
                        result("4548-4", "Haemoglobin A1c", "2025-12-01T09:00", "58", "H"),
                        result("33914-3", "eGFR", "2025-11-01T09:00", "59", "L"),
                        result("4548-4", "Haemoglobin A1c", "2025-07-01T09:00", "61", "H"),
                        result("33914-3", "eGFR", "2025-06-01T09:00", "62", "N")),
                8);
        assertEquals(
                List.of("Haemoglobin A1c", "eGFR", "Potassium"),
                latest.stream().map(l -> l.latest().title()).toList());
        assertEquals("56", latest.get(0).latest().detail(org.openicr.vocabulary.ItemDetail.VALUE));
        assertEquals("58", latest.get(0).previous().detail(org.openicr.vocabulary.ItemDetail.VALUE));
        assertEquals(Direction.DOWN, latest.get(0).direction());
        assertEquals(3, latest.get(0).numericValues());
        assertEquals(Direction.DOWN, latest.get(1).direction());
        assertNull(latest.get(2).previous(), "one potassium: nothing to compare with");
        assertNull(latest.get(2).direction());
        assertEquals(1, latest.get(2).numericValues());
    }

    @Test
    void theCardIsCutAtItsNumberOfTests() {
        List<Latest> latest = LatestResults.of(
                List.of(
                        result("1-1", "A", "2026-05-01T09:00", "1", null),
                        result("2-2", "B", "2026-04-01T09:00", "2", null),
                        result("1-1", "A", "2026-03-01T09:00", "3", null),
                        result("3-3", "C", "2026-02-01T09:00", "4", null)),
                2);
        assertEquals(
                List.of("A", "B"), latest.stream().map(l -> l.latest().title()).toList());
    }

    @Test
    void anUncodedResultIsGroupedByItsNameAndAWithheldOneStandsAlone() {
        List<Latest> latest = LatestResults.of(
                List.of(
                        result(null, "Urine dipstick", "2026-05-01T09:00", "negative", null),
                        withheld("RESULTS", "2026-04-15T09:00"),
                        result(null, "urine dipstick ", "2026-04-01T09:00", "trace", null),
                        withheld("RESULTS", "2026-03-15T09:00")),
                8);
        assertEquals(3, latest.size());
        assertEquals("negative", latest.get(0).latest().detail(org.openicr.vocabulary.ItemDetail.VALUE));
        assertEquals("trace", latest.get(0).previous().detail(org.openicr.vocabulary.ItemDetail.VALUE));
        assertNull(latest.get(0).direction(), "words are not compared");
        assertTrue(latest.get(1).latest().withheld());
        assertTrue(latest.get(2).latest().withheld());
        assertNull(latest.get(1).previous());
    }
}
