package org.openicr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openicr.directory.boundary.AccountAdministration;
import org.openicr.directory.boundary.LockedAccount;

/** The administrator's list of locked accounts, each with an audited unlock. */
@Named
@ViewScoped
public class LockedAccountsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AccountAdministration administration;

    private List<LockedAccount> accounts;

    @PostConstruct
    void load() {
        accounts = administration.lockedAccounts();
    }

    public void unlock(String username) {
        administration.unlock(username);
        load();
        FacesContext.getCurrentInstance()
                .addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Account " + username + " unlocked.", null));
    }

    public List<LockedAccount> getAccounts() {
        return accounts;
    }
}
