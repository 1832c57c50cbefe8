package org.openicr.access.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openicr.access.entity.AccessProfile;
import org.openicr.access.entity.CareRelationship;
import org.openicr.access.entity.PersonDetails;
import org.openicr.access.entity.RelationshipCandidate;
import org.openicr.access.entity.RelationshipFacts;
import org.openicr.access.entity.RelationshipKind;
import org.openicr.access.entity.RelationshipRule;
import org.openicr.vocabulary.LegitimateReason;

/**
 * Infers a legitimate relationship from what the record shows, by the rules of
 * {@code care_relationship_rule} (db/V24, docs/care-relationships.md). Pure, like the access
 * decision: the same facts give the same answer.
 *
 * <p>The inferred relationship only chooses the reason the reason step pre-selects (and how its
 * opening is audited). It never opens a record: the reason still goes through
 * {@link AccessDecision#decideRecord}, so opt-outs, seals, consent and the matrix apply as to any
 * declared reason. A rule whose reason the reader is not offered ({@link
 * AccessDecision#reasonsOffered}: not the role's, or an opted-out person) is passed over.
 */
public class CareRelationships {

    /** Dates in the relationship's wording are UK dates. */
    static final ZoneId UK = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /**
     * The relationship the first rule that holds shows (by priority, then id), if any.
     *
     * @param person the person's details as the access facts read them (the registered practice)
     * @param offered the reasons the reason step offers this reader for this person
     */
    public Optional<CareRelationship> infer(
            RelationshipFacts facts,
            AccessProfile profile,
            PersonDetails person,
            Set<LegitimateReason> offered,
            Instant now) {
        return facts.rules().stream()
                .sorted(Comparator.comparingInt(RelationshipRule::priority).thenComparingInt(RelationshipRule::id))
                .filter(rule -> rule.appliesTo(profile.roleCode()))
                .filter(rule -> offered.contains(rule.reason()))
                .map(rule -> holds(rule, facts, profile, person, now))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<CareRelationship> holds(
            RelationshipRule rule, RelationshipFacts facts, AccessProfile profile, PersonDetails person, Instant now) {
        return switch (rule.kind()) {
            case REGISTERED_PRACTICE -> registered(rule, profile, person);
            case ORGANISATION_ITEM -> facts.candidatesOf(rule.id()).stream()
                    .filter(item -> counts(rule, profile, item, now))
                    .findFirst()
                    .map(item -> new CareRelationship(
                            rule.reason(),
                            rule.id(),
                            rule.code(),
                            rule.description() + ", " + name(facts.organisationName(), profile)
                                    + (rule.requiredDetail() == null
                                            ? ""
                                            : ": " + item.requiredDetail().strip())
                                    + ", " + DATE.format(item.at().atZone(UK)),
                            item.category() + " of " + profile.organisationOdsCode() + " within " + rule.lookBackDays()
                                    + " days back, " + rule.lookAheadDays() + " ahead"));
        };
    }

    private static Optional<CareRelationship> registered(
            RelationshipRule rule, AccessProfile profile, PersonDetails person) {
        if (person == null
                || person.gpPracticeOds() == null
                || !person.gpPracticeOds().strip().equalsIgnoreCase(profile.organisationOdsCode())) {
            return Optional.empty();
        }
        String practice = person.gpPracticeName() == null ? profile.organisationOdsCode() : person.gpPracticeName();
        return Optional.of(new CareRelationship(
                rule.reason(),
                rule.id(),
                rule.code(),
                rule.description() + ", " + practice,
                "registered at " + profile.organisationOdsCode()));
    }

    /** Whether one item of the reader's organisation counts for an item rule at {@code now}. */
    static boolean counts(RelationshipRule rule, AccessProfile profile, RelationshipCandidate item, Instant now) {
        if (rule.kind() != RelationshipKind.ORGANISATION_ITEM
                || item.organisationId() != profile.organisationId()
                || !rule.categories().contains(item.category())) {
            return false;
        }
        String status = RelationshipRule.normalised(item.status());
        if (status != null && rule.excludedStatuses().contains(status)) {
            return false;
        }
        if (rule.requiredDetail() != null
                && (item.requiredDetail() == null || item.requiredDetail().isBlank())) {
            return false;
        }
        Instant earliest = now.minus(Duration.ofDays(rule.lookBackDays()));
        Instant latest = now.plus(Duration.ofDays(rule.lookAheadDays()));
        return !item.at().isBefore(earliest) && !item.at().isAfter(latest);
    }

    private static String name(String organisationName, AccessProfile profile) {
        return organisationName == null || organisationName.isBlank()
                ? profile.organisationOdsCode()
                : organisationName;
    }
}
