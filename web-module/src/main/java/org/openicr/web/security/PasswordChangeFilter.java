package org.openicr.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.omnifaces.util.Servlets;

/**
 * Keeps a person whose password an administrator set on the change page until they choose their
 * own: every other page (and the document servlet) redirects there. The flag is put in the session
 * at sign-in ({@link LoginBacking}) and removed by a successful change ({@link PasswordChangeBacking});
 * the sign-in page, static resources, sign-out (posted from the change page itself) and the
 * source systems' SOAP calls are left alone.
 */
@WebFilter(urlPatterns = "/*")
public class PasswordChangeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String REQUIRED = "org.openicr.passwordChangeRequired";
    static final String CHANGE_PAGE = "/account/password.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null && Boolean.TRUE.equals(session.getAttribute(REQUIRED)) && !isExempt(request)) {
            Servlets.facesRedirect(request, response, request.getContextPath() + CHANGE_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isExempt(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(CHANGE_PAGE)
                || path.equals("/login.xhtml")
                || path.startsWith("/jakarta.faces.resource/")
                || path.startsWith("/resources/")
                || path.startsWith("/ws/");
    }
}
