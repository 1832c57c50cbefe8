package org.openicr.web.record;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/**
 * The cumulative results grid (tests by day) written in Java: {@code <icr:resultGrid
 * grid="#{grid}" person="#{recordBacking.person}"/>}. A heavy record's grid has hundreds of cells,
 * each of which cost several EL evaluations in Facelets (docs/decision-log.md, "Session 12: the
 * record page rendered in Java"). Writes nothing for a grid with no rows (the page says so).
 */
@FacesComponent(
        value = ResultGridComponent.TYPE,
        createTag = true,
        tagName = "resultGrid",
        namespace = ListComponent.NAMESPACE)
public class ResultGridComponent extends ListComponent {

    static final String TYPE = "org.openicr.ResultGrid";

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        if (getAttributes().get("grid") instanceof ResultGrid grid
                && !grid.getRows().isEmpty()) {
            write(
                    new Html(context.getResponseWriter()),
                    grid,
                    context.getExternalContext().getRequestContextPath() + "/record/view.xhtml?person="
                            + getAttributes().get("person"));
        }
    }

    static void write(Html html, ResultGrid grid, String recordHref) throws IOException {
        html.open("table", "id", "result-grid", "class", "icr-table icr-result-grid");
        html.element(
                "caption",
                "icr-note",
                "Each test's values by the day they were taken, newest first; values"
                        + " outside the reference range are marked in words.");
        html.open("thead").open("tr");
        html.open("th", "scope", "col", "class", "icr-grid-test").text("Test").close("th");
        html.open("th", "scope", "col").text("Reference range").close("th");
        for (ResultGrid.Column c : grid.getColumns()) {
            html.open("th", "scope", "col", "class", "icr-grid-day")
                    .text(c.label())
                    .close("th");
        }
        html.close("tr").close("thead").open("tbody");
        for (ResultGrid.Row r : grid.getRows()) {
            html.open("tr", "data-test", r.key());
            html.open("th", "scope", "row", "class", "icr-grid-test").element("span", "icr-item-title", r.name());
            if (r.unit() != null) {
                html.element("span", "icr-note", " (" + r.unit() + ")");
            }
            if (r.trendable()) {
                html.text(" ")
                        .open(
                                "a",
                                "class",
                                "icr-trend-link",
                                "href",
                                recordHref + "&category=RESULTS&trendSystem=" + r.trendSystem() + "&trend="
                                        + r.trendCode() + "#trend")
                        .text("Trend")
                        .element("span", "icr-visually-hidden", " of " + r.name())
                        .close("a");
            }
            html.close("th").element("td", null, r.range());
            for (ResultGrid.Cell cell : r.cells()) {
                html.open("td", "class", cell.abnormal() ? "icr-grid-abnormal" : null);
                if (cell.isBlank()) {
                    html.element("span", "icr-visually-hidden", "no result");
                }
                html.text(cell.value());
                if (cell.flag() != null) {
                    html.text(" ").element("span", "icr-flag", cell.flag());
                }
                html.close("td");
            }
            html.close("tr");
        }
        html.close("tbody").close("table");
    }
}
