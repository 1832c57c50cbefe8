package org.openicr.access.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's request to open sealed items of one person ("break the seal"), with their justification.
 * It lasts the short override period; after that the envelopes close again.
 */
public record SealBreak(String justification, Instant brokenAt) {

    public SealBreak {
        Objects.requireNonNull(brokenAt, "The time the seal was broken is required.");
    }
}
