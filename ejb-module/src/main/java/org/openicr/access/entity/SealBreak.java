package org.openicr.access.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A reader's broken seal on one withheld item of a person ("break the seal"), with their
 * justification. It lasts the short override period; after that the envelope closes again.
 */
public record SealBreak(long itemId, String justification, Instant brokenAt) {

    public SealBreak {
        Objects.requireNonNull(brokenAt, "The time the seal was broken is required.");
    }
}
