package org.openicr.access.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the access decision reads to decide on one person's record for one reader. The
 * caller loads the facts; the decision reads nothing else, so the same facts always give the same
 * answer.
 *
 * @param reasons the reasons each role may give (the reader's role's row at least)
 * @param declaration the reason this user declared for this person, or null when none was
 * @param sealBreaks the seals this reader broke on this person's items (lapsed ones included;
 *     the decision ignores them); null for none
 */
public record RecordRequest(
        AccessProfile profile,
        RoleCategoryMatrix matrix,
        ReasonPolicy policy,
        RoleReasons reasons,
        ReasonDeclaration declaration,
        List<SealBreak> sealBreaks,
        PersonAccessFacts person,
        OrganisationFacts organisations,
        Instant now) {

    public RecordRequest {
        Objects.requireNonNull(profile, "The acting profile is required.");
        Objects.requireNonNull(matrix, "The role-to-category matrix is required.");
        Objects.requireNonNull(policy, "The reason policy is required.");
        Objects.requireNonNull(reasons, "The reasons per role are required.");
        Objects.requireNonNull(person, "The person's access facts are required.");
        Objects.requireNonNull(organisations, "The organisation facts are required.");
        Objects.requireNonNull(now, "The time of the decision is required.");
        sealBreaks = sealBreaks == null ? List.of() : List.copyOf(sealBreaks);
    }

    public Optional<ReasonDeclaration> declared() {
        return Optional.ofNullable(declaration);
    }
}
