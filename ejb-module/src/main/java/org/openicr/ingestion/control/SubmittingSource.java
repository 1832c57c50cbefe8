package org.openicr.ingestion.control;

import org.openicr.directory.entity.SourceSystem;

/**
 * What processing needs to know of the source system a message came from: read with one plain SQL
 * query on the live path ({@link Sources#permittedFor}), or taken from the entity for a replay.
 */
public record SubmittingSource(long id, String code, long organisationId, String organisationOds) {

    public static SubmittingSource of(SourceSystem source) {
        return new SubmittingSource(
                source.getId(),
                source.getCode(),
                source.getOrganisation().getId(),
                source.getOrganisation().getOdsCode());
    }
}
