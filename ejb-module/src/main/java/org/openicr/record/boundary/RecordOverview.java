package org.openicr.record.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.openicr.patient.boundary.PatientSummary;
import org.openicr.vocabulary.Category;

/**
 * What the record page needs to open: either that a reason must be given first (and why), or the
 * banner, each category's access for the reader's role and how many items it holds, and the
 * summary's sections the page shows (refused: {@link RecordSummary#refused()}).
 */
public record RecordOverview(
        PatientSummary patient,
        boolean reasonRequired,
        String refusal,
        Map<Category, Boolean> permitted,
        Map<Category, Long> counts,
        String reason,
        List<String> alerts,
        RecordSummary summary)
        implements Serializable {

    public boolean permits(Category category) {
        return Boolean.TRUE.equals(permitted.get(category));
    }

    public long count(Category category) {
        return counts.getOrDefault(category, 0L);
    }
}
