package org.openicr.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DenialThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private static String show(OptionalLong admitted) {
        return admitted.isPresent() ? "write+" + admitted.getAsLong() : "count";
    }

    @Test
    void theFirstTenOfAMinuteAreWrittenTheRestCountedAndCarriedIntoTheNextWrittenRow() {
        DenialThrottle throttle = new DenialThrottle();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            seen.add(show(throttle.admit("reception.wu", T0.plusSeconds(i))));
        }
        // a new minute: written, with the 15 only counted before it
        seen.add(show(throttle.admit("reception.wu", T0.plusSeconds(61))));
        seen.add(show(throttle.admit("reception.wu", T0.plusSeconds(62))));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add("write+0");
        }
        for (int i = 0; i < 15; i++) {
            expected.add("count");
        }
        expected.add("write+15");
        expected.add("write+0");
        assertEquals(expected, seen);
    }

    @Test
    void eachCallerHasItsOwnBudget() {
        DenialThrottle throttle = new DenialThrottle();
        for (int i = 0; i < 12; i++) {
            throttle.admit("admin.khan", T0);
        }
        assertEquals("count", show(throttle.admit("admin.khan", T0)));
        assertEquals("write+0", show(throttle.admit("gp.hart", T0)));
    }
}
