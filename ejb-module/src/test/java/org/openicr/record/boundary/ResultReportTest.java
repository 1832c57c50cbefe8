package org.openicr.record.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** The next page's keyset on a report's newest result: date newest first, undated last, then id. */
    @ParameterizedTest(name = "newest result ({0}, {1}) after ({2}, {3}): {4}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-01-01T00:00:00Z, 10, 2026-02-01T00:00:00Z, 99, true", // older date
                "2026-03-01T00:00:00Z, 10, 2026-02-01T00:00:00Z, 1, false", // newer date
                "2026-02-01T00:00:00Z, 10, 2026-02-01T00:00:00Z, 11, true", // same date, lower id
                "2026-02-01T00:00:00Z, 10, 2026-02-01T00:00:00Z, 10, false", // the position itself
                "2026-02-01T00:00:00Z, 12, 2026-02-01T00:00:00Z, 11, false", // same date, higher id
                "-, 10, 2026-02-01T00:00:00Z, 1, true", // undated after every dated one
                "2026-02-01T00:00:00Z, 10, -, 99, false", // dated before every undated one
                "-, 10, -, 11, true", // undated: by id
                "-, 12, -, 11, false",
            })
    void aReportComesAfterThePositionInTheRecordsOrder(
            String at, long id, String afterAt, long afterId, boolean expected) {
        ItemView newest = new ItemView(
                id,
                Category.RESULTS,
                at == null ? null : Instant.parse(at),
                null,
                "final",
                "Test",
                null,
                null,
                Map.of(ItemDetail.REPORT_KEY, "R"),
                "Lab",
                false);
        ResultReport report = new ResultReport(id, "R", "Lab", List.of(newest));
        assertEquals(
                expected, ResultReport.comesAfter(report, afterAt == null ? null : Instant.parse(afterAt), afterId));
    }
}
