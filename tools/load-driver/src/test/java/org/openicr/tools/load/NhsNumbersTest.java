package org.openicr.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NhsNumbersTest {

    @Test
    void publishedExampleHasCheckDigitNine() {
        // 943 476 5919 is the NHS's published example of a valid number.
        assertEquals(9, NhsNumbers.checkDigit("943476591"));
        assertTrue(NhsNumbers.isValid("943 476 5919"));
        assertFalse(NhsNumbers.isValid("9434765918"));
    }

    @Test
    void remainderZeroGivesCheckDigitZero() {
        // A weighted sum divisible by 11 gives 11 - 0 = 11, which the rule turns into 0.
        String stem = findStem(sum -> sum % 11 == 0);
        assertEquals(0, NhsNumbers.checkDigit(stem));
    }

    @Test
    void remainderOneIsNeverIssued() {
        String stem = findStem(sum -> sum % 11 == 1);
        assertEquals(-1, NhsNumbers.checkDigit(stem));
    }

    @Test
    void sequenceStartsAtTheLoadRangeSkipsCheckTenAndIsAllValid() {
        List<String> numbers = NhsNumbers.sequence(NhsNumbers.DEFAULT_STEM, 500);
        assertEquals(500, numbers.size());
        assertEquals(500, new HashSet<>(numbers).size());
        assertTrue(numbers.get(0).startsWith("999100000"));
        for (String n : numbers) {
            assertTrue(NhsNumbers.isValid(n), n);
            assertTrue(n.startsWith("9991"), n);
        }
        // About one stem in eleven has check digit 10 and is skipped.
        long lastStem = Long.parseLong(numbers.get(499).substring(0, 9));
        assertTrue(lastStem - NhsNumbers.DEFAULT_STEM + 1 > 500, "some stems were skipped");
    }

    @Test
    void demoRegionNumbersAreNotInTheLoadRange() {
        // The demo region counts up from 999 000 0000 for a dozen people.
        assertEquals("9990000018", NhsNumbers.sequence(999_000_000L, 1).get(0));
        assertFalse(NhsNumbers.sequence(NhsNumbers.DEFAULT_STEM, 1).get(0).startsWith("999000"));
    }

    @Test
    void refusesStemsOutsideTheTestRange() {
        assertThrows(IllegalArgumentException.class, () -> NhsNumbers.sequence(943_476_591L, 1));
        assertThrows(IllegalArgumentException.class, () -> NhsNumbers.sequence(999_999_999L, 5));
        assertThrows(IllegalArgumentException.class, () -> NhsNumbers.checkDigit("12345"));
    }

    private static String findStem(java.util.function.IntPredicate onWeightedSum) {
        for (long stem = 999_100_000L; ; stem++) {
            String s = Long.toString(stem);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (s.charAt(i) - '0') * (10 - i);
            }
            if (onWeightedSum.test(sum)) {
                return s;
            }
        }
    }
}
