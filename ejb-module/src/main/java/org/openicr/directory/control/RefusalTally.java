package org.openicr.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Counts sign-in refusals (attempts answered without a password check: delayed, on the wrong
 * channel, or a wrong password repeated) so that a flood writes one audit row per burst, not one
 * per attempt. The first refusal for a key is written at once; later ones are counted and written
 * with the next refusal at least {@link #WINDOW} after the last row, which carries the count since
 * that row. Bounded in size: the oldest keys go first.
 */
@ApplicationScoped
public class RefusalTally {

    /** At most one audit row per key in this time. */
    public static final Duration WINDOW = Duration.ofMinutes(1);

    static final int MAX_KEYS = 10_000;

    private static final class Tally {
        long pending;
        long lastWritten;
    }

    private final LongSupplier nanoTime;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    public RefusalTally() {
        this(System::nanoTime);
    }

    RefusalTally(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * One more refusal for this key: answers the number of refusals the audit row to write now
     * stands for, or empty when this one is only counted.
     */
    public synchronized OptionalLong refused(String key) {
        long now = nanoTime.getAsLong();
        Tally tally = tallies.remove(key);
        boolean fresh = tally == null;
        if (fresh) {
            tally = new Tally();
        }
        tally.pending++;
        OptionalLong write = OptionalLong.empty();
        if (fresh || now - tally.lastWritten >= WINDOW.toNanos()) {
            write = OptionalLong.of(tally.pending);
            tally.pending = 0;
            tally.lastWritten = now;
        }
        tallies.put(key, tally);
        if (tallies.size() > MAX_KEYS) {
            Iterator<String> oldest = tallies.keySet().iterator();
            while (tallies.size() > MAX_KEYS * 9 / 10) {
                oldest.next();
                oldest.remove();
            }
        }
        return write;
    }
}
