package org.openicr.audit.control;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures, inside the server, what the audit costs a page: the time each request thread spends
 * writing audit events and checking access patterns, against the whole request's time. Always on
 * (two clock reads per audit call; nothing is switched off to measure). The web layer's filter
 * opens a measurement per record-page request and closes it, which adds the pair to the totals.
 * The commit of a transaction that wrote audit rows is counted as audit time too (conservative:
 * for a record view the audit rows are the transaction's only writes).
 */
public final class AuditCost {

    /**
     * Totals since start, in ns: requests measured, their whole server time, the time spent writing
     * audit rows and checking access patterns, the commits of the transactions that wrote them, and
     * the CPU time of the request threads (what a page costs the server, whatever else runs on the
     * machine), and the CPU time the asynchronous audit writers ({@link ReadAudit}) spent on the
     * events of reads, off the request threads.
     */
    public record Totals(
            long requests, long requestNanos, long auditNanos, long commitNanos, long cpuNanos, long writerCpuNanos) {

        public double auditPercent() {
            return requestNanos == 0 ? 0 : 100.0 * auditNanos / requestNanos;
        }
    }

    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();
    private static final LongAdder REQUESTS = new LongAdder();
    private static final LongAdder REQUEST_NANOS = new LongAdder();
    private static final LongAdder AUDIT_NANOS = new LongAdder();
    private static final LongAdder COMMIT_NANOS = new LongAdder();
    private static final LongAdder CPU_NANOS = new LongAdder();
    private static final LongAdder WRITER_CPU_NANOS = new LongAdder();

    private AuditCost() {}

    /** Starts measuring the current request on this thread. */
    public static void begin() {
        CURRENT.set(new long[2]);
    }

    /** Adds audit time spent on this thread (a no-op outside a measured request). */
    public static void add(long nanos) {
        long[] current = CURRENT.get();
        if (current != null) {
            current[0] += nanos;
        }
    }

    /**
     * Ends the measurement of this thread's request, which took {@code requestNanos} in all and
     * {@code cpuNanos} of the thread's CPU time.
     */
    public static void end(long requestNanos, long cpuNanos) {
        long[] current = CURRENT.get();
        CURRENT.remove();
        if (current != null) {
            REQUESTS.increment();
            REQUEST_NANOS.add(requestNanos);
            AUDIT_NANOS.add(current[0]);
            COMMIT_NANOS.add(current[1]);
            CPU_NANOS.add(cpuNanos);
        }
    }

    /**
     * Counts the commit of the current transaction as audit time, once per transaction: a read that
     * is audited becomes a write, so the commit (and its WAL flush) is a cost of the audit.
     */
    public static void countCommit(TransactionSynchronizationRegistry registry) {
        if (CURRENT.get() == null
                || registry.getTransactionKey() == null
                || registry.getResource(AuditCost.class) != null) {
            return;
        }
        registry.putResource(AuditCost.class, Boolean.TRUE);
        registry.registerInterposedSynchronization(new Synchronization() {
            private long start;

            @Override
            public void beforeCompletion() {
                start = System.nanoTime();
            }

            @Override
            public void afterCompletion(int status) {
                long[] current = CURRENT.get();
                if (start != 0 && current != null) {
                    current[1] += System.nanoTime() - start;
                }
            }
        });
    }

    /** CPU time an asynchronous audit writer spent on one event (counted whatever the request). */
    public static void addWriterCpu(long nanos) {
        WRITER_CPU_NANOS.add(nanos);
    }

    public static Totals totals() {
        return new Totals(
                REQUESTS.sum(),
                REQUEST_NANOS.sum(),
                AUDIT_NANOS.sum(),
                COMMIT_NANOS.sum(),
                CPU_NANOS.sum(),
                WRITER_CPU_NANOS.sum());
    }
}
