package org.openicr.tools.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during the measured phase: CPU seconds of named process groups
 * (a process whose command line matches a pattern, with all its descendants, e.g. the Payara JVM,
 * or the PostgreSQL postmaster and its backends) and the machine's busy share from /proc/stat. On a
 * 2-core machine this tells whether the server, the database or the driver is the limit.
 */
public final class CpuWatch {

    /** CPU seconds of one group over the phase, and how many processes it matched at the end. */
    public record Usage(String name, double cpuSeconds, int processes) {}

    private final Map<String, Pattern> groups;
    private final Map<String, Map<Long, Duration>> before = new HashMap<>();
    private long[] machineBefore;

    public CpuWatch(Map<String, Pattern> groups) {
        this.groups = new LinkedHashMap<>(groups);
    }

    public void start() {
        for (String name : groups.keySet()) {
            before.put(name, snapshot(name));
        }
        before.put("driver", Map.of(ProcessHandle.current().pid(), ownCpu()));
        machineBefore = machine();
    }

    public List<Usage> stop() {
        List<Usage> usages = new ArrayList<>();
        for (String name : groups.keySet()) {
            usages.add(usage(name, snapshot(name)));
        }
        usages.add(usage("driver", Map.of(ProcessHandle.current().pid(), ownCpu())));
        return usages;
    }

    /** Share of all cores busy (not idle, not waiting for I/O) between start and stop, or -1. */
    public double machineBusyShare() {
        long[] after = machine();
        if (machineBefore == null || after == null) {
            return -1;
        }
        long total = after[0] - machineBefore[0];
        long idle = after[1] - machineBefore[1];
        return total <= 0 ? -1 : (double) (total - idle) / total;
    }

    private Usage usage(String name, Map<Long, Duration> now) {
        Map<Long, Duration> start = before.getOrDefault(name, Map.of());
        double seconds = 0;
        for (Map.Entry<Long, Duration> e : now.entrySet()) {
            Duration was = start.getOrDefault(e.getKey(), Duration.ZERO);
            seconds += (e.getValue().toNanos() - was.toNanos()) / 1e9;
        }
        return new Usage(name, seconds, now.size());
    }

    private Map<Long, Duration> snapshot(String name) {
        Pattern pattern = groups.get(name);
        Map<Long, Duration> cpu = new HashMap<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> pattern.matcher(c).find())
                        .orElse(false))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .forEach(p -> p.info().totalCpuDuration().ifPresent(d -> cpu.put(p.pid(), d)));
        return cpu;
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Total and idle (idle + iowait) jiffies of all CPUs, from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            // user nice system idle iowait irq softirq steal; guest time is already inside user.
            for (int i = 1; i <= 8 && i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
