package org.openicr.access.entity;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.LegitimateReason;

/**
 * One row of {@code care_relationship_rule} (db/V24): when the record shows a relationship between
 * the reader's role profile and the person, and which reason that relationship offers as the
 * default. A rule only chooses the default reason; the access decision still decides.
 *
 * @param id the row's id, named in the audit
 * @param code the rule's name, named in the audit (e.g. {@code RECENT_ENCOUNTER})
 * @param categories the item categories an {@link RelationshipKind#ORGANISATION_ITEM} rule reads
 * @param requiredDetail the item detail that must be present (e.g. {@code allocatedWorker}), or null
 * @param excludedStatuses item statuses that never count, {@link #normalised normalised}
 * @param lookBackDays how many days before now an item's date may lie
 * @param lookAheadDays how many days after now an item's date may lie (a booked appointment)
 * @param roleCodes the RBAC roles the rule applies to; empty for every role
 * @param priority the lowest that holds wins
 * @param description the relationship in plain English, without the organisation's name
 */
public record RelationshipRule(
        int id,
        String code,
        RelationshipKind kind,
        Set<Category> categories,
        String requiredDetail,
        Set<String> excludedStatuses,
        int lookBackDays,
        int lookAheadDays,
        LegitimateReason reason,
        Set<String> roleCodes,
        int priority,
        String description,
        boolean enabled) {

    public RelationshipRule {
        Objects.requireNonNull(code, "The rule's code is required.");
        Objects.requireNonNull(kind, "The rule's kind is required.");
        Objects.requireNonNull(reason, "The rule's reason is required.");
        Objects.requireNonNull(description, "The rule's description is required.");
        categories = Set.copyOf(categories);
        excludedStatuses =
                excludedStatuses.stream().map(RelationshipRule::normalised).collect(Collectors.toUnmodifiableSet());
        roleCodes = roleCodes.stream().map(String::strip).collect(Collectors.toUnmodifiableSet());
        if (lookBackDays < 0 || lookAheadDays < 0) {
            throw new IllegalArgumentException("A rule's window is counted in days from now, never negative.");
        }
    }

    /** Whether the rule applies to a reader in {@code roleCode}. */
    public boolean appliesTo(String roleCode) {
        return enabled && (roleCodes.isEmpty() || roleCodes.contains(roleCode));
    }

    /**
     * A status as the rules compare it: lower case, {@code _} and spaces read as {@code -}
     * ("Entered_In_Error" is {@code entered-in-error}); null for none.
     */
    public static String normalised(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return status.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    }
}
