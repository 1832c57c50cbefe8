package org.openicr.ingestion.boundary;

import java.io.Serializable;
import java.time.Instant;

/** What the administrator narrows the received messages by; null fields do not narrow. */
public record MessageFilter(String account, String status, String operation, Instant from, Instant to)
        implements Serializable {

    public static MessageFilter all() {
        return new MessageFilter(null, null, null, null, null);
    }
}
