package org.openicr.web.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.openicr.record.boundary.CareRecord;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.web.fhir.mapping.DiagnosticReportMapping;

/**
 * Reports of results as DiagnosticReport (docs/fhir.md, "DiagnosticReport"): the results one source
 * sent under one report key, through {@link CareRecord#apiReports} and {@link CareRecord#apiReport}
 * (the RESULTS category's decision, scope and audit). Read by id (the smallest id of its results)
 * and search by {@code patient} or {@code subject} with {@code _count}, paged by the signed page token
 * of the {@code next} link (a keyset on each report's newest result, as the category searches); a role
 * that may not see results gets an empty searchset with total 0 and 404 on read.
 */
public class DiagnosticReportProvider implements IResourceProvider {

    private final FhirReads reads;

    DiagnosticReportProvider(FhirReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return DiagnosticReport.class;
    }

    @Read
    public DiagnosticReport read(@IdParam IdType id, RequestDetails request) {
        long reportId;
        try {
            reportId = id.getIdPartAsLong();
        } catch (NumberFormatException notAnId) {
            throw FhirReads.invalid(ErrorCode.INVALID_INPUT, "An id is a number.");
        }
        long roleProfileId = FhirReads.roleProfile(request);
        CareRecord.ReportPage page = reads.call(() -> reads.record.apiReport(roleProfileId, reportId));
        return DiagnosticReportMapping.map(
                page.reports().get(0), page.personId(), page.lastUpdated(), page.sourceOdsCodes());
    }

    @Search
    public Bundle search(
            @OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "subject") ReferenceParam subject,
            @OptionalParam(name = FhirReads.PAGE_TOKEN) StringParam pageToken,
            @Count Integer count,
            @Offset Integer offset,
            RequestDetails request) {
        long personId = CategoryProvider.personId(patient != null ? patient : subject);
        long roleProfileId = FhirReads.roleProfile(request);
        int n = FhirReads.count(count);
        FhirReads.noOffset(offset);
        String binding = "reports|" + roleProfileId + "|" + personId;
        CareRecord.PageKey after = reads.after(binding, pageToken == null ? null : pageToken.getValue());
        reads.declareReason(request, roleProfileId, personId);
        CareRecord.ReportPage page = reads.call(() -> reads.record.apiReports(roleProfileId, personId, after, n));
        List<DiagnosticReport> resources = page.reports().stream()
                .map(report -> DiagnosticReportMapping.map(report, personId, page.lastUpdated(), page.sourceOdsCodes()))
                .toList();
        return FhirReads.searchset(request, resources, List.of(), page.total(), reads.token(binding, page.next()), n);
    }
}
