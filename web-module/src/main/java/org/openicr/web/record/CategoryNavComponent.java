package org.openicr.web.record;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.List;

/**
 * The record's category navigation entries ({@link CategoryLink}s, worked out once per page),
 * written in Java: {@code <icr:categoryNav links="#{recordBacking.categoryLinks}"/>} inside the
 * navigation's list. A category the role may not see is named, not linked.
 */
@FacesComponent(
        value = CategoryNavComponent.TYPE,
        createTag = true,
        tagName = "categoryNav",
        namespace = ListComponent.NAMESPACE)
public class CategoryNavComponent extends ListComponent {

    static final String TYPE = "org.openicr.CategoryNav";

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        @SuppressWarnings("unchecked")
        List<CategoryLink> links = (List<CategoryLink>) getAttributes().get("links");
        if (links != null) {
            write(new Html(context.getResponseWriter()), links);
        }
    }

    static void write(Html html, List<CategoryLink> links) throws IOException {
        for (CategoryLink c : links) {
            html.open("li", "class", c.current() ? "icr-current" : null);
            if (c.permitted()) {
                html.open("a", "href", c.href(), "data-category", c.name())
                        .text(c.text())
                        .close("a");
            } else {
                html.open("span", "class", "icr-not-available", "data-category", c.name())
                        .text(c.label() + ": not available to your role")
                        .close("span");
            }
            html.close("li");
        }
    }
}
