package org.openicr.access.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a declared reason lasts, and what a justification must be. Configuration, not code: the
 * region sets it; {@link AccessDefaults#REASON_POLICY} is the starting point.
 *
 * @param reasonValidity how long an ordinary declaration lasts for that user and person
 * @param overrideValidity how long an override lasts: break glass, safeguarding access to an
 *     opted-out person, a broken seal. Shorter, so each later look is justified afresh
 * @param minimumJustificationLength characters a justification needs once surrounding spaces are
 *     trimmed and runs of spaces count as one
 */
public record ReasonPolicy(Duration reasonValidity, Duration overrideValidity, int minimumJustificationLength) {

    public ReasonPolicy {
        Objects.requireNonNull(reasonValidity, "The reason validity is required.");
        Objects.requireNonNull(overrideValidity, "The override validity is required.");
        if (reasonValidity.isNegative() || reasonValidity.isZero()) {
            throw new IllegalArgumentException("The reason validity must be positive.");
        }
        if (overrideValidity.isNegative() || overrideValidity.isZero()) {
            throw new IllegalArgumentException("The override validity must be positive.");
        }
        if (minimumJustificationLength < 1) {
            throw new IllegalArgumentException("A justification must need at least one character.");
        }
    }

    /** Whether something started at {@code start} and lasting {@code validity} still holds at {@code now}. */
    public static boolean holds(Instant start, Duration validity, Instant now) {
        return !now.isBefore(start) && now.isBefore(start.plus(validity));
    }

    /** Whether the text is a justification a privacy officer can review, not a placeholder. */
    public boolean isSufficient(String justification) {
        if (justification == null) {
            return false;
        }
        return justification.strip().replaceAll("\\s+", " ").length() >= minimumJustificationLength;
    }
}
