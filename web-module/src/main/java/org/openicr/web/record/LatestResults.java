package org.openicr.web.record;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;

/**
 * The summary's results: the latest value of each test, newest first, with the direction it moved
 * since the value before it, rather than the newest rows (which showed one test three times). A
 * withheld result is its own entry: its test is not known to the reader.
 */
public final class LatestResults {

    /** Which way the latest value moved against the one before it. */
    public enum Direction {
        UP("up from"),
        DOWN("down from"),
        SAME("unchanged from");

        private final String words;

        Direction(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One test: its latest result, the result before it (or null), the direction between their
     * values (null unless both are numbers) and how many numeric values of the test were read.
     */
    public record Latest(ItemView latest, ItemView previous, Direction direction, int numericValues)
            implements Serializable {}

    private LatestResults() {}

    /** The latest result of each test in {@code newestFirst}, at most {@code max} tests, newest first. */
    public static List<Latest> of(List<ItemView> newestFirst, int max) {
        Map<String, List<ItemView>> byTest = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (ItemView result : newestFirst) {
            String key = ItemText.testKey(result);
            if (key == null) {
                order.add(result);
                continue;
            }
            List<ItemView> series = byTest.get(key);
            if (series == null) {
                series = new ArrayList<>();
                byTest.put(key, series);
                order.add(key);
            }
            series.add(result);
        }
        List<Latest> latest = new ArrayList<>();
        for (Object entry : order) {
            if (latest.size() == max) {
                break;
            }
            if (entry instanceof ItemView withheld) {
                latest.add(new Latest(withheld, null, null, 0));
                continue;
            }
            List<ItemView> series = byTest.get(entry);
            ItemView newest = series.get(0);
            ItemView previous = series.size() > 1 ? series.get(1) : null;
            int numeric =
                    (int) series.stream().filter(r -> value(r).isPresent()).count();
            latest.add(new Latest(newest, previous, direction(newest, previous), numeric));
        }
        return List.copyOf(latest);
    }

    /** The direction from {@code previous} to {@code latest}, or null when either is not a number. */
    static Direction direction(ItemView latest, ItemView previous) {
        if (previous == null) {
            return null;
        }
        Optional<BigDecimal> now = value(latest);
        Optional<BigDecimal> before = value(previous);
        if (now.isEmpty() || before.isEmpty()) {
            return null;
        }
        int compared = now.get().compareTo(before.get());
        return compared > 0 ? Direction.UP : compared < 0 ? Direction.DOWN : Direction.SAME;
    }

    private static Optional<BigDecimal> value(ItemView result) {
        return result.withheld() ? Optional.empty() : TrendSeries.number(result.detail(ItemDetail.VALUE));
    }
}
