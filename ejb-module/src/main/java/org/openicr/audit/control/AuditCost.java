package org.openicr.audit.control;

import java.util.concurrent.atomic.LongAdder;

/**
 * Measures, inside the server, what the audit costs a page: the time each request thread spends
 * writing audit events and checking access patterns, against the whole request's time. Always on
 * (two clock reads per audit call; nothing is switched off to measure). The web layer's filter
 * opens a measurement per record-page request and closes it, which adds the pair to the totals.
 */
public final class AuditCost {

    /** Totals since start: requests measured, their whole server time and the audit's share of it, in ns. */
    public record Totals(long requests, long requestNanos, long auditNanos) {

        public Totals minus(Totals earlier) {
            return new Totals(
                    requests - earlier.requests, requestNanos - earlier.requestNanos, auditNanos - earlier.auditNanos);
        }

        public double auditPercent() {
            return requestNanos == 0 ? 0 : 100.0 * auditNanos / requestNanos;
        }
    }

    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();
    private static final LongAdder REQUESTS = new LongAdder();
    private static final LongAdder REQUEST_NANOS = new LongAdder();
    private static final LongAdder AUDIT_NANOS = new LongAdder();

    private AuditCost() {}

    /** Starts measuring the current request on this thread. */
    public static void begin() {
        CURRENT.set(new long[1]);
    }

    /** Adds audit time spent on this thread (a no-op outside a measured request). */
    public static void add(long nanos) {
        long[] current = CURRENT.get();
        if (current != null) {
            current[0] += nanos;
        }
    }

    /** Ends the measurement of this thread's request, which took {@code requestNanos} in all. */
    public static void end(long requestNanos) {
        long[] current = CURRENT.get();
        CURRENT.remove();
        if (current != null) {
            REQUESTS.increment();
            REQUEST_NANOS.add(requestNanos);
            AUDIT_NANOS.add(current[0]);
        }
    }

    public static Totals totals() {
        return new Totals(REQUESTS.sum(), REQUEST_NANOS.sum(), AUDIT_NANOS.sum());
    }
}
