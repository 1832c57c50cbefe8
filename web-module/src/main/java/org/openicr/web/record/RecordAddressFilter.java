package org.openicr.web.record;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openicr.audit.boundary.WebDenials;
import org.openicr.web.security.RefusalAuditFilter;
import org.openicr.web.session.ActiveProfile;

/**
 * A record page's address whose {@code person} is not a record number at all
 * ({@code record/view.xhtml?person=abc}) answers "No such record" (404) instead of the blank page
 * JSF renders when a view parameter does not convert; the attempt is audited as a refusal. A number
 * that names no record is answered the same by {@link RecordBacking}, audited by the boundary.
 */
@WebFilter(urlPatterns = {"/record/view.xhtml", "/record/print.xhtml", "/record/reason.xhtml", "/record/seal.xhtml"})
public class RecordAddressFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RecordAddressFilter.class.getName());

    @EJB
    transient WebDenials denials;

    @Inject
    transient ActiveProfile activeProfile;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String person = request.getParameter("person");
        if (person != null && !NotFound.isId(person) && "GET".equals(request.getMethod())) {
            String page = request.getServletPath();
            try {
                denials.refused(
                        "page " + page + ": no such record (the address names no record number)",
                        profileId(),
                        request.getRemoteAddr());
            } catch (RuntimeException notWritten) {
                LOG.log(Level.SEVERE, "A refusal of " + page + " could not be audited", notWritten);
            }
            RefusalAuditFilter.markAudited(request);
            NotFound.answer(request, response, NotFound.RECORD);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The role profile the caller works in, if one is chosen. */
    private Long profileId() {
        try {
            return activeProfile.isChosen() ? activeProfile.id() : null;
        } catch (RuntimeException noSessionContext) {
            return null;
        }
    }
}
