package org.openicr.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The raw units of work have the shape of what PostgreSQL logged for one page view and one search. */
class RawSqlTest {

    private static final RawSql.Reader READER =
            new RawSql.Reader(1, 2, "R8000", 3, List.of("CONTACTS", "MEDICATIONS", "PROBLEMS"));

    private static long count(List<RawSql.Step> steps, String fragment) {
        return steps.stream().filter(s -> s.sql().contains(fragment)).count();
    }

    @Test
    void aRecordViewIsTheOpenThenThePageOfTheFirstPermittedCategory() {
        List<RawSql.Step> view = RawSql.recordView(READER, i -> 10L);
        assertEquals(24, view.size());
        assertEquals(2, count(view, "FROM role_profile WHERE (ID = ?)"), "the profile is resolved twice");
        assertEquals(2, count(view, "from reason_declaration"));
        assertEquals(1, count(view, "group by i.category"));
        assertEquals(1, count(view, "order by i.effective_at desc nulls last"));
        assertTrue(view.get(11).sql().contains("group by i.category"), "counts come after the first access checks");
        assertTrue(view.get(23).sql().contains("limit ? offset ?"), "the page comes last");
        assertEquals(0, count(view, "insert"), "reads only");
    }

    @Test
    void theSearchesReadThePeopleAndTheCallersProfile() {
        List<RawSql.Step> nhs = RawSql.searchByNhsNumber(READER, i -> "9990000018");
        assertEquals(7, nhs.size());
        assertEquals(1, count(nhs, "WHERE (nhs_number = ?)"));
        List<RawSql.Step> name = RawSql.searchByNameAndBirthDate(READER, i -> "Blake", i -> LocalDate.of(2003, 2, 27));
        assertEquals(7, name.size());
        assertTrue(name.get(0).sql().contains("LOWER(family_name) = ?"));
    }

    @Test
    void rawIngestionKeysAreTheRunsOwnSoTheyCanBeDeleted() {
        List<RawSql.Step> ingest = RawSql.ingest(1, 2, List.of(5L, 6L), "abc", "1c", 50);
        assertEquals(1, ingest.size());
        assertTrue(ingest.get(0).sql().startsWith("insert into record_item"));
        assertEquals("raw-abc-", RawSql.rawKeyPrefix("abc"));
    }

    @Test
    void theCategoryOrderIsTheApplicationsItemCategories() {
        assertEquals(12, RawSql.CATEGORY_ORDER.size());
        assertEquals("CONTACTS", RawSql.CATEGORY_ORDER.get(0), "the record page opens the first permitted");
        assertEquals("SOCIAL_CARE", RawSql.CATEGORY_ORDER.get(11));
        assertTrue(!RawSql.CATEGORY_ORDER.contains("DEMOGRAPHICS"), "demographics are no item category");
    }
}
