package org.openicr.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.omnifaces.util.Messages;
import org.openicr.directory.boundary.OwnPassword;
import org.openicr.directory.boundary.PasswordChangeOutcome;

/**
 * The change-password page, for every signed-in person: their current password, the new one and
 * its confirmation. Success lifts the obligation to change and goes home; a refusal is shown; an
 * account locked by too many wrong current passwords is signed out.
 */
@Named
@RequestScoped
public class PasswordChangeBacking {

    @Inject
    FacesContext faces;

    @EJB
    OwnPassword ownPassword;

    private String current;
    private String newPassword;
    private String confirmation;

    /** Whether the person came here because an administrator set their password. */
    public boolean isRequired() {
        HttpSession session = (HttpSession) faces.getExternalContext().getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(PasswordChangeFilter.REQUIRED));
    }

    public void change() throws IOException, ServletException {
        PasswordChangeOutcome outcome;
        try {
            outcome = ownPassword.change(chars(current), chars(newPassword), chars(confirmation));
        } finally {
            current = null;
            newPassword = null;
            confirmation = null;
        }
        ExternalContext external = faces.getExternalContext();
        if (outcome.changed()) {
            external.getSessionMap().remove(PasswordChangeFilter.REQUIRED);
            Messages.addFlashGlobalInfo("Your password is changed. Use the new one from your next sign-in.");
            external.redirect(external.getRequestContextPath() + "/home.xhtml");
            faces.responseComplete();
        } else if (outcome.signOut()) {
            ((HttpServletRequest) external.getRequest()).logout();
            external.invalidateSession();
            external.redirect(external.getRequestContextPath() + "/login.xhtml?locked=true");
            faces.responseComplete();
        } else {
            Messages.addGlobalError(outcome.refusal());
        }
    }

    private static char[] chars(String text) {
        return text == null ? null : text.toCharArray();
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
