package org.openicr.access.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openicr.access.entity.RecordDecision;
import org.openicr.access.entity.RecordFacts;

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

    @Inject
    AccessFacts facts;

    private final Map<List<Long>, Reading> readings = new HashMap<>();

    /** This request's reading of {@code personId}'s record in role profile {@code roleProfileId}. */
    public Reading of(long roleProfileId, long personId) {
        return readings.computeIfAbsent(
                List.of(roleProfileId, personId), key -> new Reading(facts.reading(roleProfileId, personId)));
    }

    /** Forgets the pair's reading: the request changed its facts. */
    public void forget(long roleProfileId, long personId) {
        readings.remove(List.of(roleProfileId, personId));
    }

    /** The facts of one pair and, once asked for, the decision on them. */
    public static final class Reading {

        private final RecordFacts facts;
        private RecordDecision decision;

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
