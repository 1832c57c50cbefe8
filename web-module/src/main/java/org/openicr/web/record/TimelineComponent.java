package org.openicr.web.record;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.List;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.Category;
import org.openicr.web.UkDates;

/**
 * A timeline's months and entries (the encounters page, the appointments page or the combined
 * timeline), written in Java: {@code <icr:timeline months="#{recordBacking.timeline}"
 * person="#{recordBacking.person}" mayBreakSeal="#{recordBacking.mayBreakSeal}"
 * combined="#{recordBacking.timelineView}"/>}. Fifty entries a page, each of which cost a dozen EL
 * evaluations in Facelets (docs/decision-log.md, "Session 12: the record page rendered in Java").
 */
@FacesComponent(
        value = TimelineComponent.TYPE,
        createTag = true,
        tagName = "timeline",
        namespace = ListComponent.NAMESPACE)
public class TimelineComponent extends ListComponent {

    static final String TYPE = "org.openicr.Timeline";
    private static final UkDates DATES = new UkDates();

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        @SuppressWarnings("unchecked")
        List<Timeline.Month> months = (List<Timeline.Month>) getAttributes().get("months");
        Object person = getAttributes().get("person");
        write(
                new Html(context.getResponseWriter()),
                months == null ? List.of() : months,
                context.getExternalContext().getRequestContextPath(),
                person,
                Boolean.TRUE.equals(getAttributes().get("mayBreakSeal")),
                Boolean.TRUE.equals(getAttributes().get("combined")));
    }

    static void write(
            Html html,
            List<Timeline.Month> months,
            String contextPath,
            Object person,
            boolean mayBreakSeal,
            boolean combined)
            throws IOException {
        for (Timeline.Month month : months) {
            html.element("h3", "icr-timeline-month", month.label());
            html.open("ol", "class", "icr-timeline-entries");
            for (Timeline.Entry entry : month.entries()) {
                ItemView item = entry.item();
                html.open(
                        "li",
                        "class",
                        "icr-timeline-entry icr-kind-" + entry.kind().name(),
                        "data-category",
                        item.category().name());
                html.open(
                                "time",
                                "class",
                                "icr-timeline-date",
                                "datetime",
                                item.effectiveAt() == null
                                        ? ""
                                        : item.effectiveAt().toString())
                        .text(DATES.dateTime(item.effectiveAt()))
                        .close("time");
                html.text(" ").element("span", "icr-kind", entry.kind().label());
                html.open("div", "class", "icr-timeline-body");
                if (!item.withheld()) {
                    html.element("span", "icr-item-title", item.title());
                } else {
                    html.element("span", "icr-withheld", item.title());
                    if (mayBreakSeal) {
                        html.text(" ")
                                .link(
                                        "icr-seal-link",
                                        contextPath + "/record/seal.xhtml?person=" + person + "&item=" + item.id(),
                                        "Break the seal");
                    }
                }
                if (item.category() == Category.RESULTS && !item.withheld()) {
                    String value = ItemText.valueWithUnit(item);
                    if (value != null && !value.isEmpty()) {
                        html.text(" ").element("span", "icr-value", value);
                        String flag = ItemText.flagWords(item);
                        if (flag != null) {
                            html.text(" ").element("span", "icr-flag", flag);
                        }
                    }
                }
                if (item.category() == Category.DOCUMENTS && !item.withheld()) {
                    html.text(" ")
                            .link(
                                    "icr-view-link",
                                    contextPath + "/record/view.xhtml?person=" + person
                                            + "&category=DOCUMENTS&document=" + item.id(),
                                    "View");
                }
                if (item.text() != null && !item.text().isEmpty()) {
                    html.element("div", "icr-note", item.text());
                }
                if (item.category() != Category.RESULTS) {
                    html.open("div");
                    for (ItemText.Detail d : ItemText.details(item, false)) {
                        html.open("span", "class", "icr-detail").element("span", "icr-detail-name", d.label());
                        html.text(" ").text(d.value()).close("span").text(" ");
                    }
                    html.close("div");
                }
                html.open("div", "class", "icr-line-meta");
                if (combined) {
                    html.element("span", "icr-timeline-category", entry.categoryLabel())
                            .text(" · ");
                }
                if (item.effectiveEnd() != null) {
                    html.text("until " + DATES.dateTime(item.effectiveEnd()) + " · ");
                }
                if (item.status() != null && !item.status().isEmpty()) {
                    html.text(item.status() + " · ");
                }
                html.element("span", "icr-source", item.sourceOrganisation());
                html.close("div").close("div").close("li");
            }
            html.close("ol");
        }
    }
}
