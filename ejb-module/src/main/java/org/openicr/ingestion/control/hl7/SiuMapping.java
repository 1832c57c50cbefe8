package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.firstOf;
import static org.openicr.ingestion.control.hl7.Values.text;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v28.datatype.CWE;
import ca.uhn.hl7v2.model.v28.datatype.FT;
import ca.uhn.hl7v2.model.v28.segment.AIL;
import ca.uhn.hl7v2.model.v28.segment.AIP;
import ca.uhn.hl7v2.model.v28.segment.AIS;
import ca.uhn.hl7v2.model.v28.segment.NTE;
import ca.uhn.hl7v2.model.v28.segment.PID;
import ca.uhn.hl7v2.model.v28.segment.SCH;
import ca.uhn.hl7v2.model.v28.segment.TQ1;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ItemDetail;

/**
 * SIU: appointments, one APPOINTMENTS item per appointment keyed by the scheduling system's id
 * (SCH-2 filler appointment id, else SCH-1 placer id).
 *
 * <p>Booking, rescheduling and changes (S12, S13, S14) keep the item up to date. A cancelled,
 * discontinued or missed appointment (S15, S16, S26) stays in view with that status, because
 * clinicians need to see that a patient did not attend or that a clinic was cancelled; only a
 * deletion (S17: the booking was a mistake) withdraws it. Other SIU events (S18-S25 resource and
 * waiting-list events) are not used.
 */
final class SiuMapping {

    private SiuMapping() {}

    static Hl7Mapping appointments(Hl7Message message) {
        PID pid = message.required(PID.class, "the appointment cannot be attached to a person");
        PatientIdentity identity = PersonMapping.identity(message, pid);
        SCH sch = message.required(SCH.class, "it is the segment that describes the appointment");
        String id = firstOf(text(sch.getFillerAppointmentID()), text(sch.getPlacerAppointmentID()));
        if (id == null) {
            throw message.reject("SIU has no appointment id in SCH-2 (filler) or SCH-1 (placer): without it the"
                    + " appointment cannot be kept up to date");
        }
        String key = "appointment/" + id;
        List<Hl7Command> commands = new ArrayList<>();
        if (message.triggerEvent().equals("S17")) {
            commands.add(new Hl7Command.CancelItem(
                    Category.APPOINTMENTS, key, "appointment deleted by the source (SIU^S17)"));
        } else {
            commands.add(new Hl7Command.UpsertItem(item(message, sch, key), null));
        }
        return message.result(identity, commands);
    }

    private static ItemSubmission item(Hl7Message message, SCH sch, String key) {
        Optional<TQ1> tq1 = message.first(TQ1.class);
        Optional<AIS> ais = message.first(AIS.class);
        Optional<AIL> ail = message.first(AIL.class);
        Optional<AIP> aip = message.first(AIP.class);
        Instant start = firstOf(
                tq1.map(t -> message.time(t.getStartDateTime(), "TQ1-7 start date/time"))
                        .orElse(null),
                ais.map(a -> message.time(a.getStartDateTime(), "AIS-4 start date/time"))
                        .orElse(null),
                ail.map(a -> message.time(a.getStartDateTime(), "AIL-6 start date/time"))
                        .orElse(null),
                aip.map(a -> message.time(a.getStartDateTime(), "AIP-6 start date/time"))
                        .orElse(null));
        if (start == null) {
            message.note("the appointment has no start time (TQ1-7, AIS-4, AIL-6 or AIP-6)");
        }
        Instant end = tq1.map(t -> message.time(t.getEndDateTime(), "TQ1-8 end date/time"))
                .orElse(null);
        if (end != null && start != null && end.isBefore(start)) {
            message.note("TQ1-8 end is before the start: ignored");
            end = null;
        }
        CWE service = ais.map(AIS::getUniversalServiceIdentifier).orElse(null);
        CodedConcept code = firstOf(
                service == null ? null : Codes.concept(service).orElse(null),
                Codes.concept(sch.getAppointmentReason()).orElse(null));
        String text = firstOf(
                service == null ? null : Codes.display(service),
                Codes.display(sch.getAppointmentReason()),
                Codes.display(sch.getAppointmentType()),
                "Appointment");
        String notes = notes(message);
        Map<String, String> details = new LinkedHashMap<>();
        Values.detail(
                details,
                ItemDetail.LOCATION,
                firstOf(
                        ail.map(a -> a.getLocationResourceID().length == 0
                                        ? null
                                        : Values.location(a.getLocationResourceID(0)))
                                .orElse(null),
                        Values.location(sch.getFillerContactLocation())));
        Values.detail(
                details,
                ItemDetail.CLINICIAN,
                aip.map(a -> Values.person(a.getPersonnelResourceID())).orElse(null));
        Values.detail(
                details,
                ItemDetail.SPECIALTY,
                aip.map(a -> Codes.display(a.getResourceType())).orElse(null));
        Values.detail(
                details,
                ItemDetail.PRIORITY,
                tq1.map(t -> t.getPriority().length == 0 ? null : priority(Codes.display(t.getPriority(0))))
                        .orElse(null));
        String status = status(message.triggerEvent(), text(sch.getFillerStatusCode()));
        Instant endAt = end;
        String shown = notes == null ? text : text + "\n" + notes;
        return message.build(
                "the appointment",
                () -> new ItemSubmission(
                        Category.APPOINTMENTS,
                        key,
                        message.version(),
                        start,
                        endAt,
                        message.messageTime(),
                        status,
                        code,
                        shown,
                        null,
                        details));
    }

    /** The notes that follow the schedule (NTE before the patient), not those about resources. */
    private static String notes(Hl7Message message) {
        List<String> lines = new ArrayList<>();
        boolean inSchedule = false;
        for (Segment segment : message.segments()) {
            if (segment instanceof SCH) {
                inSchedule = true;
            } else if (segment instanceof NTE nte && inSchedule) {
                for (FT comment : nte.getComment()) {
                    String line = Values.formattedText(text(comment));
                    if (line != null && !line.isBlank()) {
                        lines.add(line.strip());
                    }
                }
            } else if (!(segment instanceof TQ1)) {
                inSchedule = false;
            }
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /**
     * The appointment's status: the event says it for cancellations and missed appointments;
     * otherwise SCH-25 filler status (HL7 table 0278), booked when not given.
     */
    static String status(String event, String fillerStatus) {
        switch (event) {
            case "S15":
                return "cancelled";
            case "S16":
                return "discontinued";
            case "S26":
                return "did not attend";
            default:
                break;
        }
        if (fillerStatus == null) {
            return "booked";
        }
        return switch (fillerStatus.strip().toUpperCase(Locale.ROOT)) {
            case "PENDING", "WAITLIST", "WAITLISTED" -> "pending";
            case "BOOKED", "OVERBOOK" -> "booked";
            case "STARTED" -> "in progress";
            case "COMPLETE", "COMPLETED" -> "completed";
            case "CANCELLED", "CANCELED" -> "cancelled";
            case "DC", "DISCONTINUED" -> "discontinued";
            case "NOSHOW", "NO SHOW", "NO-SHOW" -> "did not attend";
            default -> "booked";
        };
    }

    /** TQ1-9 priority (HL7 table 0485) in words. */
    static String priority(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip().toUpperCase(Locale.ROOT)) {
            case "S" -> "immediate";
            case "A" -> "as soon as possible";
            case "R" -> "routine";
            case "P" -> "pre-operative";
            case "C" -> "callback";
            case "T" -> "timing critical";
            case "PRN" -> "as needed";
            default -> code.strip();
        };
    }
}
