package org.openicr.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openicr.access.entity.ReadScope;
import org.openicr.record.control.ItemQuery;
import org.openicr.vocabulary.Category;

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
        assertEquals(3, view.size(), "the facts once per request, the counts, the page");
        assertEquals(0, count(view, "FROM role_profile WHERE (ID = ?)"), "no JPA profile read on the record path");
        assertEquals(1, count(view, "from reason_declaration"));
        assertTrue(view.get(0).sql().contains("profile_found"), "the facts come first (AccessFacts.READING)");
        assertTrue(view.get(1).sql().contains("group by i.category"), "then the counts");
        assertTrue(view.get(2).sql().contains("limit ? offset ?"), "the page comes last");
        assertEquals(0, count(view, "insert"), "reads only");
    }

    @Test
    void theItemReadsAreTheServersOwnStatements() {
        List<RawSql.Step> view = RawSql.categoryView(READER, i -> 10L, i -> "MEDICATIONS");
        ReadScope scope = RawSql.scope(READER);
        assertEquals(ItemQuery.countsStatement(10, scope).sql(), view.get(1).sql(), "ItemQuery's counts, not a copy");
        assertEquals(
                ItemQuery.pageStatement(10, Category.MEDICATIONS, scope, 0, 25).sql(),
                view.get(2).sql(),
                "ItemQuery's page, not a copy");
        assertTrue(view.get(2).sql().contains("withheld"), "the page nulls withheld content, as the server's does");
        assertEquals(
                Set.of(Category.CONTACTS, Category.MEDICATIONS, Category.PROBLEMS),
                scope.itemCategories(),
                "the reader's permitted categories");
    }

    @Test
    void theSearchesReadThePeopleAndTheCallersProfile() {
        List<RawSql.Step> nhs = RawSql.searchByNhsNumber(READER, i -> "9990000018");
        assertEquals(2, nhs.size(), "the caller's profile facts, then the person");
        assertEquals(1, count(nhs, "WHERE (nhs_number = ?)"));
        assertEquals(1, count(nhs, "profile_found"));
        List<RawSql.Step> name = RawSql.searchByNameAndBirthDate(READER, i -> "Blake", i -> LocalDate.of(2003, 2, 27));
        assertEquals(2, name.size(), "the people, then the caller's profile facts");
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
        assertEquals(
                15,
                RawSql.CATEGORY_ORDER.size(),
                "every item category, care planning, adjustments and immunisations too");
        assertEquals("CONTACTS", RawSql.CATEGORY_ORDER.get(0), "the record page opens the first permitted");
        assertEquals("SOCIAL_CARE", RawSql.CATEGORY_ORDER.get(11));
        assertEquals(List.of("CARE_PLANS", "ADJUSTMENTS", "IMMUNISATIONS"), RawSql.CATEGORY_ORDER.subList(12, 15));
        assertTrue(!RawSql.CATEGORY_ORDER.contains("DEMOGRAPHICS"), "demographics are no item category");
    }
}
