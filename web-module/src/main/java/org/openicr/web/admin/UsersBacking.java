package org.openicr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.openicr.directory.boundary.AccountAdministration;
import org.openicr.directory.boundary.UserRow;
import org.openicr.vocabulary.IcrException;

/** The administrator's list of people's accounts: search, create, disable or enable, unlock. */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AccountAdministration administration;

    private String search;
    private List<UserRow> users;
    private String username;
    private String displayName;
    private String password;

    @PostConstruct
    void load() {
        users = administration.users(search);
    }

    public void find() {
        load();
    }

    public void create() throws java.io.IOException {
        try {
            String created =
                    administration.create(username, displayName, password == null ? null : password.toCharArray());
            Messages.addFlashGlobalInfo(
                    "Account " + created + " created. Add a role profile so that they can open records.");
            Faces.redirect("admin/user.xhtml?username=" + java.net.URLEncoder.encode(created, "UTF-8"));
        } catch (IcrException refused) {
            Messages.addGlobalError(refused.reason());
            SourcesBacking.passwordNote(password);
        } finally {
            password = null;
        }
    }

    public void setEnabled(String account, boolean enabled) {
        try {
            administration.setEnabled(account, enabled);
            Messages.addGlobalInfo("Account " + account + (enabled ? " enabled." : " disabled: it cannot sign in."));
        } catch (IcrException refused) {
            Messages.addGlobalError(refused.reason());
        }
        load();
    }

    public void unlock(String account) {
        try {
            administration.unlock(account);
            Messages.addGlobalInfo("Account " + account + " unlocked.");
        } catch (IcrException refused) {
            Messages.addGlobalError(refused.reason());
        }
        load();
    }

    public List<UserRow> getUsers() {
        return users;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
