package org.openicr.web.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.web.record.Items.result;
import static org.openicr.web.record.Items.withheld;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.record.boundary.ItemView;

class ResultGridTest {

    /** Newest first: two HbA1c reports, eGFR twice (once the same day as an HbA1c), a potassium, an X-ray report. */
    private static final List<ItemView> RESULTS = List.of(
            result(
                    "4548-4",
                    "Haemoglobin A1c",
                    "2026-05-01T09:00",
                    "56",
                    "H",
                    "unit",
                    "mmol/mol",
                    "referenceLow",
                    "20",
                    "referenceHigh",
                    "41",
                    "reportKey",
                    "R2"),
            result(
                    "33914-3",
                    "eGFR",
                    "2026-05-01T08:00",
                    "57",
                    "L",
                    "unit",
                    "mL/min/1.73m2",
                    "referenceLow",
                    "60",
                    "referenceHigh",
                    "120",
                    "reportKey",
                    "R2"),
            result("36643-5", "Chest X-ray report", "2026-03-02T10:00", null, null, "reportKey", "CXR"),
            withheld("RESULTS", "2026-03-01T10:00"),
            result("2823-3", "Potassium", "2026-03-01T09:00", "4.1", "N", "unit", "mmol/L"),
            result(
                    "4548-4",
                    "Haemoglobin A1c",
                    "2025-12-01T09:00",
                    "58",
                    "H",
                    "unit",
                    "mmol/mol",
                    "referenceLow",
                    "20",
                    "referenceHigh",
                    "40",
                    "reportKey",
                    "R1"),
            result("33914-3", "eGFR", "2025-11-01T09:00", "62", "N", "unit", "mL/min/1.73m2"));

    @Test
    void testsAreRowsAndDaysAreColumnsNewestFirst() {
        ResultGrid grid = ResultGrid.of(RESULTS, null, null);
        assertEquals(
                List.of("01-May-2026", "01-Mar-2026", "01-Dec-2025", "01-Nov-2025"),
                grid.getColumns().stream().map(ResultGrid.Column::label).toList(),
                "one column per day with a value; the X-ray report and the withheld result have none");
        assertEquals(
                List.of("eGFR", "Haemoglobin A1c", "Potassium"),
                grid.getRows().stream().map(ResultGrid.Row::name).toList());
        ResultGrid.Row hba1c = grid.getRows().get(1);
        assertEquals(
                List.of("56", "", "58", ""),
                hba1c.cells().stream().map(ResultGrid.Cell::value).toList());
        assertEquals("High", hba1c.cells().get(0).flag());
        assertTrue(hba1c.cells().get(0).abnormal());
        assertEquals("20 - 41", hba1c.range(), "the newest result's range");
        assertEquals("mmol/mol", hba1c.unit());
        ResultGrid.Row egfr = grid.getRows().get(0);
        assertEquals("Low", egfr.cells().get(0).flag());
        assertNull(egfr.cells().get(3).flag(), "a normal value carries no flag");
        assertFalse(egfr.cells().get(3).abnormal());
    }

    @ParameterizedTest(name = "test {0}, report {1}")
    @CsvSource(
            nullValues = "none",
            value = {
                "none, none, 7, eGFR|Haemoglobin A1c|Potassium",
                "LOINC:4548-4, none, 2, Haemoglobin A1c",
                "none, R2, 2, eGFR|Haemoglobin A1c",
                "LOINC:33914-3, R2, 1, eGFR",
                "LOINC:2823-3, R2, 0, ''",
                "none, CXR, 1, ''",
                "'  ', '', 7, eGFR|Haemoglobin A1c|Potassium",
            })
    void theFilterNarrowsTheGridAndTheList(String test, String report, int matching, String rows) {
        ResultGrid grid = ResultGrid.of(RESULTS, test, report);
        assertEquals(matching, grid.getMatching().size());
        assertEquals(
                rows.isEmpty() ? List.of() : List.of(rows.split("\\|")),
                grid.getRows().stream().map(ResultGrid.Row::name).toList());
        assertEquals(test != null && !test.isBlank() || report != null && !report.isBlank(), grid.isFiltered());
    }

    @Test
    void theFiltersOfferEveryTestAndReportWhateverIsChosen() {
        ResultGrid grid = ResultGrid.of(RESULTS, "LOINC:2823-3", null);
        assertEquals(
                List.of("Chest X-ray report", "eGFR", "Haemoglobin A1c", "Potassium"),
                grid.getTests().stream().map(ResultGrid.Option::label).toList());
        assertEquals(
                List.of("LOINC:36643-5", "LOINC:33914-3", "LOINC:4548-4", "LOINC:2823-3"),
                grid.getTests().stream().map(ResultGrid.Option::value).toList());
        assertEquals(
                List.of("R2", "CXR", "R1"),
                grid.getReports().stream().map(ResultGrid.Option::value).toList());
        assertEquals(
                "Haemoglobin A1c, eGFR, 01-May-2026", grid.getReports().get(0).label());
    }

    @Test
    void trendIsOfferedOnlyForATestWithTwoNumericValues() {
        ResultGrid grid = ResultGrid.of(RESULTS, null, null);
        assertEquals(
                List.of(true, true, false),
                grid.getRows().stream().map(ResultGrid.Row::trendable).toList());
        assertTrue(grid.trendable(RESULTS.get(0)));
        assertFalse(grid.trendable(RESULTS.get(4)), "one potassium");
        assertFalse(grid.trendable(RESULTS.get(2)), "a report without a value");
        assertFalse(grid.trendable(RESULTS.get(3)), "withheld");
    }

    @Test
    void twoValuesOfATestOnOneDayShareTheirCellNewestFirst() {
        ResultGrid grid = ResultGrid.of(
                List.of(
                        result("2823-3", "Potassium", "2026-03-01T18:00", "5.9", "H"),
                        result("2823-3", "Potassium", "2026-03-01T09:00", "4.1", "N")),
                null,
                null);
        ResultGrid.Cell cell = grid.getRows().get(0).cells().get(0);
        assertEquals("5.9 / 4.1", cell.value());
        assertEquals("High", cell.flag());
        assertEquals(1, grid.getColumns().size());
    }

    @Test
    void aWithheldResultIsListedUnfilteredButNeverMatchesAFilter() {
        assertTrue(ResultGrid.of(RESULTS, null, null).getMatching().stream().anyMatch(ItemView::withheld));
        assertFalse(ResultGrid.of(RESULTS, null, "R2").getMatching().stream().anyMatch(ItemView::withheld));
    }
}
