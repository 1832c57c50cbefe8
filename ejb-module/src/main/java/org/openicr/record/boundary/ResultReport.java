package org.openicr.record.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ItemDetail;

/**
 * One report of results (the FHIR API's DiagnosticReport, issue 20, docs/fhir.md): the results one
 * source sent under one report key (an HL7 v2 order's OBR, the SOAP {@code reportKey} detail). Its
 * id is the smallest item id among its results, so it stays the same while those results stand.
 * Withheld results carry no details, so they are never part of a report.
 *
 * @param id the smallest id of its results
 * @param results its results, newest first (as the record lists them)
 */
public record ResultReport(long id, String reportKey, String sourceOrganisation, List<ItemView> results)
        implements Serializable {

    public ResultReport {
        results = List.copyOf(results);
    }

    /**
     * The reports of {@code results} (items of RESULTS, newest first), grouped by source
     * organisation and report key; results without a report key, and withheld ones, belong to none.
     * Reports are ordered by their newest result, as the record lists results.
     */
    public static List<ResultReport> group(List<ItemView> results) {
        Map<List<String>, List<ItemView>> groups = new LinkedHashMap<>();
        for (ItemView result : results) {
            String key = result.detail(ItemDetail.REPORT_KEY);
            if (result.category() != Category.RESULTS || result.withheld() || key == null || key.isBlank()) {
                continue;
            }
            String source = result.sourceOrganisation() == null ? "" : result.sourceOrganisation();
            groups.computeIfAbsent(List.of(source, key.strip()), k -> new ArrayList<>())
                    .add(result);
        }
        List<ResultReport> reports = new ArrayList<>();
        groups.forEach((key, items) -> reports.add(new ResultReport(
                items.stream().mapToLong(ItemView::id).min().orElseThrow(),
                key.get(1),
                key.get(0).isEmpty() ? null : key.get(0),
                items)));
        return reports;
    }

    /**
     * Whether {@code report} comes after the position ({@code effectiveAt}, {@code itemId}) in the
     * record's order of results (effective date newest first, undated last, then id highest first):
     * the keyset of the next page, taken on the report's newest result (the one that orders it).
     */
    public static boolean comesAfter(ResultReport report, java.time.Instant effectiveAt, long itemId) {
        ItemView newest = report.results().get(0);
        java.time.Instant at = newest.effectiveAt();
        if (effectiveAt == null) {
            return at == null && newest.id() < itemId;
        }
        if (at == null) {
            return true;
        }
        int byDate = at.compareTo(effectiveAt);
        return byDate < 0 || (byDate == 0 && newest.id() < itemId);
    }

    /** The report whose id is {@code id} among {@code reports}, or null. */
    static ResultReport withId(List<ResultReport> reports, long id) {
        return reports.stream().filter(r -> r.id() == id).findFirst().orElse(null);
    }
}
