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
import org.openicr.vocabulary.LegitimateReason;

/** The reasons per role the database starts with (db/V20) are exactly AccessDefaults.ROLE_REASONS. */
class RoleReasonSeedTest {

    @Test
    void theSeedIsTheDocumentedDefault() throws Exception {
        String sql = Files.readString(Path.of("../db/V20__reasons_per_role.sql"));
        String rows = sql.substring(sql.lastIndexOf("insert into role_reason"));
        Matcher row = Pattern.compile("\\('(R\\d{4})', '([A-Z_]+)'\\)").matcher(rows);
        Map<String, Set<LegitimateReason>> seeded = new TreeMap<>();
        while (row.find()) {
            seeded.computeIfAbsent(row.group(1), r -> EnumSet.noneOf(LegitimateReason.class))
                    .add(LegitimateReason.valueOf(row.group(2)));
        }
        Map<String, Set<LegitimateReason>> defaults = new TreeMap<>();
        AccessDefaults.ROLE_REASONS.reasonsByRole().forEach((role, reasons) -> {
            if (!reasons.isEmpty()) {
                defaults.put(role, EnumSet.copyOf(reasons));
            }
        });
        assertEquals(defaults, seeded);
        assertEquals(
                AccessDefaults.MATRIX.categoriesByRole().keySet(),
                AccessDefaults.ROLE_REASONS.reasonsByRole().keySet());
    }
}
