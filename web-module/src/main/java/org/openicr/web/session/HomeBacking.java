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

    @Inject
    jakarta.servlet.http.HttpSession session;

    /**
     * The role profiles the NHS identity gave that this region cannot use, in plain English
     * (issue 19: an organisation or job role the region does not know).
     */
    public java.util.List<String> getNotUsable() {
        return org.openicr.web.security.ProviderSignIns.notUsable(session);
    }

    /** The sign-in's assurance level when it is below what opening records needs, else null. */
    public String getAssuranceNote() {
        return org.openicr.web.security.ProviderSignIns.assuranceNote(session);
    }

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
