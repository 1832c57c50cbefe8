package org.openicr.web.privacy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openicr.audit.control.AuditCost;

/**
 * Measures each record-page request's server time and the audit's part of it ({@link AuditCost}),
 * always on: the figure behind "the audit adds at most 5 % to the record page" (read at
 * /privacy/audit-cost).
 */
@WebFilter(urlPatterns = "/record/view.xhtml")
public class AuditCostFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        AuditCost.begin();
        try {
            chain.doFilter(request, response);
        } finally {
            AuditCost.end(System.nanoTime() - start);
        }
    }
}
