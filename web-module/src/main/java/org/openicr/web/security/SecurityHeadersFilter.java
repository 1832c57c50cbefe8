package org.openicr.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers on every answer of the application, error pages included (mapped in web.xml for the
 * REQUEST, FORWARD and ERROR dispatches, first of all filters): a Content-Security-Policy
 * ({@link SecurityHeaders}), nosniff, no referrer outside this origin, no framing by another site, no Server or
 * X-Powered-By header, and HSTS when the request came over TLS.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.apply(request, response);
        chain.doFilter(request, response);
    }
}
