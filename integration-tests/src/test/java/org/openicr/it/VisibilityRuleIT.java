package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openicr.access.control.AccessDecision;
import org.openicr.access.entity.ItemFacts;
import org.openicr.access.entity.ItemVisibility;
import org.openicr.access.entity.ReadScope;
import org.openicr.record.control.ItemQuery;
import org.openicr.record.control.SummarySection;
import org.openicr.record.entity.RecordItem;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.Sensitivity;

/**
 * Issue 17, item 3: the SQL of {@link ItemQuery} is the visibility rule the record applies, and
 * {@link AccessDecision#visibility} is the same rule as a table. This runs the table against every
 * item query on PostgreSQL, connected as the application role: one person holds an item of every
 * item category, from every kind of source (the reader's own organisation, an inactive one, a
 * council refused social care consent, two others), of every sensitivity; for each of several
 * scopes (seals broken on some of them, a break on every sensitivity) each query must list exactly
 * the items the table does not hide, and withhold exactly the ones it withholds.
 */
@ExtendWith(ArquillianExtension.class)
class VisibilityRuleIT {

    private static final String CODE_SYSTEM = "SNOMED";
    private static final String CODE = "1000001";

    private static long reader;
    private static long inactive;
    private static long refusingCouncil;
    private static long other;
    private static long otherBroken;
    private static long person;
    private static final List<ItemFacts> ITEMS = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void oneItemOfEveryKind() throws SQLException {
        TestEnvironment.seedDirectory();
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L), 36);
        try (Connection c = TestEnvironment.database()) {
            reader = organisation(c, "VR" + run + "A");
            inactive = organisation(c, "VR" + run + "B");
            refusingCouncil = organisation(c, "VR" + run + "C");
            other = organisation(c, "VR" + run + "D");
            otherBroken = organisation(c, "VR" + run + "E");
            person = id(
                    c,
                    "insert into person (nhs_number, given_names, family_name, date_of_birth, gender)"
                            + " values (?, 'Vis', 'Ibility', date '1970-01-01', 'UNKNOWN') returning id",
                    TestEnvironment.freshNhsNumber());
            long source = id(c, "select min(id) from source_system");
            int n = 0;
            for (Category category : Category.values()) {
                if (!category.isItemCategory()) {
                    continue;
                }
                for (long organisation : new long[] {reader, inactive, refusingCouncil, other, otherBroken}) {
                    for (Sensitivity sensitivity : Sensitivity.values()) {
                        n++;
                        long item = id(
                                c,
                                "insert into record_item (person_id, source_system_id, organisation_id, source_key,"
                                        + " category, version, effective_at, code_system, code, display, text,"
                                        + " sensitivity) values (?, ?, ?, ?, ?, 1, now() - make_interval(mins => ?),"
                                        + " ?, ?, 'content', 'content', ?) returning id",
                                person,
                                source,
                                organisation,
                                "visibility-" + run + "-" + n,
                                category.name(),
                                n,
                                CODE_SYSTEM,
                                CODE,
                                sensitivity.name());
                        if (category == Category.DOCUMENTS) {
                            try (PreparedStatement ps = c.prepareStatement("insert into document_content"
                                    + " (item_id, content_type, data) values (?, 'text/plain', ?)")) {
                                ps.setLong(1, item);
                                ps.setBytes(2, "content".getBytes());
                                ps.executeUpdate();
                            }
                        }
                        ITEMS.add(new ItemFacts(item, category, organisation, sensitivity));
                    }
                }
            }
        }
    }

    /** The scopes the table is run in: with and without exclusions, seal breaks, narrow roles, another reader. */
    private static Map<String, ReadScope> scopes() {
        Set<Category> all = EnumSet.allOf(Category.class);
        Set<Long> brokenElsewhere = itemsFrom(otherBroken, refusingCouncil, inactive);
        Map<String, ReadScope> scopes = new LinkedHashMap<>();
        scopes.put(
                "everything, nothing excluded, no seal broken",
                new ReadScope(all, reader, Set.of(), Set.of(), Set.of(), false));
        scopes.put(
                "everything, seals broken on every sensitivity",
                new ReadScope(all, reader, Set.of(), Set.of(), brokenElsewhere, false));
        scopes.put(
                "everything, inactive source, refusing council, seals broken",
                new ReadScope(all, reader, Set.of(inactive), Set.of(refusingCouncil), brokenElsewhere, true));
        scopes.put(
                "front desk, inactive source, refusing council, seals broken",
                new ReadScope(
                        EnumSet.of(Category.DEMOGRAPHICS, Category.CONTACTS, Category.APPOINTMENTS),
                        reader,
                        Set.of(inactive),
                        Set.of(refusingCouncil),
                        brokenElsewhere,
                        false));
        scopes.put(
                "social care worker at the refusing council's neighbour",
                new ReadScope(
                        EnumSet.of(
                                Category.DEMOGRAPHICS,
                                Category.SOCIAL_CARE,
                                Category.SAFEGUARDING,
                                Category.ENCOUNTERS,
                                Category.REFERRALS,
                                Category.CONTACTS),
                        other,
                        Set.of(),
                        Set.of(refusingCouncil),
                        itemsFrom(reader),
                        false));
        scopes.put(
                "the refusing council's own reader, seals broken on the first reader's items",
                new ReadScope(all, refusingCouncil, Set.of(inactive), Set.of(), itemsFrom(reader, otherBroken), false));
        scopes.put(
                "nothing but demographics",
                new ReadScope(EnumSet.of(Category.DEMOGRAPHICS), reader, Set.of(), Set.of(), Set.of(), false));
        return scopes;
    }

    private static Set<Long> itemsFrom(long... organisations) {
        Set<Long> from = new HashSet<>();
        for (long organisation : organisations) {
            from.add(organisation);
        }
        return ITEMS.stream()
                .filter(i -> from.contains(i.sourceOrganisationId()))
                .map(ItemFacts::itemId)
                .collect(Collectors.toSet());
    }

    @Test
    void everyItemQueryAgreesWithTheVisibilityTable() throws SQLException {
        try (Connection application = TestEnvironment.applicationDatabase()) {
            compare(new ItemQuery(oneConnection(application)));
        }
    }

    /**
     * A data source that hands out one connection of the application role and ignores its close:
     * the thousands of queries below would otherwise each open a connection.
     */
    private static DataSource oneConnection(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(
                VisibilityRuleIT.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(
                VisibilityRuleIT.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void compare(ItemQuery query) {
        AccessDecision decision = new AccessDecision();
        Set<ItemVisibility> seen = EnumSet.noneOf(ItemVisibility.class);
        int compared = 0;

        for (Map.Entry<String, ReadScope> entry : scopes().entrySet()) {
            String name = entry.getKey();
            ReadScope scope = entry.getValue();
            Map<Long, ItemVisibility> table = new LinkedHashMap<>();
            for (ItemFacts item : ITEMS) {
                table.put(item.itemId(), decision.visibility(scope, item));
            }
            seen.addAll(table.values());

            // Each category's page.
            Map<Long, ItemVisibility> pages = new LinkedHashMap<>();
            for (Category category : Category.values()) {
                if (category.isItemCategory()) {
                    pages.putAll(observed(query.page(person, category, scope, 0, 200)));
                }
            }
            compared += agree(name + ", page of each category", table, pages, ITEMS);

            // One page across every category (the timeline's query).
            compared += agree(
                    name + ", page across categories",
                    table,
                    observed(query.page(person, EnumSet.allOf(Category.class), scope, 0, 200)),
                    ITEMS);

            // The FHIR API's search (issue 20): every category, unfiltered, first page; and its count.
            compared += agree(
                    name + ", API search",
                    table,
                    observed(query.search(
                            person, EnumSet.allOf(Category.class), scope, ItemQuery.Filter.ALL, null, 200)),
                    ITEMS);
            assertEquals(
                    pages.size(),
                    query.count(person, EnumSet.allOf(Category.class), scope, ItemQuery.Filter.ALL),
                    name + ", API count");

            // The summary, every category in full.
            List<SummarySection> sections = new ArrayList<>();
            for (Category category : Category.values()) {
                if (category.isItemCategory()) {
                    sections.add(new SummarySection(category, 200, false));
                }
            }
            Map<Long, ItemVisibility> summary = new LinkedHashMap<>();
            query.summary(person, scope, sections).values().forEach(list -> summary.putAll(observed(list)));
            compared += agree(name + ", summary", table, summary, ITEMS);

            // A result's trend.
            List<ItemFacts> results =
                    ITEMS.stream().filter(i -> i.category() == Category.RESULTS).toList();
            compared += agree(
                    name + ", trend", table, observed(query.series(person, scope, CODE_SYSTEM, CODE, 500)), results);

            // The counts: one per listed item.
            Map<Category, Long> expectedCounts = new EnumMap<>(Category.class);
            for (ItemFacts item : ITEMS) {
                if (table.get(item.itemId()) != ItemVisibility.HIDDEN) {
                    expectedCounts.merge(item.category(), 1L, Long::sum);
                }
            }
            assertEquals(expectedCounts, query.counts(person, scope), name + ", counts");

            // One item by id (the seal page and the seal break), and a document's content.
            for (ItemFacts item : ITEMS) {
                ItemVisibility expected = table.get(item.itemId());
                Optional<ItemQuery.Listed> listed = query.listed(person, scope, item.itemId());
                ItemVisibility actual = listed.isEmpty()
                        ? ItemVisibility.HIDDEN
                        : listed.get().withheld() ? ItemVisibility.WITHHELD : ItemVisibility.VISIBLE;
                assertEquals(expected, actual, name + ", item " + item);
                if (item.category() == Category.DOCUMENTS) {
                    assertEquals(
                            expected == ItemVisibility.VISIBLE,
                            query.document(person, scope, item.itemId()).isPresent(),
                            name + ", document " + item);
                }
                compared++;
            }
        }
        // The table is not degenerate: it answered each of its three values somewhere.
        assertEquals(EnumSet.allOf(ItemVisibility.class), seen);
        assertTrue(compared > 1000, "compared " + compared);
    }

    /** What a query answered: VISIBLE or WITHHELD for each item it listed. */
    private static Map<Long, ItemVisibility> observed(List<RecordItem> items) {
        Map<Long, ItemVisibility> observed = new LinkedHashMap<>();
        for (RecordItem item : items) {
            observed.put(item.id(), item.withheld() ? ItemVisibility.WITHHELD : ItemVisibility.VISIBLE);
            if (item.withheld()) {
                assertEquals(null, item.text(), "a withheld item's content left the query: " + item);
            }
        }
        return observed;
    }

    /** Every item of {@code items}: the query's answer (HIDDEN when it did not list it) is the table's. */
    private static int agree(
            String what, Map<Long, ItemVisibility> table, Map<Long, ItemVisibility> query, List<ItemFacts> items) {
        for (ItemFacts item : items) {
            assertEquals(
                    table.get(item.itemId()),
                    query.getOrDefault(item.itemId(), ItemVisibility.HIDDEN),
                    what + ": " + item);
        }
        return items.size();
    }

    private static long organisation(Connection c, String ods) throws SQLException {
        return id(
                c,
                "insert into organisation (ods_code, name, org_type) values (?, ?, 'GP_PRACTICE') returning id",
                ods,
                "Visibility " + ods);
    }

    private static long id(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
