package org.openicr.audit.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.openicr.audit.control.AuditCost;
import org.openicr.audit.control.AuditGate;

/**
 * What the web layer's filter over /record/ needs of the audit: wait until the audit events of the
 * request's reads have committed before the answer is released ({@link AuditGate}), and measure the
 * audit's share of a record-page request ({@link AuditCost}). A CDI bean, not an EJB, so that the
 * gate's {@link IllegalStateException} reaches the filter as it is, on the request's own thread.
 */
@Dependent
public class RecordAnswerGate {

    @Inject
    AuditGate gate;

    /**
     * Waits until every audit event of this request has committed.
     *
     * @throws IllegalStateException if one could not be written (the answer must not be released)
     */
    public void await() {
        gate.await();
    }

    /** Starts measuring the current request on this thread. */
    public static void beginMeasuring() {
        AuditCost.begin();
    }

    /** Ends the measurement of this thread's request (its server time and its thread's CPU time, in ns). */
    public static void endMeasuring(long requestNanos, long cpuNanos) {
        AuditCost.end(requestNanos, cpuNanos);
    }

    /** The audit's cost on the record page since the server started. */
    public static AuditCostTotals totals() {
        AuditCost.Totals t = AuditCost.totals();
        return new AuditCostTotals(
                t.requests(), t.requestNanos(), t.auditNanos(), t.commitNanos(), t.cpuNanos(), t.writerCpuNanos());
    }
}
