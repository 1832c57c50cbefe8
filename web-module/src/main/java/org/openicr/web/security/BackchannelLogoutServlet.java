package org.openicr.web.security;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openicr.directory.boundary.SessionEvents;

/**
 * OpenID Connect Back-Channel Logout 1.0: the provider posts a logout token here when its session
 * ends (the person signed out elsewhere, or an administrator ended it); OpenICR ends the HTTP
 * sessions of that provider session ({@code sid}), or of that subject without one. The token is
 * validated by Nimbus's {@code LogoutTokenValidator} (signature, issuer, audience, the event, no
 * nonce) before anything ends. 200 when valid (even when no session was left), 400 otherwise; never
 * cached. Machine to machine: the origin check leaves it alone, and nothing here needs a session.
 */
@WebServlet(ProviderSignIn.BACKCHANNEL_LOGOUT)
public class BackchannelLogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BackchannelLogoutServlet.class.getName());

    @Inject
    transient OidcClient client;

    @Inject
    transient ProviderSessions sessions;

    @EJB
    transient SessionEvents sessionEvents;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String token = request.getParameter("logout_token");
        if (!client.enabled() || token == null || token.isBlank()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try {
            var claims = client.logoutToken(token);
            String sid =
                    claims.getSessionID() == null ? null : claims.getSessionID().getValue();
            String sub =
                    claims.getSubject() == null ? null : claims.getSubject().getValue();
            for (String username : sessions.end(sid, sub)) {
                sessionEvents.endedByProvider(username);
            }
            response.setStatus(HttpServletResponse.SC_OK);
        } catch (OidcClient.Refused refused) {
            LOG.log(Level.WARNING, "A back-channel logout was refused: {0}", refused.getMessage());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }
}
