package org.openicr.consent.boundary;

import java.io.Serializable;
import java.time.Instant;

/** One recorded opt-out or opt-in, as customer services' history shows it. */
public record OptOutEvent(boolean optedOut, String channel, String recordedBy, Instant recordedAt, String note)
        implements Serializable {}
