package org.openicr.audit.boundary;

/**
 * The audit's cost on the record page since the server started, in ns: requests measured, their
 * whole server time, the time spent writing audit rows and checking access patterns, the commits of
 * the transactions that wrote them, the CPU time of the request threads and the CPU time the
 * asynchronous audit writers spent off the request threads (see {@code audit.control.AuditCost}).
 */
public record AuditCostTotals(
        long requests, long requestNanos, long auditNanos, long commitNanos, long cpuNanos, long writerCpuNanos) {

    /** The audit's own work as a percentage of the requests' time. */
    public double auditPercent() {
        return requestNanos == 0 ? 0 : 100.0 * auditNanos / requestNanos;
    }
}
