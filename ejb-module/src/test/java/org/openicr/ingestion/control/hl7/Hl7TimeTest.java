package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7TimeTest {

    @ParameterizedTest
    @CsvSource({
        // explicit offsets are honoured, including odd ones
        "20240612143000+0215, 2024-06-12T12:15:00Z",
        "20240612143000-0500, 2024-06-12T19:30:00Z",
        "20240612143000+0000, 2024-06-12T14:30:00Z",
        "198908181126+0215, 1989-08-18T09:11:00Z",
        // without an offset: UK local time, British Summer Time in June ...
        "20240612143000, 2024-06-12T13:30:00Z",
        // ... and Greenwich Mean Time in January
        "20240112143000, 2024-01-12T14:30:00Z",
        // fractions of a second
        "20240112143000.5, 2024-01-12T14:30:00.500Z",
        "20240112143000.1234+0000, 2024-01-12T14:30:00.123400Z",
        // less precise values: the start of the period, in UK time
        "202406121430, 2024-06-12T13:30:00Z",
        "2024061214, 2024-06-12T13:00:00Z",
        "20240612, 2024-06-11T23:00:00Z",
        "20240112, 2024-01-12T00:00:00Z",
        "202401, 2024-01-01T00:00:00Z",
        "2024, 2024-01-01T00:00:00Z",
        "20240612+0100, 2024-06-11T23:00:00Z",
    })
    void readsHl7DateTimes(String hl7, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), Hl7Time.instant(hl7));
    }

    @Test
    void theHourThatRepeatsInOctoberIsReadAsTheFirst() {
        // 01:30 happens twice on 27 October 2024 in the UK; the earlier (BST) one is taken.
        assertEquals(Optional.of(Instant.parse("2024-10-27T00:30:00Z")), Hl7Time.instant("202410270130"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "yesterday",
                "2024-06-12",
                "20241312",
                "20240230",
                "20240612256000",
                "2024061214300",
                "20240612143000+2500",
                "20240612143000+01",
                "202406121430001234567"
            })
    void refusesWhatIsNotAnHl7DateTime(String text) {
        assertTrue(Hl7Time.instant(text).isEmpty());
    }

    @Test
    void aDateOfBirthIsTheCalendarDateAsWritten() {
        assertEquals(Optional.of(LocalDate.of(1970, 1, 1)), Hl7Time.date("19700101"));
        // A time and an offset do not move the date: a birthday is not an instant.
        assertEquals(Optional.of(LocalDate.of(1988, 8, 18)), Hl7Time.date("198808180030+0215"));
        assertTrue(Hl7Time.date("198808").isEmpty(), "a date needs its day");
        assertTrue(Hl7Time.date("19880231").isEmpty());
    }
}
