package org.openicr.web.fhir.mapping;

import java.util.Date;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.Enumeration;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;

/**
 * APPOINTMENTS as UKCore-Appointment (docs/fhir.md). The patient is always a participant (app-2
 * needs one); start and end are both given or neither (app-3): an appointment whose end the record
 * does not hold ends when it starts.
 */
public final class AppointmentMapping {

    private AppointmentMapping() {}

    public static Appointment map(ItemView item, long patientId) {
        Appointment appointment = Items.common(new Appointment(), item, "Appointment");
        if (item.withheld()) {
            masked(appointment.getStatusElement());
            masked(appointment
                    .addParticipant()
                    .setActor(Items.subject(patientId))
                    .getStatusElement());
            appointment.addServiceType(Items.code(item));
            return appointment;
        }
        AppointmentStatus status = status(item.status());
        if (status == null) {
            Items.absent(appointment.getStatusElement(), "unknown");
        } else {
            appointment.setStatus(status);
        }
        appointment.addServiceType(Items.code(item));
        appointment.setDescription(item.title());
        if (item.detail(ItemDetail.SPECIALTY) != null) {
            appointment.addSpecialty(Items.text(item.detail(ItemDetail.SPECIALTY)));
        }
        if (item.effectiveAt() != null) {
            appointment.setStart(Date.from(item.effectiveAt()));
            appointment.setEnd(Date.from(item.effectiveEnd() != null ? item.effectiveEnd() : item.effectiveAt()));
        }
        appointment.addParticipant().setActor(Items.subject(patientId)).setStatus(ParticipationStatus.ACCEPTED);
        if (item.detail(ItemDetail.CLINICIAN) != null) {
            appointment
                    .addParticipant()
                    .setActor(Items.named("Practitioner", item.detail(ItemDetail.CLINICIAN)))
                    .setStatus(ParticipationStatus.ACCEPTED);
        }
        if (item.detail(ItemDetail.LOCATION) != null) {
            appointment
                    .addParticipant()
                    .setActor(Items.named("Location", item.detail(ItemDetail.LOCATION)))
                    .setStatus(ParticipationStatus.ACCEPTED);
        }
        appointment.setComment(Items.note(item));
        return appointment;
    }

    private static void masked(Enumeration<?> status) {
        Items.masked(status);
    }

    /** The source's status (HL7 v2 SIU's in words, or FHIR's own), or null when it is none of FHIR's. */
    public static AppointmentStatus status(String status) {
        String s = Items.lower(status);
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "booked", "confirmed", "scheduled" -> AppointmentStatus.BOOKED;
            case "proposed" -> AppointmentStatus.PROPOSED;
            case "pending" -> AppointmentStatus.PENDING;
            case "arrived", "in progress", "in-progress" -> AppointmentStatus.ARRIVED;
            case "checked-in" -> AppointmentStatus.CHECKEDIN;
            case "fulfilled", "attended", "completed", "finished" -> AppointmentStatus.FULFILLED;
            case "cancelled", "discontinued" -> AppointmentStatus.CANCELLED;
            case "noshow", "no-show", "did not attend", "did-not-attend", "dna" -> AppointmentStatus.NOSHOW;
            case "waitlist" -> AppointmentStatus.WAITLIST;
            default -> null;
        };
    }
}
