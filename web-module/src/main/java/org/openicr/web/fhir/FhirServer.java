package org.openicr.web.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.openicr.audit.boundary.RecordAnswerGate;
import org.openicr.patient.boundary.PatientFinder;
import org.openicr.record.boundary.CareRecord;
import org.openicr.vocabulary.Category;

/**
 * The record as FHIR R4 (issue 20, docs/fhir.md): HAPI FHIR's plain server at {@code /openicr/fhir},
 * declared in web.xml. No store of its own: every read goes through the boundaries the pages use
 * ({@link CareRecord}, {@link PatientFinder}), so the one access decision and the audit apply, and
 * no answer leaves before its audit events committed ({@link RecordAnswerGate}). The
 * CapabilityStatement is HAPI's, made from the providers registered here: it lists exactly what they
 * serve.
 */
public class FhirServer extends RestfulServer {

    private static final long serialVersionUID = 1L;

    /** The system of the project's stable error codes ({@code ErrorCode}) in an OperationOutcome's details. */
    public static final String ERROR_CODE_SYSTEM = "https://openicr.org/fhir/CodeSystem/error-code";

    @EJB
    transient CareRecord record;

    @EJB
    transient PatientFinder finder;

    @Inject
    transient RecordAnswerGate gate;

    public FhirServer() {
        super(FhirContext.forR4Cached());
    }

    @Override
    protected void initialize() {
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setServerName("OpenICR");
        setImplementationDescription("OpenICR shared care record: the record as FHIR R4 (UK Core), read only");
        registerInterceptor(new CapabilityHook());
        registerInterceptor(new HapiRefusals());
        FhirReads reads = new FhirReads(record, finder, gate);
        registerProviders(
                new PatientProvider(reads),
                new CategoryProvider(org.hl7.fhir.r4.model.AllergyIntolerance.class, Category.ALLERGIES, reads),
                new CategoryProvider(org.hl7.fhir.r4.model.Condition.class, Category.PROBLEMS, reads),
                new CategoryProvider(org.hl7.fhir.r4.model.MedicationStatement.class, Category.MEDICATIONS, reads),
                new CategoryProvider(org.hl7.fhir.r4.model.Observation.class, Category.RESULTS, reads),
                new CategoryProvider(org.hl7.fhir.r4.model.Procedure.class, Category.PROCEDURES, reads),
                new CategoryProvider(org.hl7.fhir.r4.model.Encounter.class, Category.ENCOUNTERS, reads),
                new CategoryProvider(org.hl7.fhir.r4.model.Appointment.class, Category.APPOINTMENTS, reads),
                new CategoryProvider(org.hl7.fhir.r4.model.ServiceRequest.class, Category.REFERRALS, reads),
                new CategoryProvider(org.hl7.fhir.r4.model.Flag.class, Category.SAFEGUARDING, reads),
                new CategoryProvider(org.hl7.fhir.r4.model.EpisodeOfCare.class, Category.SOCIAL_CARE, reads),
                new CategoryProvider(org.hl7.fhir.r4.model.DocumentReference.class, Category.DOCUMENTS, reads),
                new CategoryProvider(org.hl7.fhir.r4.model.Immunization.class, Category.IMMUNISATIONS, reads),
                new DiagnosticReportProvider(reads),
                new BinaryProvider(reads));
    }
}
