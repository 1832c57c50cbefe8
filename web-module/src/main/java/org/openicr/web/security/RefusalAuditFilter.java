package org.openicr.web.security;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openicr.audit.boundary.WebDenials;
import org.openicr.web.session.ActiveProfile;

/**
 * Audits every 403 the web layer answers (a page outside the caller's role, refused by web.xml's
 * security constraints before any code of ours runs; a document asked for without a role chosen)
 * as a denial with the path asked for. Mapped in web.xml on the ERROR dispatch: it runs when the
 * container shows the 403 page. Refusals already audited by a boundary (a document of a hidden
 * category) or by {@link OriginCheckFilter} are marked on the request and not written twice.
 */
public class RefusalAuditFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RefusalAuditFilter.class.getName());

    /** Set on a request whose refusal was audited where it was made. */
    public static final String AUDITED = "org.openicr.refusalAudited";

    @EJB
    transient WebDenials denials;

    @Inject
    transient ActiveProfile activeProfile;

    public static void markAudited(HttpServletRequest request) {
        request.setAttribute(AUDITED, Boolean.TRUE);
    }

    /** The role profile the caller works in, if a session with one exists (never creates a session). */
    static Long profileId(HttpServletRequest request, ActiveProfile activeProfile) {
        if (request.getSession(false) == null || activeProfile == null) {
            return null;
        }
        try {
            return activeProfile.isChosen() ? activeProfile.id() : null;
        } catch (RuntimeException noSessionContext) {
            return null;
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (status instanceof Integer code
                && code == HttpServletResponse.SC_FORBIDDEN
                && request.getAttribute(AUDITED) == null) {
            markAudited(request);
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            String asked = uri == null ? "?" : uri.toString();
            String context = request.getContextPath();
            if (asked.startsWith(context)) {
                asked = asked.substring(context.length());
            }
            try {
                denials.refused(
                        "page " + asked + " refused to the role",
                        profileId(request, activeProfile),
                        request.getRemoteAddr());
            } catch (RuntimeException notWritten) {
                // The refusal stands either way; the log says an audit row is missing (the path only).
                LOG.log(Level.SEVERE, "A refusal of " + asked + " could not be audited", notWritten);
            }
        }
        chain.doFilter(request, response);
    }
}
