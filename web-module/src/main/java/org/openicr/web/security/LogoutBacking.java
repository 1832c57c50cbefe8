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
import org.openicr.directory.boundary.SessionEvents;

/** Signs out: audits it, ends the container login and throws the session away. */
@Named
@RequestScoped
public class LogoutBacking {

    @Inject
    FacesContext faces;

    @EJB
    SessionEvents sessionEvents;

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getUserPrincipal() != null) {
            sessionEvents.loggedOut();
        }
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
        faces.responseComplete();
    }
}
