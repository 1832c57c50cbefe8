package org.openicr.web.record;

import java.io.Serializable;

/**
 * An entry of the record's category navigation: the category with its count and link, or that it is
 * not available to the reader's role. Worked out once per page (plain properties for the page).
 */
public record CategoryLink(String name, String label, boolean permitted, String href, String text, boolean current)
        implements Serializable {

    public String getName() {
        return name;
    }

    public String getLabel() {
        return label;
    }

    public boolean isPermitted() {
        return permitted;
    }

    public String getHref() {
        return href;
    }

    public String getText() {
        return text;
    }

    public boolean isCurrent() {
        return current;
    }
}
