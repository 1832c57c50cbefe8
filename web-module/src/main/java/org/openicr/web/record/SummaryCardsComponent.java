package org.openicr.web.record;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.List;

/**
 * The summary's cards and their lines ({@link SummaryCard}, {@link SummaryLine}), written in Java:
 * {@code <icr:summaryCards cards="#{recordBacking.cards}" print="#{print}"/>}. The markup is the
 * one {@code summary.xhtml} and {@code item-line.xhtml} wrote with a {@code ui:repeat} per card and
 * per line; written here it costs one EL evaluation for the whole summary instead of about 25 per
 * line (the page's server time was mostly EL name resolution and UIRepeat: docs/decision-log.md,
 * "Session 12: the record page rendered in Java").
 */
@FacesComponent(
        value = SummaryCardsComponent.TYPE,
        createTag = true,
        tagName = "summaryCards",
        namespace = ListComponent.NAMESPACE)
public class SummaryCardsComponent extends ListComponent {

    static final String TYPE = "org.openicr.SummaryCards";

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        @SuppressWarnings("unchecked")
        List<SummaryCard> cards = (List<SummaryCard>) getAttributes().get("cards");
        Object print = getAttributes().get("print");
        write(new Html(context.getResponseWriter()), cards == null ? List.of() : cards, Boolean.TRUE.equals(print));
    }

    static void write(Html html, List<SummaryCard> cards, boolean print) throws IOException {
        for (SummaryCard card : cards) {
            String category = card.getCategory();
            html.open(
                    "section",
                    "class",
                    "icr-summary-card",
                    "id",
                    "summary-" + category,
                    "aria-labelledby",
                    "summary-title-" + category);
            html.open("h3", "id", "summary-title-" + category).text(card.getTitle());
            if (card.getAllHref() != null && !print) {
                html.text(" ").link("icr-all-link", card.getAllHref(), card.getAllText());
            }
            html.close("h3");
            if (!card.isPermitted()) {
                html.element("p", "icr-not-available", card.getLabel() + ": not available to your role");
            } else {
                if (card.getLines().isEmpty()) {
                    html.element("p", "icr-empty", card.getEmptyText());
                }
                html.open("ul", "class", "icr-lines");
                for (SummaryLine line : card.getLines()) {
                    line(html, line);
                }
                html.close("ul");
            }
            html.close("section");
        }
    }

    /** One line: title, what matters for its category, dates and source (item-line.xhtml before). */
    static void line(Html html, SummaryLine line) throws IOException {
        html.open("li", "class", "icr-line").open("div", "class", "icr-line-main");
        if (!line.isWithheld()) {
            html.element("span", "icr-item-title", line.getTitle());
        } else {
            html.element("span", "icr-withheld", line.getTitle());
            if (line.getSealHref() != null) {
                html.text(" ").link("icr-seal-link", line.getSealHref(), "Break the seal");
            }
        }
        switch (line.getKind()) {
            case "RESULT" -> {
                html.text(" ").element("span", line.isAbnormal() ? "icr-abnormal" : "icr-value", line.getValue());
                if (line.getFlag() != null) {
                    html.text(" ").element("span", "icr-flag", line.getFlag());
                }
                if (line.getRange() != null && !line.getRange().isEmpty()) {
                    html.element("span", "icr-note", " range " + line.getRange());
                }
                if (line.getMovement() != null) {
                    html.element("div", "icr-note icr-movement", line.getMovement());
                }
                if (line.getTrendHref() != null) {
                    html.link("icr-trend-link", line.getTrendHref(), "Trend");
                }
            }
            case "MEDICATION" -> {
                html.element("div", "icr-med-line", line.getDosage());
                html.element("div", "icr-note", line.getChange());
            }
            case "OTHER" -> {
                for (ItemText.Detail d : line.getDetails()) {
                    html.text(" ").open("span", "class", "icr-detail").element("span", "icr-detail-name", d.label());
                    html.text(" ").text(d.value()).close("span");
                }
                if (line.getViewHref() != null) {
                    html.text(" ").link("icr-view-link", line.getViewHref(), "View");
                }
            }
            default -> {
                // withheld: only the dates and the source below
            }
        }
        html.close("div").open("div", "class", "icr-line-meta").text(line.getWhen());
        if (line.getStatus() != null) {
            html.text(" · " + line.getStatus());
        }
        html.text(" · ").element("span", "icr-source", line.getSource());
        html.close("div").close("li");
    }
}
