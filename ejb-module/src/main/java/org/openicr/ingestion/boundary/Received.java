package org.openicr.ingestion.boundary;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A message as it arrived over HTTP, before anything parsed it: its bytes (cut at the size limit
 * when it was larger), the size it declared or had, and when it arrived. It is written to the inbox
 * with what became of it: with its outcome when it is processed, or as refused.
 *
 * <p>{@code itemFaults}: the items of an {@code ItemBatch} whose values the contract's schema
 * refused for their length alone (index from 0, and the reason naming the field and its limit).
 * They are answered by the processor: each item on its own in a {@code partial} batch, else the
 * first of them refuses the batch as the schema check would have.
 */
public record Received(byte[] raw, int sizeBytes, Instant receivedAt, Map<Integer, String> itemFaults) {

    public Received {
        if (raw == null || receivedAt == null) {
            throw new IllegalArgumentException("raw and receivedAt are required");
        }
        itemFaults = itemFaults == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(itemFaults));
    }

    public Received(byte[] raw, int sizeBytes, Instant receivedAt) {
        this(raw, sizeBytes, receivedAt, Map.of());
    }
}
