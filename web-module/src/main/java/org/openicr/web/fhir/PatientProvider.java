package org.openicr.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.openicr.patient.boundary.PatientSummary;
import org.openicr.record.boundary.ReasonStep;
import org.openicr.vocabulary.ErrorCode;

/**
 * The person (docs/fhir.md): search by NHS Number ({@link org.openicr.patient.boundary.PatientFinder#byNhsNumber},
 * a search, audited as one, needing no reason) and read by id (the person as the reason step's
 * banner shows them, audited as it). Both show the person as the access decision's listing does: an
 * opted-out person is refused (not available for viewing), a restricted person's address, telephone
 * and GP practice are left out.
 */
public class PatientProvider implements IResourceProvider {

    private final FhirReads reads;

    PatientProvider(FhirReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    @Search
    public Bundle byIdentifier(
            @RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier, RequestDetails request) {
        if (identifier.getSystem() != null
                && !identifier.getSystem().isBlank()
                && !FhirMapping.NHS_NUMBER_SYSTEM.equals(identifier.getSystem())) {
            throw FhirReads.invalid(
                    ErrorCode.INVALID_INPUT,
                    "Search by NHS Number: identifier=" + FhirMapping.NHS_NUMBER_SYSTEM + "|{number}.");
        }
        long roleProfileId = FhirReads.roleProfile(request);
        Optional<PatientSummary> found =
                reads.call(() -> reads.finder.byNhsNumber(roleProfileId, identifier.getValue()));
        List<Patient> page = found.map(p -> List.of(shown(p))).orElse(List.of());
        return FhirReads.searchset(request, page, page.size(), 0, Math.max(1, page.size()));
    }

    @Read
    public Patient read(@IdParam IdType id, RequestDetails request) {
        long personId;
        try {
            personId = id.getIdPartAsLong();
        } catch (NumberFormatException notAnId) {
            throw FhirReads.invalid(ErrorCode.INVALID_INPUT, "A patient id is a number.");
        }
        long roleProfileId = FhirReads.roleProfile(request);
        ReasonStep step = reads.call(() -> reads.record.reasonStep(roleProfileId, personId));
        if (step.patient() == null) {
            throw FhirReads.forbidden(
                    ErrorCode.NOT_PERMITTED,
                    step.refusal() == null ? "Your role profile does not read demographics." : step.refusal());
        }
        return shown(step.patient());
    }

    private static Patient shown(PatientSummary person) {
        if (!person.availableForViewing()) {
            throw FhirReads.forbidden(ErrorCode.NOT_PERMITTED, "This record is not available for viewing.");
        }
        return FhirMapping.patient(person);
    }
}
