package org.openicr.web.fhir.mapping;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Immunization.ImmunizationStatus;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;

/**
 * IMMUNISATIONS as UKCore-Immunization (docs/fhir.md): the vaccine as {@code vaccineCode}, when it
 * was given as {@code occurrenceDateTime}, lot, site, route, the giver and the place. The record's
 * status words (from HL7 RXA-20: completed, partially given, refused, not given) become FHIR's
 * completed or not-done ({@code statusReason} saying refused), partially given completed with
 * {@code isSubpotent}. Immunization requires a status and an occurrence: a withheld item is
 * {@code completed} (the record lists a vaccination; its details are withheld) with its occurrence
 * and vaccine masked; an item without a date has its occurrence marked unknown.
 */
public final class ImmunizationMapping {

    private ImmunizationMapping() {}

    public static Immunization map(ItemView item, long patientId) {
        Immunization immunization = Items.common(new Immunization(), item, "Immunization");
        immunization.setPatient(Items.subject(patientId));
        immunization.setVaccineCode(Items.code(item));
        if (item.withheld()) {
            immunization.setStatus(ImmunizationStatus.COMPLETED);
            immunization.setOccurrence(Items.masked(new DateTimeType()));
            return immunization;
        }
        String status = Items.lower(item.status());
        immunization.setStatus(status(status));
        if ("refused".equals(status)) {
            immunization.setStatusReason(Items.text("Refused"));
        }
        if ("partially given".equals(status)) {
            immunization.setIsSubpotent(true);
        }
        immunization.setOccurrence(
                item.effectiveAt() == null
                        ? Items.absent(new DateTimeType(), "unknown")
                        : Items.dateTime(item.effectiveAt()));
        immunization.setLotNumber(item.detail(ItemDetail.LOT_NUMBER));
        if (item.detail(ItemDetail.SITE) != null) {
            immunization.setSite(Items.text(item.detail(ItemDetail.SITE)));
        }
        if (item.detail(ItemDetail.ROUTE) != null) {
            immunization.setRoute(Items.text(item.detail(ItemDetail.ROUTE)));
        }
        if (item.detail(ItemDetail.CLINICIAN) != null) {
            immunization.addPerformer().setActor(Items.named("Practitioner", item.detail(ItemDetail.CLINICIAN)));
        }
        immunization.setLocation(Items.named("Location", item.detail(ItemDetail.LOCATION)));
        if (item.detail(ItemDetail.DOSE) != null) {
            immunization.addNote().setText("Dose: " + item.detail(ItemDetail.DOSE));
        }
        if (Items.note(item) != null) {
            immunization.addNote().setText(Items.note(item));
        }
        return immunization;
    }

    /** The record's status words as Immunization.status: not-done when it was not given, else completed. */
    public static ImmunizationStatus status(String status) {
        if (status == null) {
            return ImmunizationStatus.COMPLETED;
        }
        return switch (status) {
            case "refused", "not given", "not-done", "not done" -> ImmunizationStatus.NOTDONE;
            case "entered-in-error" -> ImmunizationStatus.ENTEREDINERROR;
            default -> ImmunizationStatus.COMPLETED;
        };
    }
}
