package org.openicr.record.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openicr.access.entity.ReadScope;
import org.openicr.vocabulary.Category;

/** The item WHERE clause compares one category with "=" (so the V12 index gives the page order) and several with any. */
class ItemQueryWhereTest {

    private static ReadScope scope() {
        return new ReadScope(EnumSet.allOf(Category.class), 7, Set.of(), Set.of(), Set.of(), false);
    }

    @Test
    void oneCategoryIsComparedWithEquals() {
        ItemQuery.Where where = ItemQuery.where(5, Set.of(Category.RESULTS), scope());
        assertTrue(where.sql().contains("i.category = ?"), where.sql());
        assertEquals("RESULTS", where.values().get(1));
    }

    @Test
    void severalCategoriesAreComparedWithAny() {
        ItemQuery.Where where = ItemQuery.where(5, EnumSet.of(Category.RESULTS, Category.MEDICATIONS), scope());
        assertTrue(where.sql().contains("i.category = any(?)"), where.sql());
        assertArrayEquals(new String[] {"MEDICATIONS", "RESULTS"}, (String[])
                where.values().get(1));
    }
}
