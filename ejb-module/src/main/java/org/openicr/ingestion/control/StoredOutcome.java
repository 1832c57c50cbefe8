package org.openicr.ingestion.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;

/**
 * The answer a message got, kept with it so that a repeat of its message id gets the same answer.
 * Stored as JSON in {@code inbound_message.outcome}.
 */
public record StoredOutcome(String outcome, Long personReference, List<StoredItem> items, List<String> reasons) {

    /**
     * One item's answer; {@code faultCode} and {@code reason} are null when it was applied as sent
     * (and in answers stored before issue 21, which had neither).
     */
    public record StoredItem(String sourceKey, String outcome, String faultCode, String reason) {}

    private static final Jsonb JSON = JsonbBuilder.create();

    public String toJson() {
        return JSON.toJson(this);
    }

    public static StoredOutcome fromJson(String json) {
        return JSON.fromJson(json, StoredOutcome.class);
    }

    public static List<StoredItem> items(List<ItemStore.ItemResult> results) {
        return results.stream()
                .map(r -> new StoredItem(r.sourceKey(), r.outcome().name(), r.faultCode(), r.reason()))
                .toList();
    }
}
