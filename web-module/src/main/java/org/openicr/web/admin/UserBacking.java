package org.openicr.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.omnifaces.util.Messages;
import org.openicr.directory.boundary.AccountAdministration;
import org.openicr.directory.boundary.OrganisationAdministration;
import org.openicr.directory.boundary.OrganisationRow;
import org.openicr.directory.boundary.RbacRoleRow;
import org.openicr.directory.boundary.RoleProfileAdministration;
import org.openicr.directory.boundary.UserRow;
import org.openicr.vocabulary.IcrException;

/** One person's account: its state, password reset, and its role profiles. */
@Named
@ViewScoped
public class UserBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AccountAdministration accounts;

    @EJB
    transient RoleProfileAdministration profiles;

    @EJB
    transient OrganisationAdministration organisations;

    private String username;
    private UserRow user;
    private List<RbacRoleRow> roles;
    private List<OrganisationRow> organisationRows;
    private String newPassword;
    private String roleCode;
    private String odsCode;
    private boolean safeguardingDesignated;
    private boolean mayBreakSeal;

    /** Loads the account named by the view parameter; an unknown one shows a message, not an error page. */
    public void load() {
        try {
            user = accounts.user(username);
            roles = profiles.roles();
            organisationRows = organisations.organisations();
        } catch (IcrException refused) {
            user = null;
            Messages.addGlobalError(refused.reason());
        }
    }

    private void reload() {
        user = accounts.user(user.username());
    }

    public void setEnabled(boolean enabled) {
        act(() -> accounts.setEnabled(user.username(), enabled), enabled ? "Account enabled." : "Account disabled.");
    }

    public void unlock() {
        act(() -> accounts.unlock(user.username()), "Account unlocked.");
    }

    public void resetPassword() {
        try {
            if (!act(
                    () -> accounts.resetPassword(
                            user.username(), newPassword == null ? null : newPassword.toCharArray()),
                    "Password reset. Give it to the user in person or by phone, never by email.")) {
                SourcesBacking.passwordNote(newPassword);
            }
        } finally {
            newPassword = null;
        }
    }

    public void grant() {
        act(
                () -> profiles.grant(user.username(), roleCode, odsCode, safeguardingDesignated, mayBreakSeal),
                "Role profile " + roleCode + " at " + odsCode + " saved.");
    }

    public void remove(long profileId) {
        act(() -> profiles.remove(user.username(), profileId), "Role profile removed.");
    }

    /** Runs a change and says how it went; answers whether it was made. */
    private boolean act(Runnable change, String done) {
        boolean made = false;
        try {
            change.run();
            Messages.addGlobalInfo(done);
            made = true;
        } catch (IcrException refused) {
            Messages.addGlobalError(refused.reason());
        }
        reload();
        return made;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public UserRow getUser() {
        return user;
    }

    public List<RbacRoleRow> getRoles() {
        return roles;
    }

    public List<OrganisationRow> getOrganisations() {
        return organisationRows;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRoleCode() {
        return roleCode;
    }

    public void setRoleCode(String roleCode) {
        this.roleCode = roleCode;
    }

    public String getOdsCode() {
        return odsCode;
    }

    public void setOdsCode(String odsCode) {
        this.odsCode = odsCode;
    }

    public boolean isSafeguardingDesignated() {
        return safeguardingDesignated;
    }

    public void setSafeguardingDesignated(boolean safeguardingDesignated) {
        this.safeguardingDesignated = safeguardingDesignated;
    }

    public boolean isMayBreakSeal() {
        return mayBreakSeal;
    }

    public void setMayBreakSeal(boolean mayBreakSeal) {
        this.mayBreakSeal = mayBreakSeal;
    }
}
