package org.openicr.web.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateAndListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.openicr.record.boundary.CareRecord;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ErrorCode;

/**
 * One category of the record as one resource type (docs/fhir.md): read by id, and search by
 * {@code patient} (or {@code subject}) with {@code date}, {@code _lastUpdated}, {@code category},
 * {@code _include} of the patient and {@code _count}, paged by an opaque token ({@link PageToken}),
 * through {@link CareRecord#apiSearch}: the decision, the scope, the filters and the position in the
 * query, the audit. A category hidden from the role answers an empty searchset with total 0.
 */
public class CategoryProvider implements IResourceProvider {

    /**
     * The FHIR categories ({@code system|code}) every resource of a record category carries, so what
     * its {@code category} search parameter matches (docs/fhir.md). A record category not listed
     * carries none the record knows (an allergy's food/medication, a medication statement's setting):
     * its search by {@code category} is refused (400) rather than answered empty, which would say
     * "none" of what the record does not know.
     */
    static final Map<Category, List<String>> FHIR_CATEGORIES = Map.of(
            Category.RESULTS, List.of("http://terminology.hl7.org/CodeSystem/observation-category|laboratory"),
            Category.PROBLEMS, List.of("http://terminology.hl7.org/CodeSystem/condition-category|problem-list-item"));

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

    /** The record category this resource type serves. */
    Category category() {
        return category;
    }

    /** An item of this category, as this resource type, with the page's provenance. */
    Resource resource(ItemView item, CareRecord.CategoryPage page) {
        return FhirMapping.item(
                item,
                page.personId(),
                page.lastUpdated().get(item.id()),
                page.sourceOdsCodes().get(item.id()));
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
        return resource(page.items().get(0), page);
    }

    @Search
    public Bundle search(
            @OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "subject") ReferenceParam subject,
            @OptionalParam(name = "date") DateAndListParam date,
            @OptionalParam(name = "_lastUpdated") DateAndListParam lastUpdated,
            @OptionalParam(name = "category") TokenAndListParam fhirCategory,
            @OptionalParam(name = FhirReads.PAGE_TOKEN) StringParam pageToken,
            @IncludeParam Set<Include> includes,
            @Count Integer count,
            @Offset Integer offset,
            RequestDetails request) {
        long personId = personId(patient != null ? patient : subject);
        long roleProfileId = FhirReads.roleProfile(request);
        int n = FhirReads.count(count);
        FhirReads.noOffset(offset);
        boolean includePatient = includesPatient(includes);
        // the filters from the values as sent (FhirDates; HAPI's parsed params only declare them)
        CareRecord.ApiFilter filter = filter(values(request, "date"), values(request, "_lastUpdated"), fhirCategory);
        String binding = "search|" + roleProfileId + "|" + personId + "|" + category + "|" + filter;
        CareRecord.PageKey after = reads.after(binding, pageToken == null ? null : pageToken.getValue());
        reads.declareReason(request, roleProfileId, personId);
        CareRecord.CategoryPage page =
                reads.call(() -> reads.record.apiSearch(roleProfileId, personId, category, filter, after, n));
        List<Resource> matches =
                page.items().stream().map(item -> resource(item, page)).toList();
        List<Resource> included = includePatient && !matches.isEmpty()
                ? PatientProvider.included(reads, roleProfileId, personId)
                : List.of();
        return FhirReads.searchset(request, matches, included, page.total(), reads.token(binding, page.next()), n);
    }

    private static List<String> values(RequestDetails request, String name) {
        String[] values = request.getParameters().get(name);
        return values == null ? List.of() : List.of(values);
    }

    /** The search's filters; a date or category the rules refuse is 400 INVALID_INPUT. */
    CareRecord.ApiFilter filter(List<String> date, List<String> lastUpdated, TokenAndListParam fhirCategory) {
        FhirDates.Range effective;
        FhirDates.Range updated;
        try {
            effective = FhirDates.range("date", date);
            updated = FhirDates.range("_lastUpdated", lastUpdated);
        } catch (FhirDates.Invalid refused) {
            throw FhirReads.invalid(ErrorCode.INVALID_INPUT, refused.getMessage());
        }
        boolean none = effective.empty() || updated.empty() || !categoryMatches(fhirCategory);
        return new CareRecord.ApiFilter(effective.from(), effective.before(), updated.from(), updated.before(), none);
    }

    /**
     * Whether this type's resources carry the categories asked for: every "and" has a value ("or")
     * naming one of {@link #FHIR_CATEGORIES} (by code, or system and code). A type that carries none is
     * refused.
     */
    boolean categoryMatches(TokenAndListParam fhirCategory) {
        if (fhirCategory == null || fhirCategory.getValuesAsQueryTokens().isEmpty()) {
            return true;
        }
        List<String> carried = FHIR_CATEGORIES.get(category);
        if (carried == null) {
            throw FhirReads.invalid(
                    ErrorCode.INVALID_INPUT,
                    type.getSimpleName() + " is not searched by category: the record does not hold its category.");
        }
        for (TokenOrListParam anyOf : fhirCategory.getValuesAsQueryTokens()) {
            boolean matched = false;
            for (TokenParam token : anyOf.getValuesAsQueryTokens()) {
                for (String systemAndCode : carried) {
                    String system = systemAndCode.substring(0, systemAndCode.indexOf('|'));
                    String code = systemAndCode.substring(systemAndCode.indexOf('|') + 1);
                    boolean systemMatches = token.getSystem() == null
                            || token.getSystem().isEmpty()
                            || token.getSystem().equals(system);
                    matched |= systemMatches && code.equals(token.getValue());
                }
            }
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the search asks for its subject: {@code _include=<Type>:patient} or {@code :subject}
     * (with or without the target type Patient). Any other include is refused.
     */
    boolean includesPatient(Set<Include> includes) {
        if (includes == null || includes.isEmpty()) {
            return false;
        }
        String own = type.getSimpleName();
        for (Include include : includes) {
            boolean patient = own.equals(include.getParamType())
                    && ("patient".equals(include.getParamName()) || "subject".equals(include.getParamName()))
                    && (include.getParamTargetType() == null || "Patient".equals(include.getParamTargetType()));
            if (!patient) {
                throw FhirReads.invalid(
                        ErrorCode.INVALID_INPUT,
                        "Only the patient can be included: _include=" + own + ":patient (or " + own + ":subject).");
            }
        }
        return true;
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
