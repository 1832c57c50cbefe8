package org.openicr.audit.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit events of the record reads of one request, being written by {@link ReadAudit}. The web
 * layer buffers a record page and releases it only after {@link #await()} returned: if an event could
 * not be committed, the page is never sent (the reader gets an error instead). Should a read happen
 * where no filter awaits (none does today), the request's end still waits for the events, so none is
 * left behind.
 */
@RequestScoped
public class AuditGate {

    private static final Logger LOG = Logger.getLogger(AuditGate.class.getName());

    /** How long a page waits for its audit events before it is refused. */
    static final long TIMEOUT_SECONDS = 30;

    private final List<Future<Void>> pending = new ArrayList<>();

    /** Holds the request's answer until this write has committed. */
    public synchronized void hold(Future<Void> write) {
        pending.add(write);
    }

    /** Whether events of this request are still to be awaited. */
    public synchronized boolean isHolding() {
        return !pending.isEmpty();
    }

    /**
     * Waits until every event of this request has committed; the wait counts as audit time of the
     * request ({@link AuditCost}).
     *
     * @throws IllegalStateException if one could not be written (the answer must not be released)
     */
    public synchronized void await() {
        long start = System.nanoTime();
        try {
            for (Future<Void> write : pending) {
                write.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("An audit event of this request could not be written.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the audit events were being written.", e);
        } finally {
            pending.clear();
            AuditCost.add(System.nanoTime() - start);
        }
    }

    @PreDestroy
    void atTheEndOfTheRequest() {
        if (isHolding()) {
            try {
                await();
            } catch (IllegalStateException e) {
                LOG.log(Level.SEVERE, "An audit event of a record read could not be written", e.getCause());
            }
        }
    }
}
