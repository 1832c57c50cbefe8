package org.openicr.access.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one request needs to decide on one person's record for one role profile, read by one
 * statement ({@code AccessFacts.reading}): the profile (and whether its caller may act in it), the
 * person (its access facts and the details its banner shows), the role's row of the matrix and its reasons, the latest declared reason, the reader's recent seal breaks
 * and the inactive organisations.
 *
 * @param profile the role profile, empty when there is no such profile
 * @param person the person's access facts, empty when there is no such person
 * @param details the person as the record's banner shows them, read in the same statement (present
 *     when the person is)
 * @param declared the reader's latest declaration for this person in this profile, if any
 * @param sealBreaks the seals this reader broke on this person's items within the last day
 */
public record RecordFacts(
        Optional<ProfileFacts> profile,
        Optional<PersonAccessFacts> person,
        Optional<PersonDetails> details,
        RoleCategoryMatrix matrix,
        RoleReasons reasons,
        Optional<Declared> declared,
        List<SealBreak> sealBreaks,
        OrganisationFacts organisations) {

    public RecordFacts {
        Objects.requireNonNull(profile, "The profile (or its absence) is required.");
        Objects.requireNonNull(person, "The person (or its absence) is required.");
        Objects.requireNonNull(details, "The person's details (or their absence) are required.");
        Objects.requireNonNull(matrix, "The matrix row is required.");
        Objects.requireNonNull(reasons, "The role's reasons are required.");
        Objects.requireNonNull(declared, "The declaration (or its absence) is required.");
        sealBreaks = List.copyOf(sealBreaks);
        Objects.requireNonNull(organisations, "The organisation facts are required.");
    }

    /** The access decision's input with the stored declaration. */
    public RecordRequest request(Instant now) {
        return request(declared.map(Declared::declaration), now);
    }

    /** The access decision's input with {@code declaration} in place of the stored one (a reason being declared). */
    public RecordRequest request(Optional<ReasonDeclaration> declaration, Instant now) {
        return new RecordRequest(
                profile.orElseThrow().access(),
                matrix,
                AccessDefaults.REASON_POLICY,
                reasons,
                declaration.orElse(null),
                sealBreaks,
                person.orElseThrow(),
                organisations,
                now);
    }

    /**
     * A role profile as read with the facts: its account (for the check that the caller owns it and
     * may still sign in, and for the audit's actor) and what the decision needs of it;
     * {@code assuranceLevel} is the account's latest sign-in's through the OpenID provider, null
     * after a local password sign-in (issue 19: below the configured minimum, no record opens).
     */
    public record ProfileFacts(
            long roleProfileId,
            long accountId,
            String username,
            boolean accountEnabled,
            Instant accountLockedAt,
            boolean profileActive,
            AccessProfile access,
            Integer assuranceLevel) {

        /** A profile whose account signed in with a local password (no provider assurance). */
        public ProfileFacts(
                long roleProfileId,
                long accountId,
                String username,
                boolean accountEnabled,
                Instant accountLockedAt,
                boolean profileActive,
                AccessProfile access) {
            this(roleProfileId, accountId, username, accountEnabled, accountLockedAt, profileActive, access, null);
        }
    }

    /** A stored declaration with its id. */
    public record Declared(long id, ReasonDeclaration declaration) {}
}
