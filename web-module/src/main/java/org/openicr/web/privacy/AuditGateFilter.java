package org.openicr.web.privacy;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openicr.audit.boundary.RecordAnswerGate;

/**
 * Every answer under /record/ (the record page, its Ajax requests, the print view, documents) is
 * buffered and released only when the audit events of the reads it shows have committed
 * ({@link RecordAnswerGate}, over the audit's {@code AuditGate}); if one could not be written, the reader gets an error page instead of the data.
 * Redirects (to the reason page) carry no record data and pass straight through.
 *
 * <p>It also measures each record-page request ({@code /record/view.xhtml}): its server time, the
 * audit's part of it (the wait for the events, plus any audit written on the request thread) and the
 * request thread's CPU time ({@code AuditCost}, read at /privacy/audit-cost): the figure behind "the
 * audit adds at most 5 % to the record page".
 */
@WebFilter(urlPatterns = "/record/*")
public class AuditGateFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AuditGateFilter.class.getName());
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Inject
    RecordAnswerGate gate;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean measured = "/record/view.xhtml".equals(request.getServletPath());
        long start = System.nanoTime();
        long cpu = measured ? CPU.getCurrentThreadCpuTime() : 0;
        if (measured) {
            RecordAnswerGate.beginMeasuring();
        }
        try {
            BufferedResponse buffered = new BufferedResponse(response);
            chain.doFilter(request, buffered);
            release(request, response, buffered);
        } finally {
            if (measured) {
                RecordAnswerGate.endMeasuring(System.nanoTime() - start, CPU.getCurrentThreadCpuTime() - cpu);
            }
        }
    }

    private void release(HttpServletRequest request, HttpServletResponse response, BufferedResponse buffered)
            throws IOException {
        try {
            gate.await();
        } catch (IllegalStateException notWritten) {
            // ids only in the log: the path, never the person or the data
            LOG.log(
                    Level.SEVERE,
                    "Record answer withheld: its audit event was not written (" + request.getServletPath() + ")",
                    notWritten.getCause());
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(
                        HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "The record cannot be shown because the access to it could not be recorded.");
            }
            return;
        }
        buffered.release();
    }
}
