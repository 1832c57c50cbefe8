package org.openicr.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void fiveHundredPerSecondIsOneEveryTwoMilliseconds() {
        OpenLoopSchedule s = new OpenLoopSchedule(1_000, 500, 10 * SECOND, 0);
        assertEquals(2_000_000.0, s.intervalNanos());
        assertEquals(1_000, s.dueNanos(0));
        assertEquals(1_000 + 2_000_000, s.dueNanos(1));
        assertEquals(1_000 + SECOND, s.dueNanos(500));
        assertEquals(5_000, s.plannedMessages());
        assertTrue(s.includes(4_999));
        assertFalse(s.includes(5_000));
        assertFalse(s.includes(-1));
    }

    @Test
    void dueTimesDoNotDriftWithAnAwkwardRate() {
        // 3 per second: 333,333,333.33 ns apart; message 3000 is due exactly 1000 s later.
        OpenLoopSchedule s = new OpenLoopSchedule(0, 3, 1000 * SECOND, 0);
        assertEquals(1000 * SECOND, s.dueNanos(3000));
        assertEquals(3000, s.plannedMessages());
        assertEquals(333_333_333, s.dueNanos(1));
        assertEquals(666_666_667, s.dueNanos(2));
    }

    @Test
    void countLimitsBeforeDuration() {
        OpenLoopSchedule s = new OpenLoopSchedule(0, 100, 60 * SECOND, 250);
        assertEquals(250, s.plannedMessages());
        assertTrue(s.includes(249));
        assertFalse(s.includes(250));
        OpenLoopSchedule countOnly = new OpenLoopSchedule(0, 100, 0, 42);
        assertEquals(42, countOnly.plannedMessages());
        assertTrue(countOnly.includes(41));
        assertFalse(countOnly.includes(42));
    }

    @Test
    void latencyIsMeasuredFromTheDueTimeNotFromTheSend() {
        OpenLoopSchedule s = new OpenLoopSchedule(0, 500, 10 * SECOND, 0);
        // Message 10 is due at 20 ms; it could only be sent at 70 ms (all clients busy) and was
        // answered at 75 ms: its acknowledgement time is 55 ms, not 5 ms.
        assertEquals(55_000_000, s.latencyNanos(10, 75_000_000));
    }

    @Test
    void aRateAndAnEndAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 0, SECOND, 0));
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, Double.NaN, SECOND, 0));
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 10, 0, 0));
    }

    @Test
    void aRampClimbsFromATenthOfTheRateToTheFullRateAndHoldsIt() {
        // 500/s reached after a 10-s ramp from 50/s: (50 + 500) / 2 * 10 = 2,750 messages in the ramp.
        OpenLoopSchedule s = new OpenLoopSchedule(0, 500, 20 * SECOND, 0, 10 * SECOND);
        assertEquals(0, s.dueNanos(0));
        assertEquals(20_000_000, s.dueNanos(1), 300_000); // about 50/s at the start: 20 ms apart
        assertEquals(10 * SECOND, s.dueNanos(2_750));
        assertEquals(2_000_000, s.dueNanos(2_751) - s.dueNanos(2_750)); // then 500/s
        assertEquals(11 * SECOND, s.dueNanos(3_250));
        // Halfway through the ramp the rate is 275/s: (50 + 275) / 2 * 5 = 812.5 messages by then.
        assertTrue(s.dueNanos(812) < 5 * SECOND && s.dueNanos(813) > 5 * SECOND);
        assertEquals(2_750 + 5_000, s.plannedMessages());
        for (long i = 1; i < s.plannedMessages(); i++) {
            assertTrue(s.dueNanos(i) >= s.dueNanos(i - 1), "due times never go back");
        }
    }

    @Test
    void theFirstMessageFromAnOffsetIsTheFirstDueAtOrAfterIt() {
        OpenLoopSchedule even = new OpenLoopSchedule(0, 500, 60 * SECOND, 0);
        assertEquals(500, even.firstIndexFrom(SECOND));
        assertEquals(501, even.firstIndexFrom(SECOND + 1));
        assertEquals(0, even.firstIndexFrom(0));
        OpenLoopSchedule ramped = new OpenLoopSchedule(0, 500, 60 * SECOND, 0, 10 * SECOND);
        assertEquals(2_750, ramped.firstIndexFrom(10 * SECOND));
        assertTrue(ramped.dueNanos(ramped.firstIndexFrom(3 * SECOND) - 1) < 3 * SECOND);
        assertTrue(ramped.dueNanos(ramped.firstIndexFrom(3 * SECOND)) >= 3 * SECOND);
    }

    @Test
    void aNegativeRampIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 10, SECOND, 0, -1));
    }
}
