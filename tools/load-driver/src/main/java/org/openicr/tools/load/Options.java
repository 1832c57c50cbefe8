package org.openicr.tools.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} pairs (a name may repeat) and a few value-less flags. */
public final class Options {

    private static final Set<String> FLAGS =
            Set.of("skip-setup", "top", "allow-remote", "help", "skip-ingestion", "skip-web", "no-docs", "distinct");

    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> raw;

    public Options(List<String> args) {
        this.raw = List.copyOf(args);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (FLAGS.contains(name)) {
                value = "true";
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    /** The arguments as given, with the value of any option whose name contains "password" masked. */
    public List<String> raw() {
        List<String> shown = new ArrayList<>();
        boolean mask = false;
        for (String arg : raw) {
            if (mask) {
                shown.add("***");
                mask = false;
            } else if (arg.startsWith("--") && arg.contains("password")) {
                int eq = arg.indexOf('=');
                shown.add(eq > 0 ? arg.substring(0, eq + 1) + "***" : arg);
                mask = eq < 0;
            } else {
                shown.add(arg);
            }
        }
        return shown;
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public String get(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    public String required(String name) {
        String v = get(name, null);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public int integer(String name, int fallback) {
        String v = get(name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }

    public long longValue(String name, long fallback) {
        String v = get(name, null);
        return v == null ? fallback : Long.parseLong(v);
    }

    public double decimal(String name, double fallback) {
        String v = get(name, null);
        return v == null ? fallback : Double.parseDouble(v);
    }

    public Duration duration(String name, Duration fallback) {
        String v = get(name, null);
        return v == null ? fallback : parseDuration(v);
    }

    /** 30s, 2m, 500ms, or a plain number of seconds. */
    static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }
}
