package org.openicr.web.security;

import java.util.Set;

/**
 * The groups the container is told a signed-in person is in, on each request: the RBAC role codes
 * of all their role profiles until they choose one, then the chosen profile's code only. The
 * container's security constraints (web.xml) and the EJBs' roles then decide pages by the chosen
 * role profile, as the boundaries decide data; a person holding an administrator and a clinical
 * profile who chose the clinical one is refused the administration pages (the 403 page, audited)
 * until they switch role. Never more than the sign-in established: a chosen code the sign-in did
 * not find (a profile added since) gives no group.
 */
final class ChosenProfileGroups {

    private ChosenProfileGroups() {}

    static Set<String> of(Set<String> signedIn, Object chosenGroup) {
        if (!(chosenGroup instanceof String chosen)) {
            return signedIn;
        }
        return signedIn.contains(chosen) ? Set.of(chosen) : Set.of();
    }
}
