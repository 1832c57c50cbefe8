package org.openicr.access.entity;

import java.io.Serializable;
import java.util.Objects;
import org.openicr.vocabulary.LegitimateReason;

/**
 * A legitimate relationship the record shows between the reader's role profile and the person:
 * the reason it offers as the default, the rule that found it and what it found, in plain English
 * for the reader ({@link #description}) and in a few words for the audit ({@link #auditText}),
 * which names the rule and the kind of relationship but no clinical detail.
 */
public record CareRelationship(
        LegitimateReason reason, int ruleId, String ruleCode, String description, String evidence)
        implements Serializable {

    public CareRelationship {
        Objects.requireNonNull(reason, "The reason is required.");
        Objects.requireNonNull(ruleCode, "The rule is required.");
        Objects.requireNonNull(description, "The description is required.");
        Objects.requireNonNull(evidence, "The evidence is required.");
    }

    /** What the audit event says of the relationship: the rule and what it matched, no patient data. */
    public String auditText() {
        return "rule " + ruleId + " " + ruleCode + " (" + evidence + ")";
    }
}
