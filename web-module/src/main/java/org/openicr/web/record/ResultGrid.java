package org.openicr.web.record;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.web.UkDates;

/**
 * The cumulative results view: tests as rows, the days results were taken as columns (newest
 * first), each cell the value of that test that day with its flag in words, the reference range
 * beside the test. Built from the results the reader may see, optionally narrowed to one test and
 * to one report (the laboratory's report key, which groups the results of one request). Withheld
 * results and reports without a value are not in the grid: the list below the grid shows them.
 */
public final class ResultGrid implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final UkDates DATES = new UkDates();

    /** A choice of a filter: the value sent in the address and the words shown. */
    public record Option(String value, String label) implements Serializable {
        public String getValue() {
            return value;
        }

        public String getLabel() {
            return label;
        }
    }

    /** A column: one day (UK) on which results were taken. */
    public record Column(LocalDate day, String label) implements Serializable {
        public String getLabel() {
            return label;
        }
    }

    /** A cell: the value(s) of a test on a day, newest first, and its flag in words (or null). */
    public record Cell(String value, String flag, boolean abnormal) implements Serializable {
        public String getValue() {
            return value;
        }

        public String getFlag() {
            return flag;
        }

        public boolean isAbnormal() {
            return abnormal;
        }

        /** No result that day ("empty" is an EL keyword, so the page reads {@code cell.blank}). */
        public boolean isBlank() {
            return value.isEmpty();
        }
    }

    /**
     * A row: one test, its unit and newest reference range, and a cell per column; the trend's code
     * system and code are URL-encoded for the trend link.
     */
    public record Row(
            String key,
            String name,
            String unit,
            String range,
            String trendSystem,
            String trendCode,
            boolean trendable,
            List<Cell> cells)
            implements Serializable {
        public String getName() {
            return name;
        }

        public String getUnit() {
            return unit;
        }

        public String getRange() {
            return range;
        }

        public String getTrendSystem() {
            return trendSystem;
        }

        public String getTrendCode() {
            return trendCode;
        }

        public boolean isTrendable() {
            return trendable;
        }

        public List<Cell> getCells() {
            return cells;
        }

        public String getKey() {
            return key;
        }
    }

    private final List<Option> tests;
    private final List<Option> reports;
    private final List<Column> columns;
    private final List<Row> rows;
    private final List<ItemView> matching;
    private final Map<String, Integer> numericValues;
    private final String test;
    private final String report;

    private ResultGrid(
            List<Option> tests,
            List<Option> reports,
            List<Column> columns,
            List<Row> rows,
            List<ItemView> matching,
            Map<String, Integer> numericValues,
            String test,
            String report) {
        this.tests = List.copyOf(tests);
        this.reports = List.copyOf(reports);
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.matching = List.copyOf(matching);
        this.numericValues = Map.copyOf(numericValues);
        this.test = test;
        this.report = report;
    }

    /**
     * The grid of {@code newestFirst} (results, newest first), narrowed to the test {@code test}
     * ({@link ItemText#testKey}) and the report {@code report} (its report key) when they are given.
     */
    public static ResultGrid of(List<ItemView> newestFirst, String test, String report) {
        String testFilter = blankToNull(test);
        String reportFilter = blankToNull(report);

        // The filters' choices come from every result, so that another test or report can be chosen.
        Map<String, String> testNames = new LinkedHashMap<>();
        Map<String, Integer> numeric = new LinkedHashMap<>();
        Map<String, List<ItemView>> reportResults = new LinkedHashMap<>();
        for (ItemView result : newestFirst) {
            String key = ItemText.testKey(result);
            if (key == null) {
                continue;
            }
            testNames.putIfAbsent(key, result.title());
            if (ItemText.numeric(result)) {
                numeric.merge(key, 1, Integer::sum);
            }
            String reportKey = blankToNull(result.detail(ItemDetail.REPORT_KEY));
            if (reportKey != null) {
                reportResults.computeIfAbsent(reportKey, k -> new ArrayList<>()).add(result);
            }
        }
        List<Option> tests = testNames.entrySet().stream()
                .map(e -> new Option(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(o -> o.label().toLowerCase(Locale.ROOT)))
                .toList();
        List<Option> reports = reportResults.entrySet().stream()
                .map(e -> new Option(e.getKey(), reportLabel(e.getValue())))
                .toList();

        List<ItemView> matching = newestFirst.stream()
                .filter(r -> testFilter == null || testFilter.equals(ItemText.testKey(r)))
                .filter(r -> reportFilter == null || reportFilter.equals(r.detail(ItemDetail.REPORT_KEY)))
                .filter(r -> (testFilter == null && reportFilter == null) || !r.withheld())
                .toList();

        List<ItemView> inGrid = matching.stream()
                .filter(r -> !r.withheld() && r.effectiveAt() != null && ItemText.testKey(r) != null)
                .filter(r -> blankToNull(r.detail(ItemDetail.VALUE)) != null)
                .toList();
        TreeSet<LocalDate> days = new TreeSet<>(Comparator.reverseOrder());
        inGrid.forEach(r -> days.add(day(r)));
        List<Column> columns =
                days.stream().map(d -> new Column(d, DATES.date(d))).toList();

        Map<String, List<ItemView>> byTest = new LinkedHashMap<>();
        inGrid.forEach(r -> byTest.computeIfAbsent(ItemText.testKey(r), k -> new ArrayList<>())
                .add(r));
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<ItemView>> entry : byTest.entrySet()) {
            List<ItemView> series = entry.getValue();
            ItemView newest = series.get(0);
            List<Cell> cells = new ArrayList<>();
            for (Column column : columns) {
                List<ItemView> thatDay =
                        series.stream().filter(r -> day(r).equals(column.day())).toList();
                cells.add(cell(thatDay));
            }
            rows.add(new Row(
                    entry.getKey(),
                    newest.title(),
                    series.stream()
                            .map(r -> r.detail(ItemDetail.UNIT))
                            .filter(Objects::nonNull)
                            .findFirst()
                            .orElse(null),
                    ItemText.referenceRange(newest),
                    URLEncoder.encode(RecordBacking.codeSystemOf(newest), StandardCharsets.UTF_8),
                    URLEncoder.encode(RecordBacking.codeOf(newest), StandardCharsets.UTF_8),
                    numeric.getOrDefault(entry.getKey(), 0) >= 2,
                    cells));
        }
        rows.sort(Comparator.comparing(r -> r.name().toLowerCase(Locale.ROOT)));
        return new ResultGrid(tests, reports, columns, rows, matching, numeric, testFilter, reportFilter);
    }

    private static Cell cell(List<ItemView> thatDay) {
        if (thatDay.isEmpty()) {
            return new Cell("", null, false);
        }
        String value = String.join(
                " / ",
                thatDay.stream().map(r -> r.detail(ItemDetail.VALUE).strip()).toList());
        String flag = thatDay.stream()
                .map(ItemText::flagWords)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return new Cell(value, flag, thatDay.stream().anyMatch(ItemText::abnormal) || flag != null);
    }

    /** "Haemoglobin A1c, 03-Jan-2026": the tests of a report and its date. */
    private static String reportLabel(List<ItemView> results) {
        String names = String.join(
                ", ", results.stream().map(ItemView::title).distinct().toList());
        ItemView first = results.get(0);
        return first.effectiveAt() == null ? names : names + ", " + DATES.day(first.effectiveAt());
    }

    private static LocalDate day(ItemView result) {
        return result.effectiveAt().atZone(UkDates.UK).toLocalDate();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Whether the test of {@code result} has two or more numeric values to draw. */
    public boolean trendable(ItemView result) {
        String key = ItemText.testKey(result);
        return key != null && ItemText.numeric(result) && numericValues.getOrDefault(key, 0) >= 2;
    }

    public List<Option> getTests() {
        return tests;
    }

    public List<Option> getReports() {
        return reports;
    }

    public List<Column> getColumns() {
        return columns;
    }

    public List<Row> getRows() {
        return rows;
    }

    /** The results the filter chose (all of them when there is no filter), newest first. */
    public List<ItemView> getMatching() {
        return matching;
    }

    public String getTest() {
        return test;
    }

    public String getReport() {
        return report;
    }

    public boolean isFiltered() {
        return test != null || report != null;
    }
}
