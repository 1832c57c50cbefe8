package org.openicr.audit.control;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a loop of refused requests from flooding the audit trail: per caller (an account, or an
 * address for a caller not signed in), the first {@link #ROWS_PER_WINDOW} refusals of a window of
 * {@link #WINDOW} are each written; further ones in that window are only counted, and the count is
 * written with the caller's next written refusal (so no refusal goes uncounted). Pure and
 * thread-safe; one per server instance.
 */
public final class DenialThrottle {

    public static final int ROWS_PER_WINDOW = 10;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    /** Callers kept at most; idle ones are forgotten first (their counts were written or are in a window). */
    static final int MAX_CALLERS = 10_000;

    private record State(Instant windowStart, int written, long suppressed) {}

    private final ConcurrentHashMap<String, State> callers = new ConcurrentHashMap<>();

    /**
     * Whether a refusal by {@code caller} at {@code now} is written: empty when only counted,
     * otherwise the number of refusals counted but not written since the caller's last written one.
     */
    public OptionalLong admit(String caller, Instant now) {
        long[] carried = {-1};
        callers.compute(caller, (key, state) -> {
            if (state == null || !now.isBefore(state.windowStart().plus(WINDOW))) {
                carried[0] = state == null ? 0 : state.suppressed();
                return new State(now, 1, 0);
            }
            if (state.written() < ROWS_PER_WINDOW) {
                carried[0] = state.suppressed();
                return new State(state.windowStart(), state.written() + 1, 0);
            }
            return new State(state.windowStart(), state.written(), state.suppressed() + 1);
        });
        if (callers.size() > MAX_CALLERS) {
            callers.entrySet()
                    .removeIf(e -> e.getValue().suppressed() == 0
                            && !now.isBefore(e.getValue().windowStart().plus(WINDOW)));
        }
        return carried[0] < 0 ? OptionalLong.empty() : OptionalLong.of(carried[0]);
    }
}
