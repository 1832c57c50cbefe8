package org.openicr.access.entity;

import java.util.Objects;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.Sensitivity;

/** The facts about one record item that decide whether a scope shows it: its id only for broken seals. */
public record ItemFacts(long itemId, Category category, long sourceOrganisationId, Sensitivity sensitivity) {

    public ItemFacts {
        Objects.requireNonNull(category, "A category is required.");
        sensitivity = sensitivity == null ? Sensitivity.NORMAL : sensitivity;
    }
}
