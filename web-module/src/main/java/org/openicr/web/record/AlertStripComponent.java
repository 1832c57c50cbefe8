package org.openicr.web.record;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.List;
import org.openicr.record.boundary.ItemView;
import org.openicr.record.boundary.RecordSummary;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.web.UkDates;

/**
 * The alert strip under the patient banner (safeguarding alerts, allergies, the resuscitation
 * decision, reasonable adjustments), written in Java from the summary the page read:
 * {@code <icr:alertStrip summary="#{recordBacking.summary}"/>}. A kind the role may not see is left
 * out; a kind with nothing recorded says so. Same markup as the Facelets it replaced, without an EL
 * evaluation per alert (docs/decision-log.md, "Session 12: the record page rendered in Java").
 */
@FacesComponent(
        value = AlertStripComponent.TYPE,
        createTag = true,
        tagName = "alertStrip",
        namespace = ListComponent.NAMESPACE)
public class AlertStripComponent extends ListComponent {

    static final String TYPE = "org.openicr.AlertStrip";
    private static final UkDates DATES = new UkDates();

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        if (getAttributes().get("summary") instanceof RecordSummary summary) {
            write(new Html(context.getResponseWriter()), summary);
        }
    }

    static void write(Html html, RecordSummary summary) throws IOException {
        html.open("div", "id", "alert-strip", "class", "icr-alert-strip", "role", "region", "aria-label", "Alerts");
        if (summary.permits(Category.SAFEGUARDING)) {
            List<ItemView> alerts = summary.section(Category.SAFEGUARDING);
            start(html, "safeguarding", "Safeguarding");
            if (alerts.isEmpty()) {
                html.text("No safeguarding alerts recorded by the sharing organisations.");
            }
            for (int i = 0; i < alerts.size(); i++) {
                ItemView a = alerts.get(i);
                html.element("span", a.withheld() ? "icr-withheld" : null, a.title())
                        .text(" ");
                html.element(
                        "span", "icr-note", "(" + a.sourceOrganisation() + ", " + DATES.day(a.effectiveAt()) + ")");
                separator(html, i, alerts.size());
            }
            html.close("div");
        }
        if (summary.permits(Category.ALLERGIES)) {
            List<ItemView> allergies = summary.section(Category.ALLERGIES);
            start(html, "allergies", "Allergies");
            if (allergies.isEmpty()) {
                html.text("No allergies recorded by the sharing organisations.");
            }
            for (int i = 0; i < allergies.size(); i++) {
                ItemView a = allergies.get(i);
                html.element("span", a.withheld() ? "icr-withheld" : "icr-item-title", a.title());
                String reaction = a.detail(ItemDetail.REACTION);
                if (reaction != null) {
                    html.text(" (" + reaction + ")");
                }
                separator(html, i, allergies.size());
            }
            html.close("div");
        }
        if (summary.permits(Category.CARE_PLANS)) {
            List<ItemView> decisions = summary.getResuscitation();
            start(html, "resuscitation", "Resuscitation");
            if (decisions.isEmpty()) {
                html.text("No ReSPECT form or DNACPR decision shared by the sharing organisations.");
            }
            for (int i = 0; i < decisions.size(); i++) {
                ItemView a = decisions.get(i);
                html.element(
                        "strong",
                        null,
                        a.detail(ItemDetail.CPR_DECISION) != null ? a.words(ItemDetail.CPR_DECISION) : a.title());
                String form = a.detail(ItemDetail.FORM_LOCATION);
                html.text(" ")
                        .element(
                                "span",
                                "icr-note",
                                "(" + a.planHeading() + ", " + a.sourceOrganisation() + ", "
                                        + DATES.day(a.effectiveAt()) + (form != null ? "; form held: " + form : "")
                                        + ")");
                separator(html, i, decisions.size());
            }
            html.close("div");
        }
        if (summary.permits(Category.ADJUSTMENTS)) {
            List<ItemView> adjustments = summary.section(Category.ADJUSTMENTS);
            start(html, "adjustments", "Reasonable adjustments");
            if (adjustments.isEmpty()) {
                html.text("No reasonable adjustments recorded by the sharing organisations.");
            }
            for (int i = 0; i < adjustments.size(); i++) {
                ItemView a = adjustments.get(i);
                if (a.withheld()) {
                    html.element("span", "icr-withheld", a.title());
                } else {
                    String kind = a.words(ItemDetail.ADJUSTMENT_CATEGORY);
                    html.text((kind == null ? "" : kind) + ": ").element("span", "icr-item-title", a.title());
                }
                separator(html, i, adjustments.size());
            }
            html.close("div");
        }
        html.close("div");
    }

    private static void start(Html html, String kind, String words) throws IOException {
        html.open("div", "class", "icr-alert icr-alert-" + kind, "id", "alert-" + kind);
        html.element("span", "icr-alert-kind", words).text(" ");
    }

    private static void separator(Html html, int index, int size) throws IOException {
        html.text(index + 1 < size ? "; " : "");
    }
}
