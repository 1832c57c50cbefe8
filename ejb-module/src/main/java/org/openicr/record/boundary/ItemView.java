package org.openicr.record.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One item as the record viewer shows it. For an item withheld by its source (sealed, seal not
 * broken) only the category, dates and source are filled in: its content never leaves the EJB layer.
 */
public record ItemView(
        long id,
        String category,
        Instant effectiveAt,
        Instant effectiveEnd,
        String status,
        String title,
        String code,
        String text,
        Map<String, String> details,
        String sourceOrganisation,
        boolean withheld)
        implements Serializable {

    public String detail(String name) {
        return details.get(name);
    }
}
