package org.openicr.web.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;

/** MEDICATIONS as UKCore-MedicationStatement (docs/fhir.md). */
public final class MedicationMapping {

    private MedicationMapping() {}

    public static MedicationStatement map(ItemView item, long patientId) {
        MedicationStatement statement = Items.common(new MedicationStatement(), item, "MedicationStatement");
        statement.setSubject(Items.subject(patientId));
        statement.setMedication(Items.code(item));
        statement.setStatus(item.withheld() ? MedicationStatementStatus.UNKNOWN : status(item.status()));
        if (item.withheld()) {
            return statement;
        }
        statement.setEffective(Items.period(item));
        String dose = Items.join(item.detail(ItemDetail.DOSE), item.detail(ItemDetail.FREQUENCY));
        if (dose != null || item.detail(ItemDetail.ROUTE) != null) {
            Dosage dosage = statement.addDosage().setText(dose);
            if (item.detail(ItemDetail.ROUTE) != null) {
                dosage.setRoute(new CodeableConcept().setText(item.detail(ItemDetail.ROUTE)));
            }
        }
        statement.setInformationSource(Items.organisation(item.sourceOrganisation()));
        if (Items.note(item) != null) {
            statement.addNote().setText(Items.note(item));
        }
        return statement;
    }

    public static MedicationStatementStatus status(String status) {
        String s = Items.lower(status);
        if (s == null) {
            return MedicationStatementStatus.UNKNOWN;
        }
        return switch (s) {
            case "active", "current" -> MedicationStatementStatus.ACTIVE;
            case "stopped", "discontinued" -> MedicationStatementStatus.STOPPED;
            case "completed", "ended", "past" -> MedicationStatementStatus.COMPLETED;
            case "on-hold", "suspended" -> MedicationStatementStatus.ONHOLD;
            default -> MedicationStatementStatus.UNKNOWN;
        };
    }
}
