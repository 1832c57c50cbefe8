package org.openicr.audit.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openicr.audit.control.AuditChainStore;

/**
 * Seals new audit events into the hash chain every second (a small step each time, rather than a
 * burst of five seconds of events that holds a core while requests wait), in one place, so that
 * the actions that write audit events never wait for each other on the chain. The seals are made by
 * the database function audit_seal_pending (owned by the owner role, db/V17): the application's
 * role cannot write them itself. Each batch of 5,000 commits on its own (no container transaction
 * around the loop), so a long backlog never holds one transaction open.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    AuditChainStore chain;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sealRecentEvents() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            int sealed;
            do {
                sealed = chain.sealPending(5_000);
            } while (sealed == 5_000);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sealing the audit trail failed; it will be tried again", e);
        } finally {
            running.set(false);
        }
    }
}
