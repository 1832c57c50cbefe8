package org.openicr.tools.load;

import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The printed table of a phase and the same figures as one JSON line, for spreadsheets and diffs. */
public final class Report {

    private Report() {}

    public static void table(PrintStream out, LoadRun.Summary s) {
        LoadRun.Plan p = s.plan();
        long[] l = s.latencies();
        out.println();
        out.printf(
                Locale.ROOT,
                "%s: %s, %s, %d item(s) per message, %s %d%s, %.1f s%n",
                p.phase(),
                p.itemsPerMessage() == 1 ? "single" : "batch",
                p.openLoop() ? String.format(Locale.ROOT, "open loop at %.0f messages/s", p.rate()) : "closed loop",
                p.itemsPerMessage(),
                p.openLoop() ? "max in flight" : "clients",
                p.clients(),
                p.count() > 0 ? ", at most " + p.count() + " messages" : "",
                s.elapsedSeconds());
        row(out, "messages sent", Long.toString(s.sent()));
        row(out, "acknowledged (HTTP 200 + ack)", s.acknowledged() + " " + s.ackOutcomes());
        row(out, "faults", s.faultCount() + (s.faults().isEmpty() ? "" : " " + s.faults()));
        row(out, "errors", s.errorCount() + (s.errors().isEmpty() ? "" : " " + s.errors()));
        if (p.openLoop()) {
            row(out, "not sent (server too slow)", Long.toString(s.unsent()));
            row(out, "sent >10 ms after due time", Long.toString(s.lateSends()));
        }
        row(out, "acknowledged messages/s", fmt(s.messagesPerSecond()));
        row(out, "acknowledged items/s", fmt(s.itemsPerSecond()));
        String from = p.openLoop() ? " (from due time)" : " (from send)";
        row(
                out,
                "ack latency ms" + from,
                String.format(
                        Locale.ROOT,
                        "p50 %s  p95 %s  p99 %s  max %s",
                        ms(Latencies.percentile(l, 50)),
                        ms(Latencies.percentile(l, 95)),
                        ms(Latencies.percentile(l, 99)),
                        ms(Latencies.percentile(l, 100))));
        if (s.unsent() > 0) {
            out.println("  (percentiles cover acknowledged messages only: the unsent ones would have been later still,"
                    + " so the offered rate was not sustained)");
        }
    }

    public static void cpu(PrintStream out, List<CpuWatch.Usage> usages, double busyShare, double seconds, int nproc) {
        out.printf(
                Locale.ROOT,
                "CPU during the phase (%.1f s x %d cores = %.1f core-seconds):%n",
                seconds,
                nproc,
                seconds * nproc);
        for (CpuWatch.Usage u : usages) {
            out.printf(
                    Locale.ROOT,
                    "  %-12s %7.1f cpu-s = %4.2f cores (%d process(es))%n",
                    u.name(),
                    u.cpuSeconds(),
                    u.cpuSeconds() / seconds,
                    u.processes());
        }
        if (busyShare >= 0) {
            out.printf(
                    Locale.ROOT, "  machine busy %.0f%% of all cores (everything on the machine)%n", busyShare * 100);
        }
    }

    /** One JSON object on one line with the figures of the table and the machine. */
    public static String json(LoadRun.Summary s, MachineInfo machine, String runId, String label) {
        LoadRun.Plan p = s.plan();
        long[] l = s.latencies();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put(
                "date",
                OffsetDateTime.now(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        o.put("label", label);
        o.put("commit", machine.commit());
        o.put("runId", runId);
        o.put("phase", p.phase());
        o.put("scenario", p.itemsPerMessage() == 1 ? "single" : "batch");
        o.put("mode", p.openLoop() ? "open" : "closed");
        o.put("rate", p.openLoop() ? p.rate() : null);
        o.put("clients", p.clients());
        o.put("itemsPerMessage", p.itemsPerMessage());
        o.put("elapsedSeconds", round(s.elapsedSeconds()));
        o.put("sent", s.sent());
        o.put("acknowledged", s.acknowledged());
        o.put("faults", s.faults());
        o.put("errors", s.errors());
        o.put("unsent", s.unsent());
        o.put("lateSends", s.lateSends());
        o.put("messagesPerSecond", round(s.messagesPerSecond()));
        o.put("itemsPerSecond", round(s.itemsPerSecond()));
        o.put("p50Ms", msValue(Latencies.percentile(l, 50)));
        o.put("p95Ms", msValue(Latencies.percentile(l, 95)));
        o.put("p99Ms", msValue(Latencies.percentile(l, 99)));
        o.put("maxMs", msValue(Latencies.percentile(l, 100)));
        o.put("nproc", machine.nproc());
        o.put("cpuModel", machine.cpuModel());
        return toJson(o);
    }

    static String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(quote(k.toString()) + ":" + toJson(v)));
            return "{" + String.join(",", fields) + "}";
        }
        return quote(value.toString());
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf("  %-32s %s%n", name, value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static Double msValue(long nanos) {
        return nanos < 0 ? null : round(nanos / 1e6);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
