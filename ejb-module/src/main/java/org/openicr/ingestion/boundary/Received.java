package org.openicr.ingestion.boundary;

import java.time.Instant;

/**
 * A message as it arrived over HTTP, before anything parsed it: its bytes (cut at the size limit
 * when it was larger), the size it declared or had, and when it arrived. It is written to the inbox
 * with what became of it: with its outcome when it is processed, or as refused.
 */
public record Received(byte[] raw, int sizeBytes, Instant receivedAt) {

    public Received {
        if (raw == null || receivedAt == null) {
            throw new IllegalArgumentException("raw and receivedAt are required");
        }
    }
}
