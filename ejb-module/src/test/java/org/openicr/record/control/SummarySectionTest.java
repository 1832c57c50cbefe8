package org.openicr.record.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openicr.vocabulary.Category;

class SummarySectionTest {

    @Test
    void anItemWithoutAStatusOrWithAnOpenOneIsCurrent() {
        assertTrue(SummarySection.isCurrent(null));
        assertTrue(SummarySection.isCurrent(" "));
        assertTrue(SummarySection.isCurrent("active"));
        assertTrue(SummarySection.isCurrent("open"));
        assertTrue(SummarySection.isCurrent("booked"));
    }

    @Test
    void statusesThatSayTheItemIsOverAreNotCurrentWhateverTheirCase() {
        assertFalse(SummarySection.isCurrent("resolved"));
        assertFalse(SummarySection.isCurrent("Stopped"));
        assertFalse(SummarySection.isCurrent(" COMPLETED "));
        assertFalse(SummarySection.isCurrent("entered-in-error"));
        assertFalse(SummarySection.isCurrent("fulfilled"), "an appointment that took place is not booked");
    }

    @Test
    void theSummaryCoversEveryItemCategoryButProceduresOnce() {
        Set<Category> covered =
                SummarySection.SUMMARY.stream().map(SummarySection::category).collect(Collectors.toSet());
        assertEquals(SummarySection.SUMMARY.size(), covered.size(), "one section per category");
        EnumSet<Category> expected = EnumSet.allOf(Category.class);
        expected.remove(Category.DEMOGRAPHICS);
        expected.remove(Category.PROCEDURES);
        assertEquals(expected, covered);
    }

    @Test
    void resultsAndEncountersShowTheNewestWhateverTheirStatus() {
        for (SummarySection section : SummarySection.SUMMARY) {
            boolean history = section.category() == Category.RESULTS
                    || section.category() == Category.ENCOUNTERS
                    || section.category() == Category.DOCUMENTS
                    || section.category() == Category.IMMUNISATIONS;
            assertEquals(!history, section.currentOnly(), section.category().name());
        }
    }

    @Test
    void demographicsAreNotASection() {
        assertThrows(IllegalArgumentException.class, () -> new SummarySection(Category.DEMOGRAPHICS, 5, false));
        assertThrows(IllegalArgumentException.class, () -> new SummarySection(Category.RESULTS, 0, false));
    }
}
