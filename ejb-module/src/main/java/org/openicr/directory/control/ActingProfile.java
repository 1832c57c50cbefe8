package org.openicr.directory.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import org.openicr.audit.control.ProfileActors;
import org.openicr.audit.entity.Actor;
import org.openicr.directory.entity.RoleProfile;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * Resolves the role profile a caller says they act in, refusing one that is not theirs or no
 * longer usable. Boundaries that read patient data call it first.
 */
@Dependent
public class ActingProfile implements ProfileActors {

    @PersistenceContext
    EntityManager em;

    public RoleProfile resolve(Principal caller, long roleProfileId) {
        RoleProfile profile = em.find(RoleProfile.class, roleProfileId);
        if (profile == null) {
            check(caller, null, false, false, false);
        } else {
            check(
                    caller,
                    profile.getAccount().getUsername(),
                    profile.isActive(),
                    profile.getOrganisation().isActive(),
                    profile.getAccount().maySignIn());
        }
        return profile;
    }

    /**
     * The rule of {@link #resolve} on a profile's columns read elsewhere (the record's one facts
     * query): refuses a profile that is not the caller's ({@code owner} null when there is no such
     * profile), whose organisation is inactive, that is inactive, or whose account may not sign in.
     */
    public static void check(
            Principal caller,
            String owner,
            boolean profileActive,
            boolean organisationActive,
            boolean accountMaySignIn) {
        boolean callers = owner != null && owner.equals(caller.getName());
        if (callers && !organisationActive) {
            throw new IcrException(
                    ErrorCode.NOT_PERMITTED,
                    "Your organisation is not active in the shared care record. Choose another role profile.");
        }
        if (!callers || !(profileActive && organisationActive) || !accountMaySignIn) {
            throw new IcrException(ErrorCode.NOT_PERMITTED, "That role profile is not available to you.");
        }
    }

    /** The audit's actor of a caller in one of their role profiles ({@link #resolve}, then {@link #actor(RoleProfile)}). */
    @Override
    public Actor actor(Principal caller, long roleProfileId) {
        return actor(resolve(caller, roleProfileId));
    }

    public static Actor actor(RoleProfile profile) {
        return new Actor(
                profile.getAccount().getUsername(),
                profile.getRole().getCode(),
                profile.getOrganisation().getOdsCode());
    }
}
