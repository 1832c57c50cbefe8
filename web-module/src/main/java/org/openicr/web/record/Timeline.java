package org.openicr.web.record;

import java.io.Serializable;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.web.UkDates;

/**
 * A timeline of dated events, newest first, grouped by month: the encounters page (attendances,
 * admissions, discharges), the appointments page, and the combined timeline of every event
 * category (results, documents, referrals...). Sources say what an encounter was in different ways (an HL7 patient class, a
 * title), so the kind is read from the category, the encounter class and then the title.
 */
public final class Timeline {

    public enum Kind {
        APPOINTMENT("Appointment"),
        ADMISSION("Admission"),
        DISCHARGE("Discharge"),
        ATTENDANCE("Attendance"),
        REFERRAL("Referral"),
        RESULT("Result"),
        DOCUMENT("Document"),
        PROCEDURE("Procedure"),
        SOCIAL_CARE("Social care"),
        OTHER("Other");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An entry: its kind, the item, and its category in words ("Encounters"). */
    public record Entry(Kind kind, ItemView item) implements Serializable {
        public String categoryLabel() {
            return item.category().label();
        }
    }

    public record Month(String label, List<Entry> entries) implements Serializable {}

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private Timeline() {}

    /** Groups items (already newest first) into months, keeping their order; undated ones last. */
    public static List<Month> group(List<ItemView> items) {
        List<Month> months = new ArrayList<>();
        String current = null;
        List<Entry> entries = null;
        List<Entry> undated = new ArrayList<>();
        for (ItemView item : items) {
            if (item.effectiveAt() == null) {
                undated.add(new Entry(kind(item), item));
                continue;
            }
            String label = MONTH.format(YearMonth.from(item.effectiveAt().atZone(UkDates.UK)));
            if (!label.equals(current)) {
                current = label;
                entries = new ArrayList<>();
                months.add(new Month(label, entries));
            }
            entries.add(new Entry(kind(item), item));
        }
        if (!undated.isEmpty()) {
            months.add(new Month("Date not recorded", undated));
        }
        return months.stream()
                .map(m -> new Month(m.label(), List.copyOf(m.entries())))
                .toList();
    }

    static Kind kind(ItemView item) {
        switch (item.category()) {
            case APPOINTMENTS:
                return Kind.APPOINTMENT;
            case REFERRALS:
                return Kind.REFERRAL;
            case RESULTS:
                return Kind.RESULT;
            case DOCUMENTS:
                return Kind.DOCUMENT;
            case PROCEDURES:
                return Kind.PROCEDURE;
            case SOCIAL_CARE:
                return Kind.SOCIAL_CARE;
            case ENCOUNTERS:
                return encounterKind(item);
            default:
                return Kind.OTHER;
        }
    }

    /** Sources say what an encounter was in different ways: the encounter class, then the title. */
    private static Kind encounterKind(ItemView item) {
        String encounterClass = lower(item.detail(ItemDetail.ENCOUNTER_CLASS));
        String title = lower(item.title());
        if (title.contains("discharge") || encounterClass.contains("discharge")) {
            return Kind.DISCHARGE;
        }
        if (encounterClass.contains("inpatient")
                || encounterClass.equals("imp")
                || title.contains("admission")
                || title.contains("admitted")) {
            return Kind.ADMISSION;
        }
        return Kind.ATTENDANCE;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
