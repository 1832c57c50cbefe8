package org.openicr.web.record;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openicr.record.boundary.CareRecord;
import org.openicr.record.boundary.ItemView;
import org.openicr.record.boundary.RecordOverview;
import org.openicr.record.boundary.RecordSummary;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.web.session.ActiveProfile;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The record page: the banner and alert strip, then the summary (no category chosen) or one
 * category in the layout it needs: current medications and their history, results with a trend,
 * documents with the in-page viewer, the encounter timeline, or a list paged in the database. Sends
 * the reader to the reason page first when no valid reason is on record.
 */
@Named
@ViewScoped
public class RecordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Timeline entries per page: a long record is read a page at a time, never all at once. */
    static final int TIMELINE_PAGE = 50;

    /** Tests on the summary's results card: the latest value of each, newest first. */
    static final int LATEST_RESULTS = 8;

    /** Results the cumulative grid is built from: the newest, as many as one read answers. */
    static final int GRID_RESULTS = 200;

    /** The value of {@code page} for the combined timeline. */
    static final String TIMELINE = "timeline";

    @EJB
    transient CareRecord careRecord;

    @Inject
    ActiveProfile activeProfile;

    private Long person;
    private String category;
    private String trendSystem;
    private String trend;
    private Long document;
    private int from;
    private String test;
    private String report;
    private String page;

    private RecordOverview overview;
    private List<ItemView> current;
    private TrendSeries trendSeries;
    private List<Timeline.Month> timeline;
    private List<CategoryLink> categoryLinks;
    private List<SummaryCard> cards;
    private ResultGrid resultGrid;
    private List<ItemView> resultsRead;
    private String hiddenLine;
    private boolean personalDetails;

    private final LazyDataModel<ItemView> items = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) overview.count(selected());
        }

        @Override
        public List<ItemView> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            if (resultsRead != null && resultsRead.size() < GRID_RESULTS) {
                // The grid's one read already holds every result (and was audited as such): page it
                // here rather than reading and auditing the same results again.
                return resultsRead.subList(
                        Math.min(first, resultsRead.size()), Math.min(first + pageSize, resultsRead.size()));
            }
            return careRecord.items(activeProfile.id(), person, selected(), first, pageSize);
        }

        @Override
        public String getRowKey(ItemView item) {
            return Long.toString(item.id());
        }

        @Override
        public ItemView getRowData(String rowKey) {
            return null;
        }
    };

    public void load() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        readAddress(external.getRequestParameterMap());
        if (person == null || !activeProfile.isChosen()) {
            external.redirect(external.getRequestContextPath() + "/home.xhtml");
            return;
        }
        try {
            overview = isTimelineView()
                    ? careRecord.openTimeline(activeProfile.id(), person)
                    : careRecord.open(activeProfile.id(), person, selected());
        } catch (IcrException refused) {
            if (refused.code() == ErrorCode.NOT_FOUND) {
                // No record has this number: "No such record" (404), audited by the boundary.
                NotFound.answer(FacesContext.getCurrentInstance(), NotFound.RECORD);
                return;
            }
            // Refused before the record could be decided on (the profile's organisation made inactive,
            // the person unknown): audited by the boundary; the user is told why, on the home page.
            FacesContext.getCurrentInstance()
                    .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.reason(), null));
            external.getFlash().setKeepMessages(true);
            external.redirect(external.getRequestContextPath() + "/home.xhtml");
            return;
        }
        if (overview.reasonRequired()) {
            external.redirect(external.getRequestContextPath() + "/record/reason.xhtml?person=" + person);
            return;
        }
        if (overview.patient() == null) {
            return;
        }
        RecordSummary summary = overview.summary();
        Category selected = selected();
        String context = external.getRequestContextPath();
        String recordHref = context + "/record/view.xhtml?person=" + person;
        categoryLinks = getCategories().stream()
                .map(c -> new CategoryLink(
                        c.name(),
                        c.label(),
                        overview.permits(c),
                        recordHref + "&category=" + c.name(),
                        c.label() + " (" + overview.count(c) + ")",
                        c == selected))
                .toList();
        if (isTimelineView()) {
            timeline =
                    Timeline.group(careRecord.timeline(activeProfile.id(), person, Math.max(0, from), TIMELINE_PAGE));
            return;
        }
        if (selected == null) {
            // The role's categories as the decision answered them (demographics included: the
            // summary's own set holds item categories only).
            java.util.Set<Category> permitted = java.util.EnumSet.noneOf(Category.class);
            for (Category c : Category.values()) {
                if (overview.permits(c)) {
                    permitted.add(c);
                }
            }
            SummaryLayout layout = SummaryLayout.of(CARDS, permitted);
            hiddenLine = layout.hiddenLine();
            personalDetails = layout.personalDetails();
            cards = layout.cards().stream()
                    .map(card -> new SummaryCard(
                            card.category().name(),
                            card.title(),
                            card.category().label(),
                            summary.permits(card.category()),
                            overview.permits(card.category())
                                    ? recordHref + "&category="
                                            + card.category().name()
                                    : null,
                            overview.count(card.category()),
                            card.category() == Category.RESULTS
                                    ? SummaryLine.latestResults(
                                            summary.section(card.category()),
                                            context,
                                            person,
                                            summary.mayBreakSeal(),
                                            LATEST_RESULTS)
                                    : SummaryLine.of(
                                            summary.section(card.category()), context, person, summary.mayBreakSeal())))
                    .toList();
        }
        if (selected == null || !overview.permits(selected)) {
            return;
        }
        switch (selected) {
            case MEDICATIONS -> current = careRecord.currentItems(activeProfile.id(), person, Category.MEDICATIONS);
            case RESULTS -> {
                resultsRead = careRecord.items(activeProfile.id(), person, Category.RESULTS, 0, GRID_RESULTS);
                resultGrid = ResultGrid.of(resultsRead, test, report);
                if (trend != null && trendSystem != null) {
                    trendSeries =
                            TrendSeries.of(careRecord.resultSeries(activeProfile.id(), person, trendSystem, trend));
                }
            }
            case ENCOUNTERS, APPOINTMENTS -> timeline = Timeline.group(
                    careRecord.items(activeProfile.id(), person, selected, Math.max(0, from), TIMELINE_PAGE));
            default -> {
                // a list paged in the database by the lazy table
            }
        }
    }

    /**
     * The page's address, read here rather than by nine {@code f:viewParam}s (each a CDI look-up and
     * a conversion on every page). A {@code person} that is not a number never gets here
     * ({@link RecordAddressFilter} answers "No such record"); a {@code from} or {@code document} that
     * is not one is ignored, as a page with no such parameter.
     */
    void readAddress(Map<String, String> parameters) {
        String id = parameters.get("person");
        person = NotFound.isId(id) ? Long.valueOf(id.strip()) : null;
        category = parameters.get("category");
        trendSystem = parameters.get("trendSystem");
        trend = parameters.get("trend");
        String chosen = parameters.get("document");
        document = NotFound.isId(chosen) ? Long.valueOf(chosen.strip()) : null;
        String start = parameters.get("from");
        from = start != null && start.strip().matches("[0-9]{1,9}") ? Integer.parseInt(start.strip()) : 0;
        test = parameters.get("test");
        report = parameters.get("report");
        page = parameters.get("page");
    }

    /** The category shown, or null for the summary (no category, or one the record does not have). */
    public Category selected() {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            Category chosen = Category.valueOf(category);
            return chosen.isItemCategory() ? chosen : null;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** A card of the summary: its category and the heading a clinician expects. */
    record Card(Category category, String title) implements Serializable {}

    /**
     * The summary's cards in reading order: care planning and reasonable adjustments first, as urgent
     * care reads them (they, safeguarding and allergies also head the alert strip).
     */
    static final List<Card> CARDS = List.of(
            new Card(Category.CARE_PLANS, "Care planning"),
            new Card(Category.ADJUSTMENTS, "Reasonable adjustments"),
            new Card(Category.PROBLEMS, "Active problems"),
            new Card(Category.MEDICATIONS, "Current medications"),
            new Card(Category.ALLERGIES, "Allergies"),
            new Card(Category.IMMUNISATIONS, "Recent immunisations"),
            new Card(Category.RESULTS, "Latest results"),
            new Card(Category.ENCOUNTERS, "Recent encounters"),
            new Card(Category.APPOINTMENTS, "Booked appointments"),
            new Card(Category.REFERRALS, "Open referrals"),
            new Card(Category.SOCIAL_CARE, "Social care involvement"),
            new Card(Category.SAFEGUARDING, "Safeguarding alerts"),
            new Card(Category.DOCUMENTS, "Recent documents"),
            new Card(Category.CONTACTS, "Contacts and care team"));

    /** When the print view was made, for its header. */
    public java.time.Instant getPrintedAt() {
        return java.time.Instant.now();
    }

    /** The summary's cards, worked out once for the page (null on a category's page). */
    public List<SummaryCard> getCards() {
        return cards;
    }

    /** The summary's one line naming the cards the role may not see, or null when it sees them all. */
    public String getHiddenLine() {
        return hiddenLine;
    }

    /** Whether the summary leads with the personal details card (roles that read no clinical list). */
    public boolean isPersonalDetails() {
        return personalDetails;
    }

    /** The category navigation, worked out once for the page. */
    public List<CategoryLink> getCategoryLinks() {
        return categoryLinks;
    }

    public boolean isSummaryView() {
        return selected() == null && !isTimelineView();
    }

    /** Whether this is the combined timeline's page ({@code page=timeline}). */
    public boolean isTimelineView() {
        return TIMELINE.equals(page);
    }

    /** Whether a category's own page is shown (neither the summary nor the timeline). */
    public boolean isCategoryView() {
        return selected() != null && !isTimelineView();
    }

    /** The cumulative results grid and its filters (results page only, else null). */
    public ResultGrid getResultGrid() {
        return resultGrid;
    }

    /** "Trend" only for a test with two or more numeric values among the results read. */
    public boolean trendable(ItemView item) {
        return resultGrid != null && resultGrid.trendable(item);
    }

    public String flagWords(ItemView item) {
        return ItemText.flagWords(item);
    }

    public List<Category> getCategories() {
        return Arrays.stream(Category.values()).filter(Category::isItemCategory).toList();
    }

    public LazyDataModel<ItemView> getItems() {
        return items;
    }

    public RecordOverview getOverview() {
        return overview;
    }

    /** The summary's sections the page shows (part of the overview; refused: none). */
    public RecordSummary getSummary() {
        return overview == null ? null : overview.summary();
    }

    public boolean isMayBreakSeal() {
        return overview != null && overview.summary().mayBreakSeal();
    }

    public List<ItemView> getCurrent() {
        return current;
    }

    public TrendSeries getTrendSeries() {
        return trendSeries;
    }

    public List<Timeline.Month> getTimeline() {
        return timeline;
    }

    /**
     * How many entries the timeline holds: on the combined timeline, the events of every timeline
     * category the role may see; on the encounters or appointments page, that category's.
     */
    public long getTimelineCount() {
        if (isTimelineView()) {
            return getCombinedTimelineCount();
        }
        Category selected = selected();
        return selected != null && overview.permits(selected) ? overview.count(selected) : 0;
    }

    /**
     * The Timeline menu entry's count: the dated events of every timeline category the role may see,
     * from the category counts the record's page already read (no statement of its own).
     */
    public long getCombinedTimelineCount() {
        return CareRecord.TIMELINE_CATEGORIES.stream()
                .filter(overview::permits)
                .mapToLong(overview::count)
                .sum();
    }

    /** The address of this timeline's page that starts at entry {@code start}. */
    private String timelineHref(int start) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return external.getRequestContextPath() + "/record/view.xhtml?person=" + person
                + (isTimelineView()
                        ? "&page=" + TIMELINE
                        : "&category=" + selected().name())
                + (start > 0 ? "&from=" + start : "");
    }

    /** The newer page's address, or null on the first page. */
    public String getNewerHref() {
        return from > 0 ? timelineHref(Math.max(0, from - TIMELINE_PAGE)) : null;
    }

    /** The older page's address, or null on the last page. */
    public String getOlderHref() {
        return from + TIMELINE_PAGE < getTimelineCount() ? timelineHref(from + TIMELINE_PAGE) : null;
    }

    /** The words above a timeline: what it holds. */
    public String getTimelineNote() {
        if (isTimelineView()) {
            return "Every dated event the sharing organisations recorded that your role may see: attendances,"
                    + " admissions, appointments, referrals, procedures, results, documents and social care,"
                    + " newest first.";
        }
        return selected() == Category.APPOINTMENTS
                ? "Appointments booked by the sharing organisations, past and future, newest first."
                : "Attendances, admissions and discharges the sharing organisations recorded, newest first.";
    }

    /** The words of an empty timeline. */
    public String getTimelineEmpty() {
        if (isTimelineView()) {
            return "No dated events that your role may see are recorded by the sharing organisations.";
        }
        return selected() == Category.APPOINTMENTS
                ? "No appointments recorded by the sharing organisations."
                : "No encounters recorded by the sharing organisations.";
    }

    public int getTimelinePage() {
        return TIMELINE_PAGE;
    }

    /** The code system of a result as the trend link sends it ("LOINC"), or "" for an uncoded one. */
    public static String codeSystemOf(ItemView item) {
        return item.code() == null ? "" : item.code().system().name();
    }

    /** The code of a result as the trend link sends it ("4548-4"), or "" for an uncoded one. */
    public static String codeOf(ItemView item) {
        return item.code() == null ? "" : item.code().code();
    }

    public List<ItemText.Detail> details(ItemView item, boolean skipOwnColumns) {
        return ItemText.details(item, skipOwnColumns);
    }

    public String change(ItemView item) {
        return ItemText.medicationChange(item);
    }

    public String resultValue(ItemView item) {
        return ItemText.resultValue(item);
    }

    public String valueWithUnit(ItemView item) {
        return ItemText.valueWithUnit(item);
    }

    public String range(ItemView item) {
        return ItemText.referenceRange(item);
    }

    public boolean abnormal(ItemView item) {
        return ItemText.abnormal(item);
    }

    public boolean numeric(ItemView item) {
        return ItemText.numeric(item);
    }

    public Long getPerson() {
        return person;
    }

    public void setPerson(Long person) {
        this.person = person;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTrendSystem() {
        return trendSystem;
    }

    public void setTrendSystem(String trendSystem) {
        this.trendSystem = trendSystem;
    }

    public String getTrend() {
        return trend;
    }

    public void setTrend(String trend) {
        this.trend = trend;
    }

    public Long getDocument() {
        return document;
    }

    public void setDocument(Long document) {
        this.document = document;
    }

    public String getTest() {
        return test;
    }

    public void setTest(String test) {
        this.test = test;
    }

    public String getReport() {
        return report;
    }

    public void setReport(String report) {
        this.report = report;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public int getFrom() {
        return from;
    }

    public void setFrom(int from) {
        this.from = from;
    }
}
