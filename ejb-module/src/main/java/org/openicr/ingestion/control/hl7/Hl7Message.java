package org.openicr.ingestion.control.hl7;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.openicr.vocabulary.IcrException;

/**
 * One parsed message while it is being mapped: its header, its segments in the order received (so
 * that an OBX belongs to the OBR before it, whatever the message structure says), and the reasons
 * gathered on the way.
 */
final class Hl7Message {

    private final Hl7Header header;
    private final List<Segment> segments;
    private final List<String> reasons = new ArrayList<>();
    private final SourceConventions conventions;

    Hl7Message(Hl7Header header, List<Segment> segments) {
        this(header, segments, SourceConventions.NONE);
    }

    Hl7Message(Hl7Header header, List<Segment> segments, SourceConventions conventions) {
        this.header = header;
        this.segments = List.copyOf(segments);
        this.conventions = conventions == null ? SourceConventions.NONE : conventions;
    }

    /** What the sending source's feed implies (configured per source). */
    SourceConventions conventions() {
        return conventions;
    }

    String messageType() {
        return header.messageType();
    }

    String triggerEvent() {
        return header.triggerEvent();
    }

    String controlId() {
        return header.controlId();
    }

    String sendingFacility() {
        return header.sendingFacility();
    }

    Instant messageTime() {
        return header.messageTime();
    }

    /**
     * The version of every item the message gives: its time in epoch milliseconds, so that a
     * message delivered late never overwrites what a newer one said.
     */
    long version() {
        return header.messageTime().toEpochMilli();
    }

    List<Segment> segments() {
        return segments;
    }

    <T extends Segment> List<T> all(Class<T> kind) {
        return segments.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends Segment> Optional<T> first(Class<T> kind) {
        return segments.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    /** The first segment of a kind the message cannot be mapped without. */
    <T extends Segment> T required(Class<T> kind, String why) {
        return first(kind)
                .orElseThrow(() -> reject(messageType() + " has no " + kind.getSimpleName() + " segment: " + why));
    }

    /** Records a reason the interface team should know; never with patient data in it. */
    void note(String reason) {
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
    }

    List<String> reasons() {
        return List.copyOf(reasons);
    }

    MessageRejected reject(String reason) {
        return new MessageRejected(reason);
    }

    /** A date/time field as an instant; a value that is there but unreadable is noted and ignored. */
    Instant time(Type field, String name) {
        String text = Values.text(field);
        if (text == null) {
            return null;
        }
        Optional<Instant> instant = Hl7Time.instant(text);
        if (instant.isEmpty()) {
            note(name + " is not a valid HL7 date/time: ignored");
        }
        return instant.orElse(null);
    }

    /** A date field (date of birth, date of death); unreadable values are noted and ignored. */
    LocalDate date(Type field, String name) {
        String text = Values.text(field);
        if (text == null) {
            return null;
        }
        Optional<LocalDate> date = Hl7Time.date(text);
        if (date.isEmpty()) {
            note(name + " is not a valid HL7 date: ignored");
        }
        return date.orElse(null);
    }

    /**
     * Builds a value object whose own rules may refuse it (an item, demographics), turning the
     * refusal into a rejection of the message that says what could not be built.
     */
    <T> T build(String what, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (IcrException e) {
            throw reject(what + " could not be built: " + e.reason());
        }
    }

    /** MAPPED when there is something to do, otherwise NOT_USED with the reasons why not. */
    Hl7Mapping result(PatientIdentity identity, List<Hl7Command> commands) {
        if (commands.isEmpty()) {
            if (reasons.isEmpty()) {
                note(messageType() + " gave nothing the shared care record can show");
            }
            return outcome(Hl7Outcome.NOT_USED, identity, List.of());
        }
        return outcome(Hl7Outcome.MAPPED, identity, commands);
    }

    Hl7Mapping notUsed(String reason) {
        note(reason);
        return outcome(Hl7Outcome.NOT_USED, null, List.of());
    }

    private Hl7Mapping outcome(Hl7Outcome outcome, PatientIdentity identity, List<Hl7Command> commands) {
        return new Hl7Mapping(
                header.messageType(),
                header.controlId(),
                header.sendingApplication(),
                header.sendingFacility(),
                header.messageTime(),
                outcome,
                reasons,
                identity,
                commands);
    }
}
