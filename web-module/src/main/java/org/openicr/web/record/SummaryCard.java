package org.openicr.web.record;

import java.io.Serializable;
import java.util.List;

/**
 * A card of the summary as the page shows it, worked out once: its heading, the link to the whole
 * category with its count, and its lines; or that the category is not available to the role.
 */
public final class SummaryCard implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String category;
    private final String title;
    private final String label;
    private final boolean permitted;
    private final String allHref;
    private final String allText;
    private final List<SummaryLine> lines;

    SummaryCard(
            String category,
            String title,
            String label,
            boolean permitted,
            String allHref,
            long count,
            List<SummaryLine> lines) {
        this.category = category;
        this.title = title;
        this.label = label;
        this.permitted = permitted;
        this.allHref = allHref;
        this.allText = "All (" + count + ")";
        this.lines = List.copyOf(lines);
    }

    public String getCategory() {
        return category;
    }

    public String getTitle() {
        return title;
    }

    /** The category's name for "...: not available to your role". */
    public String getLabel() {
        return label;
    }

    public boolean isPermitted() {
        return permitted;
    }

    /** The link to the whole category, or null when the role may not see it. */
    public String getAllHref() {
        return allHref;
    }

    public String getAllText() {
        return allText;
    }

    public List<SummaryLine> getLines() {
        return lines;
    }

    /** "No current medications recorded by the sharing organisations." */
    public String getEmptyText() {
        return "No " + title.toLowerCase(java.util.Locale.UK) + " recorded by the sharing organisations.";
    }
}
