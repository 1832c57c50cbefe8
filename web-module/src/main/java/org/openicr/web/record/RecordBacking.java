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

    private RecordOverview overview;
    private List<ItemView> current;
    private TrendSeries trendSeries;
    private List<Timeline.Month> timeline;
    private List<CategoryLink> categoryLinks;
    private List<SummaryCard> cards;
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
        if (person == null || !activeProfile.isChosen()) {
            external.redirect(external.getRequestContextPath() + "/home.xhtml");
            return;
        }
        try {
            overview = careRecord.open(activeProfile.id(), person, selected());
        } catch (IcrException refused) {
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
                            SummaryLine.of(summary.section(card.category()), context, person, summary.mayBreakSeal())))
                    .toList();
        }
        if (selected == null || !overview.permits(selected)) {
            return;
        }
        switch (selected) {
            case MEDICATIONS -> current = careRecord.currentItems(activeProfile.id(), person, Category.MEDICATIONS);
            case RESULTS -> {
                if (trend != null && trendSystem != null) {
                    trendSeries =
                            TrendSeries.of(careRecord.resultSeries(activeProfile.id(), person, trendSystem, trend));
                }
            }
            case ENCOUNTERS, APPOINTMENTS -> timeline =
                    Timeline.group(careRecord.timeline(activeProfile.id(), person, Math.max(0, from), TIMELINE_PAGE));
            default -> {
                // a list paged in the database by the lazy table
            }
        }
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

    /** The summary's cards in reading order (safeguarding and allergies also head the alert strip). */
    static final List<Card> CARDS = List.of(
            new Card(Category.PROBLEMS, "Active problems"),
            new Card(Category.MEDICATIONS, "Current medications"),
            new Card(Category.ALLERGIES, "Allergies"),
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
        return selected() == null;
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

    /** How many entries the timeline holds: encounters and appointments the role may see. */
    public long getTimelineCount() {
        return (overview.permits(Category.ENCOUNTERS) ? overview.count(Category.ENCOUNTERS) : 0)
                + (overview.permits(Category.APPOINTMENTS) ? overview.count(Category.APPOINTMENTS) : 0);
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

    public int getFrom() {
        return from;
    }

    public void setFrom(int from) {
        this.from = from;
    }
}
