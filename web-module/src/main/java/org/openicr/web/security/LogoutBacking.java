package org.openicr.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.openicr.directory.boundary.SessionEvents;

/**
 * Signs out: audits it, ends the container login and throws the session away; after a sign-in
 * through the provider, sends the browser on to the provider's end-session endpoint (with the ID
 * token as hint), which ends its session and comes back to the sign-in page (issue 19).
 */
@Named
@RequestScoped
public class LogoutBacking {

    @Inject
    FacesContext faces;

    @EJB
    SessionEvents sessionEvents;

    @Inject
    OidcClient client;

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getUserPrincipal() != null) {
            sessionEvents.loggedOut();
        }
        Object provider = request.getSession(false) == null
                ? null
                : request.getSession(false).getAttribute(ProviderSignIn.SESSION);
        request.logout();
        external.invalidateSession();
        String signedOut = ProviderSignIn.base(request) + "/login.xhtml?loggedOut=true";
        // Signed in through the provider: end its session too (RP-initiated logout), which comes back here.
        java.util.Optional<URI> atProvider = provider instanceof ProviderSignIn.Signed signed
                ? client.logoutUri(signed.idToken(), URI.create(signedOut))
                : java.util.Optional.empty();
        if (atProvider.isPresent()) {
            // Not a redirect: form-action 'self' would stop it (ProviderSignIn.writeOnwards).
            ProviderSignIn.writeOnwards(
                    (jakarta.servlet.http.HttpServletResponse) external.getResponse(),
                    atProvider.get().toString());
        } else {
            external.redirect(signedOut);
        }
        faces.responseComplete();
    }
}
