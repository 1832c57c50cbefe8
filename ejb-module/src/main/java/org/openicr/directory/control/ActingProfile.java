package org.openicr.directory.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import org.openicr.access.control.AccessFacts;
import org.openicr.access.entity.RecordFacts;
import org.openicr.audit.control.ProfileActors;
import org.openicr.audit.entity.Actor;
import org.openicr.directory.entity.UserAccount;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * The role profile a caller says they act in, refusing one that is not theirs or no longer usable.
 * The profile is read in one style only: by the access facts' one statement
 * ({@link AccessFacts#READING}), which the record reads with its person, the patient search and a
 * web-layer denial ({@link #actor}) without one. The rule ({@link #check}) is written here once.
 */
@Dependent
public class ActingProfile implements ProfileActors {

    @Inject
    AccessFacts facts;

    /**
     * The rule on a profile as the access facts read it: refuses a profile that is not the caller's
     * (absent when there is no such profile), whose organisation is inactive, that is inactive, or
     * whose account may not sign in at {@code now}.
     */
    public static void check(Principal caller, Optional<RecordFacts.ProfileFacts> profile, Instant now) {
        checkProfile(caller, profile, now);
        checkAssurance(profile.orElseThrow().assuranceLevel(), AssuranceMinimum.configured());
    }

    private static void checkProfile(Principal caller, Optional<RecordFacts.ProfileFacts> profile, Instant now) {
        check(
                caller,
                profile.map(RecordFacts.ProfileFacts::username).orElse(null),
                profile.map(RecordFacts.ProfileFacts::profileActive).orElse(false),
                profile.map(p -> p.access().organisationActive()).orElse(false),
                profile.map(p -> UserAccount.maySignIn(p.accountEnabled(), p.accountLockedAt(), now))
                        .orElse(false));
    }

    /**
     * Issue 19: a sign-in through the OpenID provider below the minimum assurance level (default 3,
     * a smartcard) may not read patient data: the record and the patient search refuse it, and
     * their callers audit the refusal like any other. {@code level} null is a local password
     * sign-in, which the local sign-in setting governs ({@code LocalSignIn}), not this rule.
     */
    public static void checkAssurance(Integer level, int minimum) {
        if (level != null && level < minimum) {
            throw new IcrException(
                    ErrorCode.NOT_PERMITTED,
                    "You signed in at assurance level " + level + " (" + assuranceName(level)
                            + "). Opening care records needs level " + minimum + " (" + assuranceName(minimum)
                            + "). Sign out and sign in again with your smartcard.");
        }
    }

    static String assuranceName(int level) {
        return switch (level) {
            case 3 -> "a smartcard or equivalent";
            case 2 -> "an authenticator app or similar";
            default -> level > 3 ? "a stronger authenticator" : "a password only";
        };
    }

    /**
     * The rule on a profile's columns: refuses a profile that is not the caller's ({@code owner}
     * null when there is no such profile), whose organisation is inactive, that is inactive, or whose
     * account may not sign in.
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

    /**
     * The audit's actor of a caller in one of their role profiles: the profile read by the access
     * facts' statement (no person), checked by {@link #check}.
     *
     * @throws IcrException if that profile is not the caller's or not usable
     */
    @Override
    public Actor actor(Principal caller, long roleProfileId) {
        Optional<RecordFacts.ProfileFacts> profile =
                facts.profileReading(roleProfileId).profile();
        // The actor of a refusal is named whatever the sign-in's assurance: only the profile's rule applies.
        checkProfile(caller, profile, Instant.now());
        RecordFacts.ProfileFacts acting = profile.orElseThrow();
        return new Actor(
                acting.username(), acting.access().roleCode(), acting.access().organisationOdsCode());
    }
}
