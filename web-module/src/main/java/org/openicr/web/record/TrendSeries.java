package org.openicr.web.record;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.vocabulary.UkDateFormat;
import org.openicr.web.UkDates;

/**
 * The numeric results of one test over time, with the reference range, as a Chart.js line chart for
 * PrimeFaces {@code p:chart}. Results whose value is not a number ("positive", "&lt;5") are left out
 * of the line (they stay in the table); the range is the newest result's, as laboratories change
 * ranges with their methods.
 */
public final class TrendSeries implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter LABEL = UkDateFormat.DATE;

    public record Point(String date, BigDecimal value, String interpretation) implements Serializable {}

    private final String title;
    private final String unit;
    private final List<Point> points;
    private final BigDecimal low;
    private final BigDecimal high;

    private TrendSeries(String title, String unit, List<Point> points, BigDecimal low, BigDecimal high) {
        this.title = title;
        this.unit = unit;
        this.points = List.copyOf(points);
        this.low = low;
        this.high = high;
    }

    /** The trend of {@code results} (oldest first, all of one test); withheld ones are skipped. */
    public static TrendSeries of(List<ItemView> results) {
        List<Point> points = new ArrayList<>();
        String title = null;
        String unit = null;
        BigDecimal low = null;
        BigDecimal high = null;
        for (ItemView result : results) {
            if (result.withheld() || result.effectiveAt() == null) {
                continue;
            }
            Optional<BigDecimal> value = number(result.detail(ItemDetail.VALUE));
            if (value.isEmpty()) {
                continue;
            }
            points.add(new Point(
                    LABEL.format(result.effectiveAt().atZone(UkDates.UK)),
                    value.get(),
                    result.detail(ItemDetail.INTERPRETATION)));
            title = result.title();
            unit = result.detail(ItemDetail.UNIT) != null ? result.detail(ItemDetail.UNIT) : unit;
            low = number(result.detail(ItemDetail.REFERENCE_LOW)).orElse(null);
            high = number(result.detail(ItemDetail.REFERENCE_HIGH)).orElse(null);
        }
        return new TrendSeries(title, unit, points, low, high);
    }

    static Optional<BigDecimal> number(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** A line needs two points; with fewer the page says so instead of drawing a dot. */
    public boolean isDrawable() {
        return points.size() >= 2;
    }

    public List<Point> getPoints() {
        return points;
    }

    public String getTitle() {
        return title;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getLow() {
        return low;
    }

    public BigDecimal getHigh() {
        return high;
    }

    /** The Chart.js configuration: the values, and the reference range as a shaded band. */
    public String chartJson() {
        StringBuilder json = new StringBuilder("{\"type\":\"line\",\"data\":{\"labels\":[");
        json.append(String.join(",", points.stream().map(p -> quote(p.date())).toList()));
        json.append("],\"datasets\":[");
        json.append("{\"label\":")
                .append(quote(title + (unit == null ? "" : " (" + unit + ")")))
                .append(",\"data\":[")
                .append(String.join(
                        ",", points.stream().map(p -> p.value().toPlainString()).toList()))
                .append("],\"borderColor\":\"#005eb8\",\"backgroundColor\":\"#005eb8\",\"pointRadius\":4,")
                .append("\"tension\":0,\"fill\":false}");
        if (low != null) {
            json.append(",").append(rangeLine("Reference low", low, "false"));
        }
        if (high != null) {
            json.append(",").append(rangeLine("Reference high", high, low != null ? "\"-1\"" : "false"));
        }
        json.append("]},\"options\":{\"animation\":false,\"maintainAspectRatio\":false,")
                .append("\"plugins\":{\"legend\":{\"position\":\"bottom\"}},")
                .append("\"scales\":{\"y\":{\"title\":{\"display\":true,\"text\":")
                .append(quote(unit == null ? "" : unit))
                .append("}}}}}");
        return json.toString();
    }

    private String rangeLine(String label, BigDecimal value, String fill) {
        String values =
                String.join(",", points.stream().map(p -> value.toPlainString()).toList());
        return "{\"label\":" + quote(label + " " + value.toPlainString()) + ",\"data\":[" + values
                + "],\"borderColor\":\"#009639\",\"borderDash\":[6,4],\"borderWidth\":1,\"pointRadius\":0,"
                + "\"backgroundColor\":\"rgba(0,150,57,0.10)\",\"fill\":" + fill + "}";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : (text == null ? "" : text).toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
