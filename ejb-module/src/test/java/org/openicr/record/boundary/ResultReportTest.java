package org.openicr.record.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ItemDetail;

/** Results grouped into reports (the FHIR API's DiagnosticReport, docs/fhir.md), as a table. */
class ResultReportTest {

    private static ItemView result(long id, String source, String key, boolean withheld) {
        return new ItemView(
                id,
                Category.RESULTS,
                null,
                null,
                "final",
                "Test " + id,
                null,
                null,
                key == null || withheld ? Map.of() : Map.of(ItemDetail.REPORT_KEY, key),
                source,
                withheld);
    }

    @Test
    void resultsAreGroupedBySourceAndReportKeyWithTheSmallestIdAsTheReportsId() {
        List<ItemView> newestFirst = List.of(
                result(50, "Lab A", "R1", false),
                result(40, "Lab A", "R2", false),
                result(30, "Lab A", "R1", false),
                result(20, "Lab B", "R1", false), // same key, another source: another report
                result(15, "Lab A", null, false), // no key: in no report
                result(10, "Lab A", "R1", true), // withheld: carries no key
                result(5, "Lab A", " R2 ", false));
        List<ResultReport> reports = ResultReport.group(newestFirst);
        // {id, key, source, result ids}, ordered by each report's newest result
        Object[][] expected = {
            {30L, "R1", "Lab A", List.of(50L, 30L)},
            {5L, "R2", "Lab A", List.of(40L, 5L)},
            {20L, "R1", "Lab B", List.of(20L)},
        };
        assertEquals(expected.length, reports.size(), reports::toString);
        for (int i = 0; i < expected.length; i++) {
            ResultReport r = reports.get(i);
            assertEquals(expected[i][0], r.id());
            assertEquals(expected[i][1], r.reportKey());
            assertEquals(expected[i][2], r.sourceOrganisation());
            assertEquals(expected[i][3], r.results().stream().map(ItemView::id).toList());
        }
        assertEquals(reports.get(1), ResultReport.withId(reports, 5));
        assertEquals(null, ResultReport.withId(reports, 40));
    }
}
