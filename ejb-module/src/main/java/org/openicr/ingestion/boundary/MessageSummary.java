package org.openicr.ingestion.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A received message as the administrators' list shows it (no content, no patient data). */
public record MessageSummary(
        long id,
        Instant receivedAt,
        String account,
        String operation,
        String messageId,
        String status,
        String errorCode,
        String errorReason,
        Long personReference,
        Integer itemCount,
        int sizeBytes,
        int replays,
        String door)
        implements Serializable {

    public boolean isReplayable() {
        return MessageAdministration.REPLAYABLE.contains(status);
    }
}
