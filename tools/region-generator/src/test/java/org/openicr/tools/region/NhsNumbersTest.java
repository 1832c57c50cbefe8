package org.openicr.tools.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NhsNumbersTest {

    @Test
    void checksTheModulus11Digit() {
        assertTrue(NhsNumbers.isValid("9434765919"));
        assertFalse(NhsNumbers.isValid("9434765918"));
        assertFalse(NhsNumbers.isValid("943476591"));
        assertFalse(NhsNumbers.isValid("94347659x9"));
        // 999 000 0000: weights 10..2 give 9*10+9*9+9*8 = 243, 243 % 11 = 1, check 10: no number.
        assertEquals(-1, NhsNumbers.checkDigit(999_000_000L));
        assertEquals(9, NhsNumbers.checkDigit(943_476_591L));
    }

    @Test
    void startsAfterTheDemoNumbersAndGivesValidUniqueIncreasingNumbers() {
        NhsNumbers numbers = new NhsNumbers();
        Set<String> seen = new HashSet<>();
        String previous = "9990009999";
        for (int i = 0; i < 5_000; i++) {
            String n = numbers.next();
            assertTrue(NhsNumbers.isValid(n), n);
            assertTrue(NhsNumbers.isTestRange(n), n);
            assertTrue(n.compareTo(previous) > 0, n + " after " + previous);
            assertTrue(seen.add(n));
            previous = n;
        }
    }

    @Test
    void theTestRangeHoldsAbout909000ValidNumbers() {
        int valid = 0;
        for (long stem = 999_000_000L; stem <= 999_999_999L; stem++) {
            if (NhsNumbers.checkDigit(stem) >= 0) {
                valid++;
            }
        }
        assertTrue(valid > 905_000 && valid < 912_000, "valid numbers: " + valid);
    }

    @Test
    void continuesInThe998RangeMarkedSyntheticWhenTheTestRangeRunsOut() {
        NhsNumbers numbers = new NhsNumbers(999_999_990L);
        String last = null;
        for (int i = 0; i < 30; i++) {
            String n = numbers.next();
            assertTrue(NhsNumbers.isValid(n), n);
            last = n;
        }
        assertTrue(last.startsWith("998"), last);
        assertFalse(NhsNumbers.isTestRange(last));
    }
}
