package org.openicr.web.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.List;
import org.openicr.directory.boundary.CallerProfiles;
import org.openicr.directory.boundary.ProfileChoice;

/**
 * The role profile the signed-in person works in during this session, shown in the header. It is
 * sent with every read so the EJB layer can check it belongs to the caller and decide access by it,
 * and kept in the HTTP session ({@link #CHOSEN_GROUP}) so that the web layer allows pages by it too.
 */
@Named
@SessionScoped
public class ActiveProfile implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient CallerProfiles callerProfiles;

    private ProfileChoice current;
    private List<ProfileChoice> available;

    /**
     * The session attribute holding the chosen profile's RBAC role code, which the authentication
     * mechanism reads on every request to give the container the chosen profile's group only
     * ({@code ChosenProfileGroups}): pages are then allowed by the chosen profile, not by the union.
     */
    public static final String CHOSEN_GROUP = "org.openicr.chosenProfileGroup";

    @Inject
    transient HttpSession session;

    /** Loads the caller's profiles after sign-in; with exactly one, it becomes the active one. */
    public void load() {
        available = callerProfiles.mine();
        current(available.size() == 1 ? available.get(0) : null);
    }

    public void choose(long profileId) {
        current(available().stream()
                .filter(p -> p.id() == profileId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not one of your role profiles.")));
    }

    /** Back to choosing: the person works in another of their role profiles from now on. */
    public void clear() {
        current(null);
        available = null;
    }

    private void current(ProfileChoice chosen) {
        current = chosen;
        if (chosen == null) {
            session.removeAttribute(CHOSEN_GROUP);
        } else {
            session.setAttribute(CHOSEN_GROUP, chosen.rbacRoleCode());
        }
    }

    public boolean hasSeveral() {
        return available().size() > 1;
    }

    public List<ProfileChoice> available() {
        if (available == null) {
            load();
        }
        return available;
    }

    public boolean isChosen() {
        if (current == null && available == null) {
            // A sign-in through the provider arrives here without the login page's load().
            load();
        }
        return current != null;
    }

    public ProfileChoice getCurrent() {
        return current;
    }

    public long id() {
        if (current == null) {
            throw new IllegalStateException("No role profile chosen.");
        }
        return current.id();
    }
}
