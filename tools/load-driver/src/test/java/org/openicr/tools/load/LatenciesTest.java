package org.openicr.tools.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankOnOneToHundred() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = i + 1;
        }
        assertEquals(50, Latencies.percentile(values, 50));
        assertEquals(95, Latencies.percentile(values, 95));
        assertEquals(99, Latencies.percentile(values, 99));
        assertEquals(100, Latencies.percentile(values, 100));
        assertEquals(1, Latencies.percentile(values, 0.5));
    }

    @Test
    void nearestRankRoundsUpOnSmallSamples() {
        long[] values = {10, 20, 30, 40, 50};
        // p95 of five values: rank ceil(4.75) = 5, the largest; p50: rank ceil(2.5) = 3.
        assertEquals(50, Latencies.percentile(values, 95));
        assertEquals(30, Latencies.percentile(values, 50));
        assertEquals(10, Latencies.percentile(values, 20));
        assertEquals(20, Latencies.percentile(values, 21));
    }

    @Test
    void singleValueAndEmpty() {
        assertEquals(7, Latencies.percentile(new long[] {7}, 99));
        assertEquals(-1, Latencies.percentile(new long[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Latencies.percentile(new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Latencies.percentile(new long[] {1}, 101));
    }

    @Test
    void mergeKeepsEveryValueAndSorts() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 0; i < 3000; i++) {
            (i % 2 == 0 ? a : b).add(3000 - i);
        }
        Latencies all = Latencies.merge(List.of(a, b));
        assertEquals(3000, all.count());
        long[] sorted = all.sorted();
        assertEquals(1, sorted[0]);
        assertEquals(3000, sorted[2999]);
        assertEquals(2850, Latencies.percentile(sorted, 95));
        assertArrayEquals(new long[] {1, 2, 3}, java.util.Arrays.copyOf(sorted, 3));
    }
}
