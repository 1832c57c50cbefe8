package org.openicr.audit.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Future;
import org.openicr.audit.entity.AuditEvent;

/**
 * Writes the audit event of a record read in its own transaction, on the container's asynchronous
 * threads, while the page that shows the data is being built. The page is held back until the event
 * has committed ({@link AuditGate}): nobody sees data whose reading is not on the audit trail, and the
 * audit's insert and commit (a WAL flush) overlap the page's rendering instead of adding to it. The
 * returned future completes after the commit, or fails if the event could not be written.
 */
@Stateless
@PermitAll
public class ReadAudit {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @EJB
    AuditTrail audit;

    @Inject
    AccessPatternAlerts accessPatterns;

    /** The opening of a record, with the access-pattern alerts it calls for. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Future<Void> opening(AuditEvent opening) {
        return written(() -> accessPatterns.recordOpening(opening));
    }

    /** Any other read of a record (a category's page, the current items, a trend, a document). */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Future<Void> read(AuditEvent read) {
        return written(() -> audit.record(read));
    }

    /** Writes, counting this thread's CPU as the audit writers' ({@link AuditCost}). */
    private static Future<Void> written(Runnable write) {
        long cpu = CPU.getCurrentThreadCpuTime();
        try {
            write.run();
        } finally {
            AuditCost.addWriterCpu(CPU.getCurrentThreadCpuTime() - cpu);
        }
        return new AsyncResult<>(null);
    }
}
