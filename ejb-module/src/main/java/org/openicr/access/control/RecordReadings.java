package org.openicr.access.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openicr.access.entity.AccessProfile;
import org.openicr.access.entity.CareRelationship;
import org.openicr.access.entity.RecordDecision;
import org.openicr.access.entity.RecordFacts;
import org.openicr.access.entity.RelationshipFacts;
import org.openicr.vocabulary.LegitimateReason;

/**
 * One decision per request: the facts of a (role profile, person) pair are read once, by one
 * statement, and decided once, then every read of the same request (the record's opening, its
 * category pages, the timeline, a trend, a document, the seal page) uses that one reading. A
 * request that changes the facts (a reason declared, a seal broken) forgets the pair, so a later
 * read in it reads and decides again.
 *
 * <p>Request-scoped: CDI's request context is active for an EJB call on a servlet thread (JSF, the
 * document servlet, SOAP) and for timer and asynchronous calls, each its own request.
 */
@RequestScoped
public class RecordReadings {

    private static final AccessDecision DECISION = new AccessDecision();

    private static final CareRelationships RELATIONSHIPS = new CareRelationships();

    @Inject
    AccessFacts facts;

    private final Map<List<Long>, Reading> readings = new HashMap<>();

    /** This request's reading of {@code personId}'s record in role profile {@code roleProfileId}. */
    public Reading of(long roleProfileId, long personId) {
        return readings.computeIfAbsent(
                List.of(roleProfileId, personId), key -> new Reading(facts.reading(roleProfileId, personId)));
    }

    /**
     * The care relationship the record shows between the profile and the person, if any, for a
     * reader offered {@code offered} (docs/care-relationships.md): one statement
     * ({@link AccessFacts#relationships}), read once per request and pair. None for a missing
     * profile or person, or when nothing is offered.
     */
    public Optional<CareRelationship> relationship(long roleProfileId, long personId, Set<LegitimateReason> offered) {
        Reading reading = of(roleProfileId, personId);
        RecordFacts read = reading.facts();
        if (offered.isEmpty() || read.profile().isEmpty() || read.details().isEmpty()) {
            return Optional.empty();
        }
        AccessProfile profile = read.profile().get().access();
        if (reading.relationships == null) {
            reading.relationships = facts.relationships(personId, profile.organisationId());
        }
        return RELATIONSHIPS.infer(
                reading.relationships, profile, read.details().get(), offered, Instant.now());
    }

    /** Forgets the pair's reading: the request changed its facts. */
    public void forget(long roleProfileId, long personId) {
        readings.remove(List.of(roleProfileId, personId));
    }

    /** The facts of one pair and, once asked for, the decision on them. */
    public static final class Reading {

        private final RecordFacts facts;
        private RecordDecision decision;
        private RelationshipFacts relationships;

        Reading(RecordFacts facts) {
            this.facts = facts;
        }

        public RecordFacts facts() {
            return facts;
        }

        /**
         * The access decision on the stored facts, made once (the profile must have been checked
         * and the person found first).
         */
        public RecordDecision decision() {
            if (decision == null) {
                decision = DECISION.decideRecord(facts.request(Instant.now()));
            }
            return decision;
        }
    }
}
