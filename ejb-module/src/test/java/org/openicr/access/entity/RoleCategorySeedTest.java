package org.openicr.access.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openicr.vocabulary.Category;

/**
 * The role-to-category matrix the database starts with (db/V5__access.sql, V19__care_planning.sql and V29) is exactly the documented
 * default (AccessDefaults, docs/access-defaults.md): the two cannot drift apart unnoticed.
 */
class RoleCategorySeedTest {

    @Test
    void theSeedIsTheDocumentedDefault() throws Exception {
        // V5 seeded the first thirteen categories; V19 added care planning and reasonable adjustments,
        // V29 immunisations.
        String sql = Files.readString(Path.of("../db/V5__access.sql"))
                + Files.readString(Path.of("../db/V19__care_planning.sql"))
                + Files.readString(Path.of("../db/V29__immunisations_and_implied_codes.sql"));
        Matcher row = Pattern.compile("\\('(R\\d{4})', '([A-Z_]+)'\\)").matcher(sql);
        Map<String, Set<Category>> seeded = new TreeMap<>();
        while (row.find()) {
            seeded.computeIfAbsent(row.group(1), r -> EnumSet.noneOf(Category.class))
                    .add(Category.valueOf(row.group(2)));
        }
        Map<String, Set<Category>> defaults = new TreeMap<>();
        AccessDefaults.MATRIX.categoriesByRole().forEach((role, categories) -> {
            if (!categories.isEmpty()) {
                defaults.put(role, EnumSet.copyOf(categories));
            }
        });
        assertEquals(defaults, seeded);
    }
}
