package org.openicr.web.record;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.CarePlanning;
import org.openicr.vocabulary.ItemDetail;

/**
 * How item details read on the page: each detail name the interface accepts gets a label, and a
 * medication's change (started, dose changed, stopped) is worded from its {@code change} detail or,
 * when a source sends none, from its status and end date.
 */
public final class ItemText {

    /** Every detail's label: a detail added to {@link ItemDetail} without one fails ItemTextTest. */
    private static final Map<ItemDetail, String> LABELS = new EnumMap<>(ItemDetail.class);

    static {
        LABELS.put(ItemDetail.DOSE, "Dose");
        LABELS.put(ItemDetail.ROUTE, "Route");
        LABELS.put(ItemDetail.FREQUENCY, "Frequency");
        LABELS.put(ItemDetail.QUANTITY, "Quantity");
        LABELS.put(ItemDetail.CHANGE, "Change");
        LABELS.put(ItemDetail.CHANGE_REASON, "Reason for change");
        LABELS.put(ItemDetail.PRESCRIBER, "Prescriber");
        LABELS.put(ItemDetail.LOT_NUMBER, "Batch number");
        LABELS.put(ItemDetail.SITE, "Site");
        LABELS.put(ItemDetail.VALUE, "Value");
        LABELS.put(ItemDetail.UNIT, "Unit");
        LABELS.put(ItemDetail.REFERENCE_LOW, "Reference low");
        LABELS.put(ItemDetail.REFERENCE_HIGH, "Reference high");
        LABELS.put(ItemDetail.REFERENCE_TEXT, "Reference range");
        LABELS.put(ItemDetail.INTERPRETATION, "Flag");
        LABELS.put(ItemDetail.REPORT_KEY, "Report");
        LABELS.put(ItemDetail.REACTION, "Reaction");
        LABELS.put(ItemDetail.SEVERITY, "Severity");
        LABELS.put(ItemDetail.AUTHOR, "Author");
        LABELS.put(ItemDetail.DOCUMENT_TYPE, "Type");
        LABELS.put(ItemDetail.LOCATION, "Location");
        LABELS.put(ItemDetail.CLINICIAN, "Clinician");
        LABELS.put(ItemDetail.SPECIALTY, "Specialty");
        LABELS.put(ItemDetail.ENCOUNTER_CLASS, "Class");
        LABELS.put(ItemDetail.REFERRED_TO, "Referred to");
        LABELS.put(ItemDetail.REFERRED_BY, "Referred by");
        LABELS.put(ItemDetail.PRIORITY, "Priority");
        LABELS.put(ItemDetail.ALLOCATED_WORKER, "Allocated worker");
        LABELS.put(ItemDetail.CONTACT_PHONE, "Telephone");
        LABELS.put(ItemDetail.TEAM, "Team");
        LABELS.put(ItemDetail.RELATIONSHIP, "Relationship");
        LABELS.put(ItemDetail.CARING, "Caring");
        LABELS.put(ItemDetail.PLAN_TYPE, "Plan");
        LABELS.put(ItemDetail.CPR_DECISION, "CPR decision");
        LABELS.put(ItemDetail.FORM_LOCATION, "Original form held");
        LABELS.put(ItemDetail.DECIDED_BY, "Decided by");
        LABELS.put(ItemDetail.REVIEW_DATE, "Review by");
        LABELS.put(ItemDetail.FRAILTY_SCORE, "Clinical Frailty Scale");
        LABELS.put(ItemDetail.ADJUSTMENT_CATEGORY, "Category");
    }

    /**
     * The changes a source names in a medication's {@code change} detail (started, dose-changed...),
     * worded for the page; a change named otherwise is shown as the source wrote it.
     */
    enum Change {
        STARTED("Started"),
        DOSE_CHANGED("Dose changed"),
        STOPPED("Stopped"),
        RESTARTED("Restarted"),
        CHANGED("Changed"),
        ROUTE_CHANGED("Route changed"),
        FREQUENCY_CHANGED("Frequency changed");

        private final String worded;

        Change(String worded) {
            this.worded = worded;
        }

        /** "dose-changed", "Dose changed", "DOSE_CHANGED": the same change. */
        static Optional<Change> named(String name) {
            String constant =
                    name.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            return Arrays.stream(values())
                    .filter(c -> c.name().equals(constant))
                    .findFirst();
        }
    }

    /** Details a view shows in its own columns (results, medications) rather than in the list. */
    private static final Set<ItemDetail> OWN_COLUMNS = EnumSet.of(
            ItemDetail.DOSE,
            ItemDetail.ROUTE,
            ItemDetail.FREQUENCY,
            ItemDetail.CHANGE,
            ItemDetail.CHANGE_REASON,
            ItemDetail.VALUE,
            ItemDetail.UNIT,
            ItemDetail.REFERENCE_LOW,
            ItemDetail.REFERENCE_HIGH,
            ItemDetail.REFERENCE_TEXT,
            ItemDetail.INTERPRETATION,
            ItemDetail.REPORT_KEY);

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

    public static String label(ItemDetail detail) {
        return LABELS.getOrDefault(detail, detail.key());
    }

    /** The details worth listing beside the item, labelled, in the order the source sent them. */
    public static List<Detail> details(ItemView item, boolean skipOwnColumns) {
        return item.details().entrySet().stream()
                .filter(e -> !skipOwnColumns || !OWN_COLUMNS.contains(e.getKey()))
                .map(e -> new Detail(label(e.getKey()), value(e.getKey(), e.getValue())))
                .toList();
    }

    /**
     * A detail's value as a person reads it: coded care planning values in words ("Do not attempt
     * CPR"), a review date as the record's other dates (UkDates), a frailty score with its meaning; others as sent.
     */
    static String value(ItemDetail detail, String value) {
        if (value == null) {
            return null;
        }
        return switch (detail) {
            case REVIEW_DATE -> reviewDate(value);
            case FRAILTY_SCORE -> frailty(value);
            default -> CarePlanning.words(detail, value);
        };
    }

    private static String reviewDate(String value) {
        try {
            return new org.openicr.web.UkDates().date(java.time.LocalDate.parse(value.strip()));
        } catch (java.time.format.DateTimeParseException notADate) {
            return value;
        }
    }

    /** The Clinical Frailty Scale's words for each score (Rockwood, version 2.0). */
    private static final List<String> FRAILTY_WORDS = List.of(
            "very fit",
            "fit",
            "managing well",
            "living with very mild frailty",
            "living with mild frailty",
            "living with moderate frailty",
            "living with severe frailty",
            "living with very severe frailty",
            "terminally ill");

    private static String frailty(String value) {
        try {
            int score = Integer.parseInt(value.strip());
            if (score >= 1 && score <= FRAILTY_WORDS.size()) {
                return score + " (" + FRAILTY_WORDS.get(score - 1) + ")";
            }
        } catch (NumberFormatException notANumber) {
            // shown as sent
        }
        return value;
    }

    /** "Dose changed: HbA1c above target", "Stopped", "Started": what happened to a medication. */
    public static String medicationChange(ItemView item) {
        String change = item.detail(ItemDetail.CHANGE);
        String worded;
        if (change != null && !change.isBlank()) {
            worded = Change.named(change).map(c -> c.worded).orElse(change.strip());
        } else if (item.effectiveEnd() != null || "stopped".equalsIgnoreCase(item.status())) {
            worded = "Stopped";
        } else {
            worded = "Started";
        }
        String reason = item.detail(ItemDetail.CHANGE_REASON);
        return reason == null || reason.isBlank() ? worded : worded + ": " + reason;
    }

    /** "One tablet once a day, Morning, Oral": how a medication is taken, in one line. */
    public static String dosage(ItemView item) {
        return java.util.stream.Stream.of(
                        item.detail(ItemDetail.DOSE), item.detail(ItemDetail.FREQUENCY), item.detail(ItemDetail.ROUTE))
                .filter(part -> part != null && !part.isBlank())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** A result's value with its unit and flag, e.g. "58 mmol/mol (H)". */
    public static String resultValue(ItemView item) {
        String value = item.detail(ItemDetail.VALUE);
        if (value == null) {
            return "";
        }
        String unit = item.detail(ItemDetail.UNIT);
        String flag = item.detail(ItemDetail.INTERPRETATION);
        return value + (unit == null ? "" : " " + unit) + (flag == null || "N".equals(flag) ? "" : " (" + flag + ")");
    }

    /**
     * "20 - 41"; a one-sided range as the laboratory wrote it ("<5", ">=60": whether the limit is
     * included matters), else "up to 5" / "from 60"; or the laboratory's text.
     */
    public static String referenceRange(ItemView item) {
        String low = item.detail(ItemDetail.REFERENCE_LOW);
        String high = item.detail(ItemDetail.REFERENCE_HIGH);
        if (low != null && high != null) {
            return low + " - " + high;
        }
        String written = item.detail(ItemDetail.REFERENCE_TEXT);
        if ((low != null || high != null) && written != null) {
            return written;
        }
        if (high != null) {
            return "up to " + high;
        }
        if (low != null) {
            return "from " + low;
        }
        String text = item.detail(ItemDetail.REFERENCE_TEXT);
        return text == null ? "" : text;
    }

    /** Whether a result is outside its range (the laboratory's flag: H, L, HH, LL, A). */
    public static boolean abnormal(ItemView item) {
        String flag = item.detail(ItemDetail.INTERPRETATION);
        return flag != null
                && Set.of("H", "L", "HH", "LL", "A", "AA").contains(flag.strip().toUpperCase(Locale.ROOT));
    }

    /** A result's value with its unit, without its flag ("58 mmol/mol"); "" when it has no value. */
    public static String valueWithUnit(ItemView item) {
        String value = item.detail(ItemDetail.VALUE);
        if (value == null) {
            return "";
        }
        String unit = item.detail(ItemDetail.UNIT);
        return value + (unit == null ? "" : " " + unit);
    }

    /** The laboratory flags (HL7 v2 abnormal flags, FHIR interpretation codes) in words. */
    private static final Map<String, String> FLAG_WORDS = Map.of(
            "H", "High",
            "L", "Low",
            "HH", "Critically high",
            "LL", "Critically low",
            "A", "Abnormal",
            "AA", "Critically abnormal",
            ">", "Above the measurable range",
            "<", "Below the measurable range");

    /**
     * A result's flag in words ("High", "Critically low"), or null for a normal result or none; a
     * flag the record does not know is shown as the laboratory sent it.
     */
    public static String flagWords(ItemView item) {
        String flag = item.detail(ItemDetail.INTERPRETATION);
        if (flag == null || flag.isBlank()) {
            return null;
        }
        String code = flag.strip().toUpperCase(Locale.ROOT);
        if (code.equals("N")) {
            return null;
        }
        return FLAG_WORDS.getOrDefault(code, flag.strip());
    }

    /**
     * What makes two results the same test: the code system and code ("LOINC:4548-4"), or for an
     * uncoded result its name; null for a withheld result, whose test the reader may not know.
     */
    public static String testKey(ItemView item) {
        if (item.withheld()) {
            return null;
        }
        if (item.code() != null) {
            return item.code().system().name() + ":" + item.code().code();
        }
        return item.title() == null ? null : "name:" + item.title().strip().toLowerCase(Locale.ROOT);
    }

    /** A numeric result can be drawn as a trend. */
    public static boolean numeric(ItemView item) {
        return !item.withheld()
                && item.code() != null
                && TrendSeries.number(item.detail(ItemDetail.VALUE)).isPresent();
    }
}
