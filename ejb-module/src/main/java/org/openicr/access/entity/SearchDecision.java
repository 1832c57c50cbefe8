package org.openicr.access.entity;

import java.util.Objects;

/** The answer for a patient search: permitted with a search scope, or refused with a reason. */
public sealed interface SearchDecision permits SearchDecision.Permitted, SearchDecision.Refused {

    boolean isPermitted();

    /** The permit, or the refusal thrown as the domain's exception (audit the refusal first). */
    Permitted orElseThrow();

    record Permitted(SearchScope scope) implements SearchDecision {

        public Permitted {
            Objects.requireNonNull(scope, "A scope is required.");
        }

        @Override
        public boolean isPermitted() {
            return true;
        }

        @Override
        public Permitted orElseThrow() {
            return this;
        }
    }

    record Refused(Refusal refusal) implements SearchDecision {

        public Refused {
            Objects.requireNonNull(refusal, "A refusal is required.");
        }

        public RefusalCode code() {
            return refusal.code();
        }

        @Override
        public boolean isPermitted() {
            return false;
        }

        @Override
        public Permitted orElseThrow() {
            throw refusal.toException();
        }
    }
}
