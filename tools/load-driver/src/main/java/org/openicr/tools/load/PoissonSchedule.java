package org.openicr.tools.load;

import java.util.SplittableRandom;

/**
 * Open-loop arrival times for the web benchmarks: a Poisson process (exponential gaps, mean
 * 1/rate) or evenly spaced arrivals, fixed before the run from a seed. Arrival i is due at
 * {@code start + offset(i)} whatever happened to the arrivals before it, and its latency is
 * counted from that due time, so a server that falls behind shows as latency (no coordinated
 * omission) instead of quietly lowering the offered rate.
 */
public final class PoissonSchedule {

    private final long[] offsets;
    private final double rate;

    private PoissonSchedule(long[] offsets, double rate) {
        this.offsets = offsets;
        this.rate = rate;
    }

    /** Arrivals of a Poisson process at {@code rate} per second over {@code durationNanos}. */
    public static PoissonSchedule poisson(double rate, long durationNanos, long seed) {
        check(rate, durationNanos);
        SplittableRandom random = new SplittableRandom(seed);
        long[] buffer = new long[(int) Math.min(Integer.MAX_VALUE - 8, rate * durationNanos / 1e9 * 1.2 + 16)];
        int n = 0;
        double t = 0;
        while (true) {
            // Inverse transform: -ln(U)/rate with U in (0, 1].
            t += -Math.log(1.0 - random.nextDouble()) / rate * 1e9;
            if (t >= durationNanos) {
                break;
            }
            if (n == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, n * 2);
            }
            buffer[n++] = Math.round(t);
        }
        return new PoissonSchedule(java.util.Arrays.copyOf(buffer, n), rate);
    }

    /** Evenly spaced arrivals: i / rate seconds after the start. */
    public static PoissonSchedule uniform(double rate, long durationNanos) {
        check(rate, durationNanos);
        OpenLoopSchedule even = new OpenLoopSchedule(0, rate, durationNanos, 0);
        long n = even.plannedMessages();
        long[] offsets = new long[(int) n];
        for (int i = 0; i < n; i++) {
            offsets[i] = even.dueNanos(i);
        }
        return new PoissonSchedule(offsets, rate);
    }

    private static void check(double rate, long durationNanos) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive");
        }
        if (durationNanos <= 0) {
            throw new IllegalArgumentException("duration must be positive");
        }
    }

    public int size() {
        return offsets.length;
    }

    public double rate() {
        return rate;
    }

    /** Nanoseconds after the start at which arrival {@code index} is due. */
    public long offsetNanos(int index) {
        return offsets[index];
    }
}
