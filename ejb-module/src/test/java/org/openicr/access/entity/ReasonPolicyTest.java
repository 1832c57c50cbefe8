package org.openicr.access.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

class ReasonPolicyTest {

    private static final Instant START = Instant.parse("2025-03-14T08:00:00Z");
    private static final ReasonPolicy POLICY = new ReasonPolicy(Duration.ofHours(12), Duration.ofHours(4), 10);

    @ParameterizedTest(name = "{0} seconds after the start of a 60-second period: {1}")
    @CsvSource({"-1, false", "0, true", "1, true", "59, true", "60, false", "3600, false"})
    void aPeriodHoldsFromItsStartUpToButExcludingItsEnd(long secondsAfterStart, boolean holds) {
        assertEquals(holds, ReasonPolicy.holds(START, Duration.ofSeconds(60), START.plusSeconds(secondsAfterStart)));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(
            value = {
                "'',                   false",
                "'         ',          false",
                "'123456789',          false",
                "'1234567890',         true",
                "'   123456789   ',    false",
                "'   1234567890   ',   true",
                // Runs of whitespace count as one character.
                "'a    b    c    d',   false",
                "'a b c d e f',        true",
                "'tab\t\t\t\tpadded',  true",
            },
            ignoreLeadingAndTrailingWhitespace = true)
    void aJustificationNeedsTheMinimumLengthOfRealText(String justification, boolean sufficient) {
        assertEquals(sufficient, POLICY.isSufficient(justification));
    }

    @ParameterizedTest
    @NullSource
    void noJustificationIsNeverSufficient(String justification) {
        assertEquals(false, POLICY.isSufficient(justification));
    }

    @Test
    void periodsMustBePositiveAndAJustificationMustNeedSomething() {
        assertThrows(IllegalArgumentException.class, () -> new ReasonPolicy(Duration.ZERO, Duration.ofHours(1), 10));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReasonPolicy(Duration.ofHours(1), Duration.ofMinutes(-1), 10));
        assertThrows(
                IllegalArgumentException.class, () -> new ReasonPolicy(Duration.ofHours(1), Duration.ofHours(1), 0));
        assertThrows(NullPointerException.class, () -> new ReasonPolicy(null, Duration.ofHours(1), 10));
    }
}
