package org.openicr.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PoissonScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void fiftyPerSecondForAnHourOffersAboutFiftyPerSecond() {
        PoissonSchedule s = PoissonSchedule.poisson(50, 3600 * SECOND, 42);
        // 180,000 expected; a Poisson count's standard deviation is sqrt(180,000) = 424: allow 5 sigma.
        assertTrue(Math.abs(s.size() - 180_000) < 2_200, "arrivals: " + s.size());
        assertEquals(50, s.rate());
    }

    @Test
    void arrivalsAreOrderedWithinTheDurationAndGapsAreExponential() {
        PoissonSchedule s = PoissonSchedule.poisson(100, 600 * SECOND, 7);
        long previous = -1;
        int shortGaps = 0;
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            long t = s.offsetNanos(i);
            assertTrue(t >= previous, "arrival " + i + " before the one before it");
            assertTrue(t < 600 * SECOND);
            if (i > 0) {
                long gap = t - previous;
                sum += gap;
                if (gap < 10_000_000L * Math.log(2)) {
                    shortGaps++;
                }
            }
            previous = t;
        }
        double meanGapMs = sum / (s.size() - 1) / 1e6;
        assertEquals(10.0, meanGapMs, 0.2, "mean gap of a Poisson process at 100/s is 10 ms");
        // Half of exponential gaps are shorter than the median, mean * ln 2: bursts are part of the load.
        assertEquals(0.5, (double) shortGaps / (s.size() - 1), 0.02);
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        PoissonSchedule a = PoissonSchedule.poisson(50, 10 * SECOND, 1);
        PoissonSchedule b = PoissonSchedule.poisson(50, 10 * SECOND, 1);
        PoissonSchedule c = PoissonSchedule.poisson(50, 10 * SECOND, 2);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.offsetNanos(i), b.offsetNanos(i));
        }
        assertTrue(a.size() != c.size() || a.offsetNanos(0) != c.offsetNanos(0));
    }

    @Test
    void uniformArrivalsAreEvenlySpaced() {
        PoissonSchedule s = PoissonSchedule.uniform(50, 2 * SECOND);
        assertEquals(100, s.size());
        assertEquals(0, s.offsetNanos(0));
        assertEquals(20_000_000, s.offsetNanos(1));
        assertEquals(1_980_000_000, s.offsetNanos(99));
    }

    @Test
    void rateAndDurationMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> PoissonSchedule.poisson(0, SECOND, 1));
        assertThrows(IllegalArgumentException.class, () -> PoissonSchedule.poisson(10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> PoissonSchedule.uniform(-1, SECOND));
    }
}
