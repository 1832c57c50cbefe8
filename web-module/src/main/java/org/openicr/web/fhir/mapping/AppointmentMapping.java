package org.openicr.web.fhir.mapping;

import java.util.Date;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;

/**
 * APPOINTMENTS as UKCore-Appointment (docs/fhir.md). The patient is always a participant (app-2
 * needs one); start and end are both given or neither (app-3): an appointment whose end the record
 * does not hold ends when it starts. A withheld one is proposed (the only status without times
 * that claims nothing else), its code masked.
 */
public final class AppointmentMapping {

    private AppointmentMapping() {}

    public static Appointment map(ItemView item, long patientId) {
        Appointment appointment = Items.common(new Appointment(), item, "Appointment");
        if (item.withheld()) {
            // Status is required and has no "unknown": proposed, the one that claims no time (app-3),
            // the patient's participation needs-action; the content is masked, the resource restricted.
            appointment.setStatus(AppointmentStatus.PROPOSED);
            appointment.addParticipant().setActor(Items.subject(patientId)).setStatus(ParticipationStatus.NEEDSACTION);
            appointment.addServiceType(Items.code(item));
            return appointment;
        }
        AppointmentStatus status = status(item.status());
        appointment.setStatus(status == null ? AppointmentStatus.BOOKED : status);
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

    /**
     * The source's status (HL7 v2 SIU's in words, or FHIR's own), or null when it is none of FHIR's
     * (served as booked: an appointment the record holds without a status was booked, as the SIU
     * mapping reads a filler status it does not know).
     */
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
