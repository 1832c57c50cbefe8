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
        String path = SecurityHeaders.path(request);
        if (SecurityHeaders.isPage(path)) {
            response.setHeader("Content-Security-Policy", SecurityHeaders.PAGE);
            response.setHeader("X-Frame-Options", "DENY");
        } else if (!SecurityHeaders.isDocument(path)) {
            response.setHeader("Content-Security-Policy", SecurityHeaders.NOT_A_PAGE);
            response.setHeader("X-Frame-Options", "DENY");
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with its own posts.
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", SecurityHeaders.HSTS);
        }
        response.setHeader("X-Powered-By", null);
        response.setHeader("Server", null);
        chain.doFilter(request, response);
    }
}
