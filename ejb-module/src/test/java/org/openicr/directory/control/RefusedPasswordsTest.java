package org.openicr.directory.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusedPasswordsTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final RefusedPasswords refused = new RefusedPasswords(now::get);

    @Test
    void theSameWrongPasswordIsKnownForFiveMinutesOnly() {
        refused.remember("sys.gp", "guess-1".toCharArray(), "HASH-A");
        assertTrue(refused.known("sys.gp", "guess-1".toCharArray(), "HASH-A"));
        assertFalse(refused.known("sys.gp", "guess-2".toCharArray(), "HASH-A"));
        assertFalse(refused.known("sys.other", "guess-1".toCharArray(), "HASH-A"));
        now.addAndGet(RefusedPasswords.TIME_TO_LIVE.minus(Duration.ofSeconds(1)).toNanos());
        assertTrue(refused.known("sys.gp", "guess-1".toCharArray(), "HASH-A"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertFalse(refused.known("sys.gp", "guess-1".toCharArray(), "HASH-A"));
    }

    @Test
    void aPasswordChangeMakesTheRememberedRefusalsStopMatching() {
        refused.remember("sys.gp", "new-password".toCharArray(), "HASH-A");
        assertFalse(refused.known("sys.gp", "new-password".toCharArray(), "HASH-B"));
    }

    @Test
    void theMemoryIsBounded() {
        for (int i = 0; i < RefusedPasswords.MAX_ENTRIES + 500; i++) {
            refused.remember("sys.gp", ("guess-" + i).toCharArray(), "HASH-A");
        }
        assertFalse(refused.known("sys.gp", "guess-0".toCharArray(), "HASH-A"));
        assertTrue(refused.known("sys.gp", ("guess-" + (RefusedPasswords.MAX_ENTRIES + 499)).toCharArray(), "HASH-A"));
    }
}
