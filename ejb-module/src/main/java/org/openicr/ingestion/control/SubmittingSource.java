package org.openicr.ingestion.control;

import java.util.Optional;
import java.util.function.Function;
import org.openicr.directory.entity.SourceSystem;
import org.openicr.ingestion.control.hl7.SourceConventions;
import org.openicr.vocabulary.NhsNumber;

/**
 * What processing needs to know of the source system a message came from: read with one plain SQL
 * query on the live path ({@link Sources#permittedFor}), or taken from the entity for a replay. On
 * the live path the same statement also looks up the person the message's NHS Number leads to
 * ({@code matched}), so that matching needs no round trip of its own; null when not looked up.
 */
public record SubmittingSource(
        long id,
        String code,
        long organisationId,
        String organisationOds,
        NhsNumberMatch matched,
        SourceConventions conventions) {

    public SubmittingSource {
        conventions = conventions == null ? SourceConventions.NONE : conventions;
    }

    /** A source whose HL7 v2 feed implies nothing ({@link SourceConventions#NONE}). */
    public SubmittingSource(long id, String code, long organisationId, String organisationOds, NhsNumberMatch matched) {
        this(id, code, organisationId, organisationOds, matched, SourceConventions.NONE);
    }

    /** The person an NHS Number led to when the source was read; {@code personId} null: nobody. */
    public record NhsNumberMatch(String nhsNumber, Long personId) {}

    public static SubmittingSource of(SourceSystem source) {
        return new SubmittingSource(
                source.getId(),
                source.getCode(),
                source.getOrganisation().getId(),
                source.getOrganisation().getOdsCode(),
                null,
                new SourceConventions(source.isHl7Obx3ImpliesLoinc()));
    }

    /** The person this NHS Number leads to: as looked up with the source, or else by {@code lookup}. */
    public Optional<Long> personByNhsNumber(NhsNumber nhsNumber, Function<NhsNumber, Optional<Long>> lookup) {
        if (matched != null && matched.nhsNumber().equals(nhsNumber.value())) {
            return Optional.ofNullable(matched.personId());
        }
        return lookup.apply(nhsNumber);
    }
}
