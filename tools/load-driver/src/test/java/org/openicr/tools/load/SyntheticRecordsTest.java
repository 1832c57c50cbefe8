package org.openicr.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.ItemDetail;

/** The synthetic items speak the application's vocabulary: its categories, code systems and detail names. */
class SyntheticRecordsTest {

    @Test
    void everyItemUsesTheApplicationsNames() {
        Set<Category> seen = EnumSet.noneOf(Category.class);
        for (long n = 0; n < 60; n++) {
            Envelopes.Item item = SyntheticRecords.item("k" + n, n);
            seen.add(Category.valueOf(item.category()));
            assertTrue(CodeSystem.lookup(item.codeSystem()).isPresent(), item.codeSystem());
            for (String name : item.details().keySet()) {
                assertTrue(ItemDetail.lookup(name).isPresent(), name);
            }
        }
        assertEquals(EnumSet.of(Category.MEDICATIONS, Category.RESULTS, Category.PROBLEMS), seen);
    }
}
