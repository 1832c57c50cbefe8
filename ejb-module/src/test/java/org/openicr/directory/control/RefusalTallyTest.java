package org.openicr.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusalTallyTest {

    private final AtomicLong now = new AtomicLong(3_000_000_000L);
    private final RefusalTally tally = new RefusalTally(now::get);

    @Test
    void aFloodWritesOneRowAMinuteCarryingItsCount() {
        List<Long> rows = new ArrayList<>();
        // 10,000 refusals over 150 seconds (one every 15 ms)
        for (int i = 0; i < 10_000; i++) {
            tally.refused("sys.gp delayed").ifPresent(rows::add);
            now.addAndGet(Duration.ofMillis(15).toNanos());
        }
        assertEquals(3, rows.size(), rows::toString);
        assertEquals(1L, rows.get(0));
        assertTrue(rows.stream().mapToLong(Long::longValue).sum() <= 10_000);
        assertTrue(rows.get(1) > 3_000, rows::toString);
    }

    @Test
    void eachKeyHasItsOwnRows() {
        assertTrue(tally.refused("a").isPresent());
        assertTrue(tally.refused("b").isPresent());
        assertFalse(tally.refused("a").isPresent());
        now.addAndGet(RefusalTally.WINDOW.toNanos());
        assertEquals(OptionalLong.of(2), tally.refused("a"));
    }
}
