package org.openicr.tools.load;

import java.util.Arrays;

/**
 * Every acknowledgement time of a run, kept exactly (8 bytes each: a million messages is 8 MB), so
 * percentiles are the true nearest-rank values rather than a histogram's approximation. One
 * instance per client thread; {@link #merge} combines them at the end.
 */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    public void add(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    public int count() {
        return size;
    }

    public static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.nanos[i]);
            }
        }
        return all;
    }

    /** The values in ascending order (a copy). */
    public long[] sorted() {
        long[] copy = Arrays.copyOf(nanos, size);
        Arrays.sort(copy);
        return copy;
    }

    /**
     * Nearest-rank percentile of ascending values: the smallest value such that at least p% of all
     * values are less than or equal to it. p = 100 is the maximum; an empty array gives -1.
     */
    public static long percentile(long[] ascending, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]");
        }
        if (ascending.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * ascending.length);
        return ascending[Math.max(rank, 1) - 1];
    }
}
