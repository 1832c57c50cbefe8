package org.openicr.web.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.openicr.record.boundary.CareRecord;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ErrorCode;

/**
 * One category of the record as one resource type (docs/fhir.md): search by {@code patient} (or
 * {@code subject}) with {@code _count} and {@code _offset}, through {@link CareRecord#apiItems}: the
 * decision, the scope in the query, the audit. A category hidden from the role answers an empty
 * searchset with total 0.
 */
public class CategoryProvider implements IResourceProvider {

    private final Class<? extends IBaseResource> type;
    private final Category category;
    private final FhirReads reads;

    CategoryProvider(Class<? extends IBaseResource> type, Category category, FhirReads reads) {
        this.type = type;
        this.category = category;
        this.reads = reads;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    /**
     * Read by id: the item as a search lists it, through {@link CareRecord#apiItem} (no reason header:
     * the reason declared for the item's person applies). Not found when the reader may not see it.
     */
    @Read
    public Resource read(@IdParam IdType id, RequestDetails request) {
        long itemId;
        try {
            itemId = id.getIdPartAsLong();
        } catch (NumberFormatException notAnId) {
            throw FhirReads.invalid(ErrorCode.INVALID_INPUT, "An id is a number.");
        }
        long roleProfileId = FhirReads.roleProfile(request);
        CareRecord.CategoryPage page = reads.call(() -> reads.record.apiItem(roleProfileId, category, itemId));
        org.openicr.record.boundary.ItemView item = page.items().get(0);
        return FhirMapping.item(
                item,
                page.personId(),
                page.lastUpdated().get(itemId),
                page.sourceOdsCodes().get(itemId));
    }

    @Search
    public Bundle search(
            @OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "subject") ReferenceParam subject,
            @Count Integer count,
            @Offset Integer offset,
            RequestDetails request) {
        long personId = personId(patient != null ? patient : subject);
        long roleProfileId = FhirReads.roleProfile(request);
        int n = FhirReads.count(count);
        int first = FhirReads.offset(offset);
        reads.declareReason(request, roleProfileId, personId);
        CareRecord.CategoryPage page =
                reads.call(() -> reads.record.apiItems(roleProfileId, personId, category, first, n));
        List<Resource> resources = n == 0
                ? List.of()
                : page.items().stream()
                        .map(item -> FhirMapping.item(
                                item,
                                personId,
                                page.lastUpdated().get(item.id()),
                                page.sourceOdsCodes().get(item.id())))
                        .toList();
        return FhirReads.searchset(request, resources, page.total(), first, n);
    }

    static long personId(ReferenceParam reference) {
        if (reference == null) {
            throw FhirReads.invalid(ErrorCode.INVALID_INPUT, "Search by patient (or subject): patient=Patient/{id}.");
        }
        if (reference.getResourceType() != null && !"Patient".equals(reference.getResourceType())) {
            throw FhirReads.invalid(ErrorCode.INVALID_INPUT, "The patient must be a Patient reference.");
        }
        try {
            return Long.parseLong(reference.getIdPart());
        } catch (NumberFormatException notAnId) {
            throw FhirReads.invalid(ErrorCode.INVALID_INPUT, "A patient id is a number (Patient/{id}).");
        }
    }
}
