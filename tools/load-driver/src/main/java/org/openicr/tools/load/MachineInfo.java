package org.openicr.tools.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What machine a figure was measured on, printed at the top of every report: a throughput figure
 * means little without the cores, memory and CPU model behind it (and whether the driver shared
 * them with the server).
 */
public record MachineInfo(int nproc, String cpuModel, List<String> free, String jdk, String commit) {

    public static MachineInfo current() {
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                readCpuModel(),
                command(List.of("free", "-g")),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                String.join("", command(List.of("git", "rev-parse", "--short", "HEAD"))));
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("nproc: " + nproc);
        lines.add("CPU model: " + cpuModel);
        lines.add("free -g:");
        free.forEach(l -> lines.add("  " + l));
        lines.add("JDK (driver): " + jdk);
        lines.add("commit: " + (commit.isEmpty() ? "(unknown)" : commit));
        return lines;
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("(unknown)");
        } catch (IOException e) {
            return "(unknown)";
        }
    }

    /** A short command's output lines, or nothing when it is missing or fails. */
    static List<String> command(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return List.of();
            }
            return out.lines().toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
