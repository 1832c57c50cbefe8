package org.openicr.tools.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backfill against a real PostgreSQL: rows, ids, sequences, and a schema left exactly as Flyway made it. */
class BulkLoaderTest {

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void loadsARegionAndLeavesTheSchemaAsTheMigrationsMadeIt(@TempDir Path report) throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations("filesystem:" + Path.of("../../db").toAbsolutePath())
                .placeholders(java.util.Map.of("app_role", "openicr_app"))
                .load()
                .migrate();
        List<String> schemaBefore;
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            schemaBefore = schema(c);
        }
        int people = RegionGenerator.HEAVY_AT + 400;
        BulkLoader.Options options =
                new BulkLoader.Options(url, "postgres", "postgres", people, 42, 100, 2, true, null, report);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BulkLoader loader = new BulkLoader(
                options, RegionGeneratorTest.templates(), new RegionDirectory(100), new PrintStream(out, true));
        loader.run();
        String log = out.toString(StandardCharsets.UTF_8);

        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            assertEquals(schemaBefore, schema(c), "indexes and constraints re-created exactly");
            assertEquals(people, count(c, "select count(*) from person where nhs_number like '999%'"));
            long items = count(c, "select count(*) from record_item");
            assertTrue(items > people * 30L, "items: " + items);
            assertEquals(RegionCategory.values().length, count(c, "select count(distinct category) from record_item"));
            assertEquals(
                    0,
                    count(
                            c,
                            "select count(*) from record_item i left join person p on p.id = i.person_id"
                                    + " where p.id is null"));
            // Every document of the test cohort has content; each content row belongs to a DOCUMENTS item.
            assertEquals(
                    count(c, "select count(*) from record_item where category = 'DOCUMENTS'"),
                    count(
                            c,
                            "select count(*) from document_content d join record_item i on i.id = d.item_id"
                                    + " where i.category = 'DOCUMENTS'"));
            assertTrue(count(c, "select count(*) from document_content") > 0);
            assertTrue(count(c, "select count(*) from person_identifier") >= people);
            // Every loaded person has the per-source demographics row the ingestion would have kept
            // (issue 16): from the practice's system that wrote them, showing exactly what person shows.
            assertEquals(people, count(c, "select count(*) from person_demographics"));
            assertEquals(
                    0,
                    count(
                            c,
                            "select count(*) from person p where not exists (select 1 from person_demographics d"
                                    + " where d.person_id = p.id and d.source_system_id = p.updated_by_source_id"
                                    + " and d.title is not distinct from p.title and d.given_names = p.given_names"
                                    + " and d.family_name = p.family_name and d.date_of_birth = p.date_of_birth"
                                    + " and d.date_of_death is not distinct from p.date_of_death"
                                    + " and d.gender = p.gender and d.address_lines is not distinct from p.address_lines"
                                    + " and d.postcode is not distinct from p.postcode"
                                    + " and d.phone is not distinct from p.phone"
                                    + " and d.gp_practice_ods is not distinct from p.gp_practice_ods"
                                    + " and d.restricted = p.restricted and d.inbound_message_id is null)"));
            assertEquals(
                    0,
                    count(
                            c,
                            "select count(*) from person_demographics d join source_system s"
                                    + " on s.id = d.source_system_id join organisation o on o.id = s.organisation_id"
                                    + " where o.org_type <> 'GP_PRACTICE'"),
                    "each row is the GP practice's version");
            // The identity sequences continue after the loaded ids, so the SOAP path can add rows.
            try (Statement s = c.createStatement()) {
                s.execute("insert into person (nhs_number, given_names, family_name, date_of_birth, gender)"
                        + " values ('9434765919', 'Test', 'PERSON', '1970-01-01', 'MALE')");
            }
            assertEquals(
                    count(c, "select max(id) from person"),
                    count(c, "select id from person where nhs_number = '9434765919'"));
            assertEquals(0, count(c, "select count(*) from audit_event"), "audit untouched");
            assertTrue(count(
                            c,
                            "select count(*) from person p where p.gp_practice_ods is not null and not exists"
                                    + " (select 1 from organisation o where o.ods_code = p.gp_practice_ods)")
                    == 0);
        }
        List<String> heavy = Files.readAllLines(report.resolve("heavy-people.csv"));
        assertEquals(2, heavy.size(), "header and the one heavy person");
        assertTrue(Integer.parseInt(heavy.get(1).split(",")[2]) >= 2_000, heavy.get(1));
        assertTrue(log.contains("Size on disk"), log);
        assertFalse(log.contains("SMITH"), "no patient data in the log");

        IllegalStateException again = assertThrows(IllegalStateException.class, () -> new BulkLoader(
                        options, RegionGeneratorTest.templates(), new RegionDirectory(100), new PrintStream(out))
                .run());
        assertTrue(again.getMessage().contains("already loaded"));
    }

    private static List<String> schema(Connection c) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select conrelid::regclass || ' ' || conname || ' ' ||"
                        + " pg_get_constraintdef(oid) from pg_constraint where connamespace = 'public'::regnamespace"
                        + " union all select indexname || ' ' || indexdef from pg_indexes where schemaname = 'public'"
                        + " order by 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
