package org.openicr.web.fhir.mapping;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.openicr.record.boundary.ItemView;
import org.openicr.record.boundary.ResultReport;

/**
 * A report of results (the results one source sent under one report key, {@link ResultReport}) as
 * UKCore-DiagnosticReport (docs/fhir.md): its id the smallest id of its results, its results as
 * references to their Observations, the report key as its identifier. The record holds no code of
 * its own for a report: the code is the names of its tests as text.
 */
public final class DiagnosticReportMapping {

    public static final String REPORT_KEY_SYSTEM = "https://openicr.org/fhir/Id/report-key";

    private DiagnosticReportMapping() {}

    /**
     * The report, {@code meta.lastUpdated} its results' latest change and {@code meta.source} its
     * source's ODS code (from {@code lastUpdated} and {@code sourceOds}, by item id; either may lack).
     */
    public static DiagnosticReport map(
            ResultReport report, long patientId, Map<Long, Instant> lastUpdated, Map<Long, String> sourceOds) {
        DiagnosticReport diagnostic = new DiagnosticReport();
        diagnostic.setId(Long.toString(report.id()));
        diagnostic.getMeta().addProfile(Items.PROFILE_BASE + "DiagnosticReport");
        diagnostic.setSubject(Items.subject(patientId));
        diagnostic.addIdentifier().setSystem(REPORT_KEY_SYSTEM).setValue(report.reportKey());
        diagnostic.setStatus(status(report));
        diagnostic.setCode(new CodeableConcept()
                .setText(String.join(
                        ", ",
                        report.results().stream()
                                .map(ItemView::title)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList())));
        report.results().stream()
                .map(ItemView::effectiveAt)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .ifPresent(at -> diagnostic.setEffective(Items.dateTime(at)));
        if (report.sourceOrganisation() != null) {
            diagnostic.addPerformer(Items.organisation(report.sourceOrganisation()));
            diagnostic
                    .getMeta()
                    .setSource(Items.SOURCE_PREFIX
                            + java.net.URLEncoder.encode(
                                    report.sourceOrganisation(), java.nio.charset.StandardCharsets.UTF_8));
        }
        for (ItemView result : report.results()) {
            diagnostic.addResult(new Reference("Observation/" + result.id()));
        }
        Instant updated = report.results().stream()
                .map(r -> lastUpdated.get(r.id()))
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
        String ods = report.results().stream()
                .map(r -> sourceOds.get(r.id()))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return Items.provenance(diagnostic, updated, ods);
    }

    /**
     * From its results' statuses: cancelled when all are, preliminary when any is preliminary or
     * registered, amended when any was amended, else final.
     */
    public static DiagnosticReportStatus status(ResultReport report) {
        java.util.Set<ObservationStatus> statuses = java.util.EnumSet.noneOf(ObservationStatus.class);
        report.results().forEach(r -> statuses.add(ObservationMapping.status(r.status())));
        if (statuses.equals(java.util.EnumSet.of(ObservationStatus.CANCELLED))) {
            return DiagnosticReportStatus.CANCELLED;
        }
        if (statuses.contains(ObservationStatus.PRELIMINARY) || statuses.contains(ObservationStatus.REGISTERED)) {
            return DiagnosticReportStatus.PRELIMINARY;
        }
        if (statuses.contains(ObservationStatus.AMENDED)) {
            return DiagnosticReportStatus.AMENDED;
        }
        return DiagnosticReportStatus.FINAL;
    }
}
