package org.openicr.access.entity;

import java.util.List;
import java.util.Map;

/**
 * What the relationship statement reads for a reader and a person: the reader's organisation's
 * name, every rule (enabled or not), and for each {@link RelationshipKind#ORGANISATION_ITEM} rule
 * the newest items of the reader's organisation within the rule's window (newest first, a few at
 * most). The person's registered practice comes with the access facts ({@link PersonDetails}).
 */
public record RelationshipFacts(
        String organisationName, List<RelationshipRule> rules, Map<Integer, List<RelationshipCandidate>> candidates) {

    public RelationshipFacts {
        rules = List.copyOf(rules);
        candidates = Map.copyOf(candidates);
    }

    /** No rule and no name: nothing can be inferred. */
    public static RelationshipFacts none() {
        return new RelationshipFacts(null, List.of(), Map.of());
    }

    public List<RelationshipCandidate> candidatesOf(int ruleId) {
        return candidates.getOrDefault(ruleId, List.of());
    }
}
