package org.openicr.web.security;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openicr.audit.boundary.WebDenials;
import org.openicr.web.session.ActiveProfile;

/**
 * Refuses a state-changing request to a page that another site's page sent (its Origin, or without
 * one its Referer, names another host): 403 with the plain-English page, audited as a denial with
 * the path and the origin. The SOAP endpoints under /ws/ are left alone: source systems call them
 * machine to machine. Mapped in web.xml after {@link SecurityHeadersFilter}, for REQUEST only.
 */
public class OriginCheckFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @EJB
    transient WebDenials denials;

    @Inject
    transient ActiveProfile activeProfile;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = SecurityHeaders.path(request);
        if (SecurityHeaders.changesState(request.getMethod())
                && !SecurityHeaders.isMachineToMachine(path)
                && SecurityHeaders.isCrossOrigin(
                        request.getHeader("Origin"), request.getHeader("Referer"), request.getHeader("Host"))) {
            String from = request.getHeader("Origin") != null ? request.getHeader("Origin") : "its referrer";
            denials.refused(
                    "cross-origin " + request.getMethod() + " " + path + " from " + from,
                    RefusalAuditFilter.profileId(request, activeProfile),
                    request.getRemoteAddr());
            RefusalAuditFilter.markAudited(request);
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Refused: sent from another site.");
            return;
        }
        chain.doFilter(request, response);
    }
}
