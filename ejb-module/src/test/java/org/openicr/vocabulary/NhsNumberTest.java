package org.openicr.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @Test
    void publishedExampleIsValid() {
        // NHS Data Dictionary example: weighted sum 299, 299 mod 11 = 2, check digit 11 - 2 = 9.
        NhsNumber nhsNumber = NhsNumber.of("9434765919");
        assertEquals("9434765919", nhsNumber.value());
        assertEquals("943 476 5919", nhsNumber.formatted());
        assertEquals(9, NhsNumber.checkDigit("943476591"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"943 476 5919", " 943-476-5919 ", "943 4765919"})
    void acceptsSpacesAndHyphens(String text) {
        assertEquals("9434765919", NhsNumber.of(text).value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "9434765918", // wrong check digit
                "9434765910", // wrong check digit
                "943476591", // nine digits
                "94347659190", // eleven digits
                "94347659l9", // a letter
                "943.476.5919", // other separators
                "0000000001" // check digit 0 expected, 1 given
            })
    void refusesInvalidNumbers(String text) {
        assertFalse(NhsNumber.isValid(text));
        IcrException refused = assertThrows(IcrException.class, () -> NhsNumber.of(text));
        assertEquals(ErrorCode.INVALID_NHS_NUMBER, refused.code());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesNothing(String text) {
        assertFalse(NhsNumber.isValid(text));
    }

    @Test
    void remainderOfOneMeansNoValidNumberExists() {
        // 000000006: weighted sum 6*2 = 12, 12 mod 11 = 1, 11 - 1 = 10: no check digit can work.
        assertEquals(-1, NhsNumber.checkDigit("000000006"));
        for (int digit = 0; digit <= 9; digit++) {
            assertFalse(NhsNumber.isValid("000000006" + digit));
        }
    }

    @Test
    void remainderOfZeroGivesCheckDigitZero() {
        // Weighted sum 0: 11 - 0 = 11, which means check digit 0.
        assertEquals(0, NhsNumber.checkDigit("000000000"));
        assertTrue(NhsNumber.isValid("0000000000"));
        // 000000055: 5*3 + 5*2 = 25, 25 mod 11 = 3, check digit 8.
        assertEquals(8, NhsNumber.checkDigit("000000055"));
        assertTrue(NhsNumber.isValid("0000000558"));
    }

    @Test
    void testRangeIsRecognised() {
        assertTrue(NhsNumber.of("9990000018").isTestRange());
        assertFalse(NhsNumber.of("9434765919").isTestRange());
    }

    @Test
    void equalityIsByValueAndToStringHidesTheNumber() {
        assertEquals(NhsNumber.of("943 476 5919"), NhsNumber.of("9434765919"));
        assertFalse(NhsNumber.of("9434765919").toString().contains("943476"));
    }

    @ParameterizedTest
    @CsvSource(
            value = {
                "9434765919|943 476 5919",
                "0000000000|000 000 0000",
                "943476591|943476591",
                "94347659190|94347659190",
                "943 476 5919|943 476 5919",
                "94347A5919|94347A5919",
                "NULL|NULL"
            },
            delimiter = '|',
            nullValues = "NULL")
    void storedDigitsAreDisplayed334AndAnythingElseUnchanged(String stored, String shown) {
        assertEquals(shown, NhsNumber.display(stored));
    }
}
