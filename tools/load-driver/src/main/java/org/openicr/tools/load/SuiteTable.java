package org.openicr.tools.load;

import java.util.List;
import java.util.Locale;

/**
 * The suite's results as a Markdown table, and its place in docs/benchmarks.md: a generated section
 * between two marker comments, replaced on each run (added at the end the first time), so the
 * hand-written text around it stays as it is.
 */
public final class SuiteTable {

    public static final String BEGIN =
            "<!-- BEGIN GENERATED: benchmark suite (tools/load-driver/suite.sh; replaced on each run) -->";
    public static final String END = "<!-- END GENERATED: benchmark suite -->";

    /** One benchmark's line. */
    public record Row(
            String benchmark, String load, String result, String rawPostgres, String cpu, String target, String met) {}

    private SuiteTable() {}

    public static String markdown(List<String> header, List<Row> rows, List<String> notes) {
        StringBuilder out = new StringBuilder();
        for (String line : header) {
            out.append(line).append('\n');
        }
        out.append('\n');
        out.append(
                "| benchmark | offered load | result (server time: loopback, to the last byte) | raw PostgreSQL, same data access (p50 / p95) | CPU: cores used (CPU ms per answer) | target | met? |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ")
                    .append(String.join(
                            " | ",
                            cell(r.benchmark()),
                            cell(r.load()),
                            cell(r.result()),
                            cell(r.rawPostgres()),
                            cell(r.cpu()),
                            cell(r.target()),
                            cell(r.met())))
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            for (String note : notes) {
                out.append("- ").append(note).append('\n');
            }
        }
        return out.toString();
    }

    /** The document with its generated section replaced by {@code generated} (appended when absent). */
    public static String replaceSection(String document, String generated) {
        String block = BEGIN + "\n\n" + generated.strip() + "\n\n" + END + "\n";
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin >= 0 && end > begin) {
            int after = end + END.length();
            if (after < document.length() && document.charAt(after) == '\n') {
                after++;
            }
            return document.substring(0, begin) + block + document.substring(after);
        }
        String sep = document.isEmpty() || document.endsWith("\n\n") ? "" : document.endsWith("\n") ? "\n" : "\n\n";
        return document + sep + block;
    }

    /** A table cell: no line breaks, pipes escaped, empty shown as a dash. */
    static String cell(String text) {
        if (text == null || text.isBlank()) {
            return "-";
        }
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|").strip();
    }

    /** "p50 12.3 / p95 45.6 / p99 78.9 / max 99.0 ms" from ascending nanoseconds. */
    public static String percentiles(long[] ascending) {
        if (ascending.length == 0) {
            return "no answers";
        }
        return String.format(
                Locale.ROOT,
                "p50 %s / p95 %s / p99 %s / max %s ms",
                ms(Latencies.percentile(ascending, 50)),
                ms(Latencies.percentile(ascending, 95)),
                ms(Latencies.percentile(ascending, 99)),
                ms(Latencies.percentile(ascending, 100)));
    }

    static String ms(long nanos) {
        if (nanos < 0) {
            return "-";
        }
        double ms = nanos / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.1f", ms);
    }

    /**
     * Cores each process group used over the phase, and its CPU milliseconds per answered request
     * (which, unlike the latency, does not depend on what else the machine was doing):
     * "payara 0.39 (9.9 ms/request) / postgres 0.24 (6.0 ms/request)".
     */
    public static String cores(List<CpuWatch.Usage> usage, double seconds, long answered, String unit) {
        List<String> parts = new java.util.ArrayList<>();
        for (CpuWatch.Usage u : usage) {
            String per = answered > 0
                    ? String.format(Locale.ROOT, " (%.1f ms/%s)", u.cpuSeconds() * 1000 / answered, unit)
                    : "";
            parts.add(
                    String.format(Locale.ROOT, "%s %.2f%s", u.name(), seconds > 0 ? u.cpuSeconds() / seconds : 0, per));
        }
        return String.join(" / ", parts);
    }

    /** "yes" when the p95 (ascending nanoseconds) is within the target and nothing failed, else "no". */
    public static String metP95(long[] ascending, double targetMs, long errors, long unsent) {
        if (ascending.length == 0) {
            return "no (no answers)";
        }
        boolean met = Latencies.percentile(ascending, 95) <= targetMs * 1e6 && errors == 0 && unsent == 0;
        return met ? "yes" : "**no**";
    }
}
