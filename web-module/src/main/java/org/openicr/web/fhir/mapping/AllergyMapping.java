package org.openicr.web.fhir.mapping;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;

/** ALLERGIES as UKCore-AllergyIntolerance (docs/fhir.md). */
public final class AllergyMapping {

    static final String CLINICAL_SYSTEM = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";

    private AllergyMapping() {}

    public static AllergyIntolerance map(ItemView item, long patientId) {
        AllergyIntolerance allergy = Items.common(new AllergyIntolerance(), item, "AllergyIntolerance");
        allergy.setPatient(Items.subject(patientId));
        allergy.setCode(Items.code(item));
        if (item.withheld()) {
            return allergy;
        }
        String status = Items.lower(item.status());
        if ("resolved".equals(status) || "inactive".equals(status)) {
            allergy.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL_SYSTEM, status, null)));
        } else if ("active".equals(status)) {
            allergy.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL_SYSTEM, "active", "Active")));
        }
        allergy.setOnset(Items.dateTime(item.effectiveAt()));
        String reaction = item.detail(ItemDetail.REACTION);
        String severity = Items.lower(item.detail(ItemDetail.SEVERITY));
        if (reaction != null || severity != null) {
            AllergyIntolerance.AllergyIntoleranceReactionComponent r = allergy.addReaction();
            r.addManifestation(new CodeableConcept().setText(reaction == null ? "Not recorded" : reaction));
            if ("mild".equals(severity) || "moderate".equals(severity) || "severe".equals(severity)) {
                r.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.fromCode(severity));
            }
        }
        if (Items.note(item) != null) {
            allergy.addNote().setText(Items.note(item));
        }
        return allergy;
    }
}
