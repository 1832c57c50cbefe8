package org.openicr.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The start page: choose the role profile to work in when there are several. */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    ActiveProfile activeProfile;

    /** Switching role: reasons given in the old role do not carry over (they are per role profile). */
    public String switchRole() {
        activeProfile.clear();
        return "/home.xhtml?faces-redirect=true";
    }

    public String choose(long profileId) {
        activeProfile.choose(profileId);
        return "/home.xhtml?faces-redirect=true";
    }
}
