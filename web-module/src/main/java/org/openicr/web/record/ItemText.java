package org.openicr.web.record;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openicr.record.boundary.ItemView;

/**
 * How item details read on the page: each detail name the interface accepts gets a label, and a
 * medication's change (started, dose changed, stopped) is worded from its {@code change} detail or,
 * when a source sends none, from its status and end date.
 */
public final class ItemText {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("dose", "Dose"),
            Map.entry("route", "Route"),
            Map.entry("frequency", "Frequency"),
            Map.entry("quantity", "Quantity"),
            Map.entry("change", "Change"),
            Map.entry("changeReason", "Reason for change"),
            Map.entry("prescriber", "Prescriber"),
            Map.entry("value", "Value"),
            Map.entry("unit", "Unit"),
            Map.entry("referenceLow", "Reference low"),
            Map.entry("referenceHigh", "Reference high"),
            Map.entry("referenceText", "Reference range"),
            Map.entry("interpretation", "Flag"),
            Map.entry("reportKey", "Report"),
            Map.entry("reaction", "Reaction"),
            Map.entry("severity", "Severity"),
            Map.entry("author", "Author"),
            Map.entry("documentType", "Type"),
            Map.entry("location", "Location"),
            Map.entry("clinician", "Clinician"),
            Map.entry("specialty", "Specialty"),
            Map.entry("encounterClass", "Class"),
            Map.entry("referredTo", "Referred to"),
            Map.entry("referredBy", "Referred by"),
            Map.entry("priority", "Priority"),
            Map.entry("allocatedWorker", "Allocated worker"),
            Map.entry("contactPhone", "Telephone"),
            Map.entry("team", "Team"),
            Map.entry("relationship", "Relationship"));

    private static final Map<String, String> CHANGES = Map.of(
            "started", "Started",
            "dose-changed", "Dose changed",
            "stopped", "Stopped",
            "restarted", "Restarted",
            "changed", "Changed",
            "route-changed", "Route changed",
            "frequency-changed", "Frequency changed");

    /** Details a view shows in its own columns (results, medications) rather than in the list. */
    private static final Set<String> OWN_COLUMNS = Set.of(
            "dose",
            "route",
            "frequency",
            "change",
            "changeReason",
            "value",
            "unit",
            "referenceLow",
            "referenceHigh",
            "referenceText",
            "interpretation",
            "reportKey");

    /** A labelled detail; the getters let pages read it as plain properties (no reflective EL call). */
    public record Detail(String label, String value) implements java.io.Serializable {

        public String getLabel() {
            return label;
        }

        public String getValue() {
            return value;
        }
    }

    private ItemText() {}

    public static String label(String name) {
        return LABELS.getOrDefault(name, name);
    }

    /** The details worth listing beside the item, labelled, in the order the source sent them. */
    public static List<Detail> details(ItemView item, boolean skipOwnColumns) {
        return item.details().entrySet().stream()
                .filter(e -> !skipOwnColumns || !OWN_COLUMNS.contains(e.getKey()))
                .map(e -> new Detail(label(e.getKey()), e.getValue()))
                .toList();
    }

    /** "Dose changed: HbA1c above target", "Stopped", "Started": what happened to a medication. */
    public static String medicationChange(ItemView item) {
        String change = item.detail("change");
        String worded;
        if (change != null && !change.isBlank()) {
            String key =
                    change.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
            worded = CHANGES.getOrDefault(key, change.strip());
        } else if (item.effectiveEnd() != null || "stopped".equalsIgnoreCase(item.status())) {
            worded = "Stopped";
        } else {
            worded = "Started";
        }
        String reason = item.detail("changeReason");
        return reason == null || reason.isBlank() ? worded : worded + ": " + reason;
    }

    /** "One tablet once a day, Morning, Oral": how a medication is taken, in one line. */
    public static String dosage(ItemView item) {
        return java.util.stream.Stream.of(item.detail("dose"), item.detail("frequency"), item.detail("route"))
                .filter(part -> part != null && !part.isBlank())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** A result's value with its unit and flag, e.g. "58 mmol/mol (H)". */
    public static String resultValue(ItemView item) {
        String value = item.detail("value");
        if (value == null) {
            return "";
        }
        String unit = item.detail("unit");
        String flag = item.detail("interpretation");
        return value + (unit == null ? "" : " " + unit) + (flag == null || "N".equals(flag) ? "" : " (" + flag + ")");
    }

    /** "20-41", "< 5", or the laboratory's text. */
    public static String referenceRange(ItemView item) {
        String low = item.detail("referenceLow");
        String high = item.detail("referenceHigh");
        if (low != null && high != null) {
            return low + " - " + high;
        }
        if (high != null) {
            return "up to " + high;
        }
        if (low != null) {
            return "from " + low;
        }
        String text = item.detail("referenceText");
        return text == null ? "" : text;
    }

    /** Whether a result is outside its range (the laboratory's flag: H, L, HH, LL, A). */
    public static boolean abnormal(ItemView item) {
        String flag = item.detail("interpretation");
        return flag != null
                && Set.of("H", "L", "HH", "LL", "A", "AA").contains(flag.strip().toUpperCase(Locale.ROOT));
    }

    /** A numeric result can be drawn as a trend. */
    public static boolean numeric(ItemView item) {
        return !item.withheld()
                && item.code() != null
                && TrendSeries.number(item.detail("value")).isPresent();
    }
}
