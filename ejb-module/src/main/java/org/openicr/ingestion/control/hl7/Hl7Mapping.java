package org.openicr.ingestion.control.hl7;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one HL7 v2 message: what it was (type, control id, sender, time), what became of it
 * and why, who it is about, and the commands for the record. {@code reasons} are written for the
 * interface team and carry no patient data, so they may be logged and returned in acknowledgements.
 * Header fields are null when the message could not be read that far.
 */
public record Hl7Mapping(
        String messageType,
        String controlId,
        String sendingApplication,
        String sendingFacility,
        Instant messageTime,
        Hl7Outcome outcome,
        List<String> reasons,
        PatientIdentity identity,
        List<Hl7Command> commands) {

    public Hl7Mapping {
        Objects.requireNonNull(outcome, "An outcome is required.");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    /** The commands of one kind, in order. */
    public <T extends Hl7Command> List<T> commands(Class<T> kind) {
        return commands.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
