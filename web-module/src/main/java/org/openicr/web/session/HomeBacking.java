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

    public String choose(long profileId) {
        activeProfile.choose(profileId);
        return "/home.xhtml?faces-redirect=true";
    }
}
