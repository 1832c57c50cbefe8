package org.openicr.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.openicr.patient.boundary.PatientSummary;
import org.openicr.record.boundary.CareRecord;
import org.openicr.record.boundary.ReasonStep;
import org.openicr.vocabulary.Category;
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
        return FhirReads.searchset(request, page, List.of(), page.size(), null, Math.max(1, page.size()));
    }

    @Read
    public Patient read(@IdParam IdType id, RequestDetails request) {
        long personId = personId(id);
        long roleProfileId = FhirReads.roleProfile(request);
        ReasonStep step = reads.call(() -> reads.record.reasonStep(roleProfileId, personId));
        if (step.patient() == null) {
            throw FhirReads.forbidden(
                    ErrorCode.NOT_PERMITTED,
                    step.refusal() == null ? "Your role profile does not read demographics." : step.refusal());
        }
        return shown(step.patient());
    }

    /**
     * {@code Patient/{id}/$everything} (docs/fhir.md): the Patient (as {@link #read} answers it, on the
     * first page) and the items of every category resource type this server registers that the reader
     * may see, newest first, paged by {@code _count} and the next link's token; hidden categories are
     * absent and not counted, sealed items withheld as in a search. The items are read first (one
     * audited read naming the categories; a refused record is refused before the Patient is read).
     */
    @Operation(name = "$everything", idempotent = true)
    public Bundle everything(
            @IdParam IdType id,
            @OperationParam(name = "_count") IntegerType count,
            @OperationParam(name = FhirReads.PAGE_TOKEN) StringType pageToken,
            RequestDetails request) {
        long personId = personId(id);
        long roleProfileId = FhirReads.roleProfile(request);
        int n = FhirReads.count(count == null ? null : count.getValue());
        Map<Category, CategoryProvider> served = new EnumMap<>(Category.class);
        for (Object provider : ((ca.uhn.fhir.rest.server.RestfulServer) request.getServer()).getResourceProviders()) {
            if (provider instanceof CategoryProvider typed) {
                served.put(typed.category(), typed);
            }
        }
        String binding = "everything|" + roleProfileId + "|" + personId + "|" + served.keySet();
        CareRecord.PageKey after = reads.after(binding, pageToken == null ? null : pageToken.getValue());
        reads.declareReason(request, roleProfileId, personId);
        CareRecord.CategoryPage page =
                reads.call(() -> reads.record.apiEverything(roleProfileId, personId, served.keySet(), after, n));
        List<Resource> entries = new ArrayList<>();
        if (after == null) {
            entries.add(read(id, request));
        }
        page.items().forEach(item -> entries.add(served.get(item.category()).resource(item, page)));
        return FhirReads.searchset(request, entries, List.of(), page.total() + 1, reads.token(binding, page.next()), n);
    }

    /**
     * The person a search's matches refer to, for {@code _include}: read as {@link #read} reads it (the
     * same boundary, decision and audit); left out, not refused, when the reader may not see them.
     */
    static List<Resource> included(FhirReads reads, long roleProfileId, long personId) {
        ReasonStep step = reads.call(() -> reads.record.reasonStep(roleProfileId, personId));
        if (step.patient() == null || !step.patient().availableForViewing()) {
            return List.of();
        }
        return List.of(FhirMapping.patient(step.patient()));
    }

    private static long personId(IdType id) {
        try {
            return id.getIdPartAsLong();
        } catch (NumberFormatException notAnId) {
            throw FhirReads.invalid(ErrorCode.INVALID_INPUT, "A patient id is a number.");
        }
    }

    private static Patient shown(PatientSummary person) {
        if (!person.availableForViewing()) {
            throw FhirReads.forbidden(ErrorCode.NOT_PERMITTED, "This record is not available for viewing.");
        }
        return FhirMapping.patient(person);
    }
}
