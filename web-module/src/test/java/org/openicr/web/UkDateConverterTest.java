package org.openicr.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UkDateConverterTest {

    @ParameterizedTest
    @CsvSource({
        // typed, the date read ('' for none)
        "14/03/1941, 1941-03-14",
        "1/2/1980, 1980-02-01",
        "29/02/1980, 1980-02-29",
        "' 03-11-1946 ', 1946-11-03",
        "31/02/1980, ''",
        "29/02/1981, ''",
        "31/04/2000, ''",
        "00/01/1990, ''",
        "12/13/1990, ''",
        "14/03/41, ''",
        "1941-03-14, ''",
        "yesterday, ''",
        "'', ''"
    })
    void aDateIsReadOnlyWhenTheCalendarHasIt(String typed, String expected) {
        assertEquals(
                expected == null || expected.isEmpty() ? null : LocalDate.parse(expected),
                UkDateConverter.parse(typed).orElse(null));
    }

    @ParameterizedTest
    @CsvSource({
        "Date of birth, 'Date of birth: enter a real date as dd/mm/yyyy, for example 14/03/1941.'",
        "'', 'Date: enter a real date as dd/mm/yyyy, for example 14/03/1941.'"
    })
    void theMessageNamesTheField(String field, String expected) {
        assertEquals(expected, UkDateConverter.message(field));
    }
}
