package org.openicr.web.privacy;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.openicr.audit.boundary.AuditCostTotals;
import org.openicr.audit.boundary.RecordAnswerGate;

/**
 * The audit's cost on the record page since the server started, as one line of text that a
 * benchmark reads before and after a run: {@code requests=N requestNanos=N auditNanos=N
 * commitNanos=N auditPercent=N.NN} (the percentage counts the audit's own work; the commits its
 * writes force are given apart). Under /privacy/, so only privacy officers and administrators see it.
 */
@WebServlet("/privacy/audit-cost")
public class AuditCostServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditCostTotals t = RecordAnswerGate.totals();
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .printf(
                        Locale.ROOT,
                        "requests=%d requestNanos=%d auditNanos=%d commitNanos=%d auditPercent=%.2f cpuNanos=%d auditWriterCpuNanos=%d%n",
                        t.requests(),
                        t.requestNanos(),
                        t.auditNanos(),
                        t.commitNanos(),
                        t.auditPercent(),
                        t.cpuNanos(),
                        t.writerCpuNanos());
    }
}
