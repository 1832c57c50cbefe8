package org.openicr.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditCostTest {

    @Test
    void auditTimeCountsOnlyInsideAMeasuredRequestOnItsThread() throws Exception {
        AuditCost.Totals before = AuditCost.totals();
        AuditCost.add(1_000_000); // outside a request: not counted
        AuditCost.begin();
        AuditCost.add(2_000_000);
        Thread other = new Thread(() -> AuditCost.add(5_000_000)); // another thread: not counted
        other.start();
        other.join();
        AuditCost.add(3_000_000);
        AuditCost.end(50_000_000, 12_000_000);
        AuditCost.Totals after = AuditCost.totals();
        assertEquals(1, after.requests() - before.requests());
        assertEquals(50_000_000, after.requestNanos() - before.requestNanos());
        assertEquals(5_000_000, after.auditNanos() - before.auditNanos());
        assertEquals(12_000_000, after.cpuNanos() - before.cpuNanos());
        assertEquals(10.0, new AuditCost.Totals(1, 50_000_000, 5_000_000, 0, 20_000_000, 300_000).auditPercent(), 1e-9);
    }
}
