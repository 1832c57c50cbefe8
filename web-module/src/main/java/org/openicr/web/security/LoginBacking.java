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
import org.openicr.directory.boundary.LocalSignIn;
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
            if (Boolean.TRUE.equals(external.getRequestMap().get(IcrAuthenticationMechanism.PROVIDER_ONLY))) {
                faces.addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_ERROR,
                                "Use your NHS identity.",
                                "Passwords here are only for local administrators. Choose \"Sign in with your NHS"
                                        + " identity\" above."));
                return;
            }
            Object retryAfter = external.getRequestMap().get(IcrAuthenticationMechanism.RETRY_AFTER);
            if (retryAfter instanceof Long seconds) {
                // Too many failed attempts: the password was not checked (issue 16, item 7).
                faces.addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_ERROR,
                                "Sign-in failed.",
                                "There have been too many failed sign-in attempts. Wait " + waitText(seconds)
                                        + " and try again."));
                return;
            }
            // Deliberately the same message for every failure: it must not tell which usernames exist.
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            "Sign-in failed.",
                            "Check your username and password. After 5 failed attempts in a row the account is"
                                    + " locked for 15 minutes (your local administrator can unlock it sooner)."));
        }
    }

    @Inject
    ProviderSignIn providerSignIn;

    /** Whether the page offers the sign-in through the NHS identity provider. */
    public boolean isProviderOffered() {
        return providerSignIn.enabled();
    }

    /** Whether the page shows the username and password form, and for whom ({@link LocalSignIn}). */
    public boolean isLocalFormShown() {
        return LocalSignIn.configured().showsForm();
    }

    public boolean isLocalFormForAdministratorsOnly() {
        return providerSignIn.enabled() && LocalSignIn.configured() == LocalSignIn.ADMINISTRATORS;
    }

    /** Why the last sign-in through the provider did not complete, in plain English, once. */
    private String providerProblem;

    private boolean providerProblemRead;

    public String getProviderProblem() {
        if (providerProblemRead) {
            return providerProblem;
        }
        providerProblemRead = true;
        providerProblem = takeProviderProblem();
        return providerProblem;
    }

    private String takeProviderProblem() {
        Object session = faces.getExternalContext().getSession(false);
        if (session instanceof jakarta.servlet.http.HttpSession http
                && http.getAttribute(ProviderSignIn.PROBLEM) instanceof String problem) {
            http.removeAttribute(ProviderSignIn.PROBLEM);
            return problem;
        }
        return null;
    }

    /** "1 minute", "45 seconds", "15 minutes": how long to wait, in plain English. */
    static String waitText(long seconds) {
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
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
