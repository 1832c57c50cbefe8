package org.openicr.web.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openicr.directory.boundary.OwnPassword;
import org.openicr.web.session.ActiveProfile;

/**
 * The login page: checks the credential through the authentication mechanism, then starts work, or
 * first sends a person whose password an administrator set to change it ({@link PasswordChangeFilter}).
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    ActiveProfile activeProfile;

    @EJB
    OwnPassword ownPassword;

    private String username;
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                withParams().credential(new UsernamePasswordCredential(username, new Password(password))));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            activeProfile.load();
            if (ownPassword.mustChange()) {
                ((HttpServletRequest) external.getRequest())
                        .getSession()
                        .setAttribute(PasswordChangeFilter.REQUIRED, Boolean.TRUE);
                external.redirect(external.getRequestContextPath() + PasswordChangeFilter.CHANGE_PAGE);
                faces.responseComplete();
                return;
            }
            external.redirect(external.getRequestContextPath() + "/home.xhtml");
            faces.responseComplete();
        } else if (status != AuthenticationStatus.SEND_CONTINUE) {
            // Deliberately the same message for every failure: it must not tell which usernames exist.
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            "Sign-in failed.",
                            "Check your username and password. After 5 failed attempts the account is locked"
                                    + " and your local administrator must unlock it."));
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
