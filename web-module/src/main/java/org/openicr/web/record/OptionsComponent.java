package org.openicr.web.record;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.List;

/**
 * The options of a plain GET form's select (the results filter's tests and reports), the chosen one
 * selected, written in Java: {@code <icr:options options="#{grid.tests}" selected="#{grid.test}"/>}.
 */
@FacesComponent(
        value = OptionsComponent.TYPE,
        createTag = true,
        tagName = "options",
        namespace = ListComponent.NAMESPACE)
public class OptionsComponent extends ListComponent {

    static final String TYPE = "org.openicr.Options";

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        @SuppressWarnings("unchecked")
        List<ResultGrid.Option> options =
                (List<ResultGrid.Option>) getAttributes().get("options");
        Object selected = getAttributes().get("selected");
        Html html = new Html(context.getResponseWriter());
        for (ResultGrid.Option o : options == null ? List.<ResultGrid.Option>of() : options) {
            html.open("option", "value", o.value(), "selected", o.value().equals(selected) ? "selected" : null)
                    .text(o.label())
                    .close("option");
        }
    }
}
