package org.openicr.web.fhir;

import java.time.Instant;
import java.util.Map;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.openicr.patient.boundary.PatientSummary;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.Category;
import org.openicr.web.fhir.mapping.AllergyMapping;
import org.openicr.web.fhir.mapping.AppointmentMapping;
import org.openicr.web.fhir.mapping.ConditionMapping;
import org.openicr.web.fhir.mapping.DocumentReferenceMapping;
import org.openicr.web.fhir.mapping.EncounterMapping;
import org.openicr.web.fhir.mapping.EpisodeOfCareMapping;
import org.openicr.web.fhir.mapping.FlagMapping;
import org.openicr.web.fhir.mapping.ImmunizationMapping;
import org.openicr.web.fhir.mapping.Items;
import org.openicr.web.fhir.mapping.MedicationMapping;
import org.openicr.web.fhir.mapping.ObservationMapping;
import org.openicr.web.fhir.mapping.PatientMapping;
import org.openicr.web.fhir.mapping.ProcedureMapping;
import org.openicr.web.fhir.mapping.ServiceRequestMapping;

/**
 * The record as FHIR R4 resources profiled on UK Core (issue 20, docs/fhir.md): which mapping serves
 * which category. Each category has one pure mapping class in {@code fhir.mapping} (the boundary's
 * views in, HAPI's model out), sharing {@link Items} (meta, subject, code, the withheld form). What
 * an item does not hold is left out, never made up; a withheld (sealed) item carries nothing but its
 * id, subject and source, its content marked masked (data-absent-reason), as the page shows it
 * withheld. Results are also grouped into reports (DiagnosticReport, {@code DiagnosticReportProvider}).
 */
public final class FhirMapping {

    public static final String NHS_NUMBER_SYSTEM = Items.NHS_NUMBER_SYSTEM;
    public static final String ODS_SYSTEM = Items.ODS_SYSTEM;

    private FhirMapping() {}

    /** The FHIR resource type of each category served as one resource per item. */
    public static final Map<Category, String> RESOURCE_TYPES = Map.ofEntries(
            Map.entry(Category.ALLERGIES, "AllergyIntolerance"),
            Map.entry(Category.PROBLEMS, "Condition"),
            Map.entry(Category.MEDICATIONS, "MedicationStatement"),
            Map.entry(Category.RESULTS, "Observation"),
            Map.entry(Category.PROCEDURES, "Procedure"),
            Map.entry(Category.ENCOUNTERS, "Encounter"),
            Map.entry(Category.APPOINTMENTS, "Appointment"),
            Map.entry(Category.REFERRALS, "ServiceRequest"),
            Map.entry(Category.SAFEGUARDING, "Flag"),
            Map.entry(Category.SOCIAL_CARE, "EpisodeOfCare"),
            Map.entry(Category.DOCUMENTS, "DocumentReference"),
            Map.entry(Category.IMMUNISATIONS, "Immunization"));

    /** A person as UKCore-Patient ({@link PatientMapping}). */
    public static Patient patient(PatientSummary p) {
        return PatientMapping.map(p);
    }

    /**
     * An item of a served category as its resource, with {@code meta.lastUpdated} and its source's
     * ODS code in {@code meta.source} (either may be null: left out).
     */
    public static Resource item(ItemView item, long patientId, Instant lastUpdated, String sourceOds) {
        return Items.provenance(item(item, patientId), lastUpdated, sourceOds);
    }

    /** An item of a served category as its resource; {@code patientId} is the subject's id. */
    public static Resource item(ItemView item, long patientId) {
        return switch (item.category()) {
            case ALLERGIES -> AllergyMapping.map(item, patientId);
            case PROBLEMS -> ConditionMapping.map(item, patientId);
            case MEDICATIONS -> MedicationMapping.map(item, patientId);
            case RESULTS -> ObservationMapping.map(item, patientId);
            case PROCEDURES -> ProcedureMapping.map(item, patientId);
            case ENCOUNTERS -> EncounterMapping.map(item, patientId);
            case APPOINTMENTS -> AppointmentMapping.map(item, patientId);
            case REFERRALS -> ServiceRequestMapping.map(item, patientId);
            case SAFEGUARDING -> FlagMapping.map(item, patientId);
            case SOCIAL_CARE -> EpisodeOfCareMapping.map(item, patientId, Instant.now());
            case DOCUMENTS -> DocumentReferenceMapping.map(item, patientId);
            case IMMUNISATIONS -> ImmunizationMapping.map(item, patientId);
            default -> throw new IllegalArgumentException("Not served as FHIR: " + item.category());
        };
    }
}
