package org.openicr.web.record;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.Category;
import org.openicr.web.UkDates;

/**
 * One line of a summary card, worked out once in Java when the page is built: the page reads plain
 * properties instead of calling a dozen methods per item in EL (the summary shows about 70 items,
 * and reflective EL calls were most of the page's server time). A withheld item carries only its
 * dates, source and, for a reader who may break seals, the link to do so.
 */
public final class SummaryLine implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final UkDates DATES = new UkDates();

    /** What the line shows beside its title. */
    public enum Kind {
        RESULT,
        MEDICATION,
        OTHER,
        WITHHELD
    }

    private final Kind kind;
    private final String title;
    private final String sealHref;
    private final String value;
    private final boolean abnormal;
    private final String range;
    private final String trendHref;
    private final String flag;
    private final String movement;
    private final String dosage;
    private final String change;
    private final List<ItemText.Detail> details;
    private final String viewHref;
    private final String when;
    private final String status;
    private final String source;

    private SummaryLine(
            ItemView item,
            LatestResults.Latest latest,
            String recordHref,
            boolean mayBreakSeal,
            String contextPath,
            long person) {
        boolean result = item.category() == Category.RESULTS;
        boolean medication = item.category() == Category.MEDICATIONS;
        this.kind = item.withheld() ? Kind.WITHHELD : result ? Kind.RESULT : medication ? Kind.MEDICATION : Kind.OTHER;
        this.title = item.title();
        this.sealHref = item.withheld() && mayBreakSeal
                ? contextPath + "/record/seal.xhtml?person=" + person + "&item=" + item.id()
                : null;
        // A result in the summary is the latest of its test (LatestResults): its value without the flag,
        // which is given in words beside it, and the way it moved since the value before.
        this.value = kind == Kind.RESULT ? ItemText.valueWithUnit(item) : null;
        this.flag = kind == Kind.RESULT ? ItemText.flagWords(item) : null;
        this.movement = kind == Kind.RESULT && latest != null && latest.direction() != null
                ? latest.direction().words() + " " + ItemText.valueWithUnit(latest.previous()) + " on "
                        + DATES.day(latest.previous().effectiveAt())
                : null;
        this.abnormal = kind == Kind.RESULT && ItemText.abnormal(item);
        this.range = kind == Kind.RESULT ? ItemText.referenceRange(item) : null;
        this.trendHref = kind == Kind.RESULT && ItemText.numeric(item) && latest != null && latest.numericValues() >= 2
                ? recordHref + "&category=RESULTS&trendSystem=" + encode(RecordBacking.codeSystemOf(item)) + "&trend="
                        + encode(RecordBacking.codeOf(item))
                : null;
        this.dosage = kind == Kind.MEDICATION ? ItemText.dosage(item) : null;
        this.change = kind == Kind.MEDICATION ? ItemText.medicationChange(item) : null;
        this.details = kind == Kind.OTHER ? ItemText.details(item, false) : List.of();
        this.viewHref = kind == Kind.OTHER && item.category() == Category.DOCUMENTS
                ? recordHref + "&category=DOCUMENTS&document=" + item.id()
                : null;
        this.when = DATES.day(item.effectiveAt())
                + (item.effectiveEnd() == null ? "" : " to " + DATES.day(item.effectiveEnd()));
        this.status = item.status() == null || item.status().isEmpty() ? null : item.status();
        this.source = item.sourceOrganisation();
    }

    /**
     * The lines of one card. {@code recordHref} is the record page of the person
     * ({@code /ctx/record/view.xhtml?person=N}), to which the trend and document links add.
     */
    static List<SummaryLine> of(List<ItemView> items, String contextPath, long person, boolean mayBreakSeal) {
        String recordHref = contextPath + "/record/view.xhtml?person=" + person;
        return items.stream()
                .map(item -> new SummaryLine(item, null, recordHref, mayBreakSeal, contextPath, person))
                .toList();
    }

    /**
     * The lines of the results card: the latest value of each test, newest first, at most
     * {@code max} tests, from the newest results ({@code newestFirst}); "Trend" only for a test with
     * two or more numeric values.
     */
    static List<SummaryLine> latestResults(
            List<ItemView> newestFirst, String contextPath, long person, boolean mayBreakSeal, int max) {
        String recordHref = contextPath + "/record/view.xhtml?person=" + person;
        return LatestResults.of(newestFirst, max).stream()
                .map(latest -> new SummaryLine(latest.latest(), latest, recordHref, mayBreakSeal, contextPath, person))
                .toList();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public String getKind() {
        return kind.name();
    }

    public String getTitle() {
        return title;
    }

    public boolean isWithheld() {
        return kind == Kind.WITHHELD;
    }

    public String getSealHref() {
        return sealHref;
    }

    public String getValue() {
        return value;
    }

    public boolean isAbnormal() {
        return abnormal;
    }

    public String getRange() {
        return range;
    }

    public String getTrendHref() {
        return trendHref;
    }

    /** The result's flag in words ("High"), or null for a normal one. */
    public String getFlag() {
        return flag;
    }

    /** "down from 58 mmol/mol on 03-Jan-2026", or null when there is no earlier numeric value. */
    public String getMovement() {
        return movement;
    }

    public String getDosage() {
        return dosage;
    }

    public String getChange() {
        return change;
    }

    public List<ItemText.Detail> getDetails() {
        return details;
    }

    public String getViewHref() {
        return viewHref;
    }

    public String getWhen() {
        return when;
    }

    public String getStatus() {
        return status;
    }

    public String getSource() {
        return source;
    }
}
