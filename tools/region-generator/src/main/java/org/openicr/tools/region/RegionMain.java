package org.openicr.tools.region;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * The region tool. Commands:
 *
 * <ul>
 *   <li>{@code load --db-url U --db-user N --db-password P --people 1000000 [--seed 42] [--cohort 300]
 *       [--migrations db] [--pgdata DIR] [--report DIR] [--writers 2] [--chunk 1000] [--keep-indexes]}:
 *       migrates the schema with Flyway from the migrations folder (the same scripts the application
 *       applies), seeds the directory and bulk-loads the region;
 *   <li>{@code migrate --db-url U --db-user N --db-password P [--migrations db]}: applies migrations
 *       (out of order allowed: a database loaded on one branch can take another branch's lower versions);
 *   <li>{@code raw-cost --db-url U --db-user N --db-password P [--heavy heavy-people.csv] [--runs 200]}: the
 *       raw PostgreSQL cost of the application's queries on the loaded region (see {@link RawCost});
 *   <li>{@code stats [--people 100000] [--seed 42] [--cohort 300]}: generates without a database and
 *       prints the distribution of items (per person and per category).
 * </ul>
 */
public final class RegionMain {

    private RegionMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(
                    "usage: region-generator load|migrate|raw-cost|stats --name value ... (see docs/region.md)");
            System.exit(2);
        }
        Map<String, String> o = new HashMap<>();
        boolean keepIndexes = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--keep-indexes")) {
                keepIndexes = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                o.put(args[i].substring(2), args[++i]);
            } else {
                System.err.println("Unexpected argument: " + args[i]);
                System.exit(2);
            }
        }
        PrintStream log = System.out;
        long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        int cohort = Integer.parseInt(o.getOrDefault("cohort", "300"));
        Path cache = Path.of(o.getOrDefault("cache", System.getProperty("user.home") + "/.cache/openicr/synthea"));
        switch (args[0]) {
            case "migrate" -> migrate(o, true, log);
            case "raw-cost" -> RawCost.run(
                    required(o, "db-url"),
                    required(o, "db-user"),
                    required(o, "db-password"),
                    Path.of(o.getOrDefault("heavy", "heavy-people.csv")),
                    Integer.parseInt(o.getOrDefault("runs", "200")),
                    log);
            case "stats" -> stats(Long.parseLong(o.getOrDefault("people", "100000")), seed, cohort, cache, log);
            case "load" -> {
                migrate(o, false, log);
                List<Template> templates = templates(cache, cohort, seed, log);
                RegionDirectory directory = new RegionDirectory(Integer.parseInt(o.getOrDefault("practices", "100")));
                BulkLoader.Options options = new BulkLoader.Options(
                        required(o, "db-url"),
                        required(o, "db-user"),
                        required(o, "db-password"),
                        Long.parseLong(o.getOrDefault("people", "1000000")),
                        seed,
                        Integer.parseInt(o.getOrDefault("chunk", "1000")),
                        Integer.parseInt(o.getOrDefault("writers", "2")),
                        !keepIndexes,
                        o.containsKey("pgdata") ? Path.of(o.get("pgdata")) : null,
                        Path.of(o.getOrDefault("report", ".")));
                new BulkLoader(options, templates, directory, log).run();
            }
            default -> {
                System.err.println("Unknown command " + args[0] + ": load, migrate or stats");
                System.exit(2);
            }
        }
    }

    private static void migrate(Map<String, String> o, boolean outOfOrder, PrintStream log) {
        Path folder = Path.of(o.getOrDefault("migrations", "db")).toAbsolutePath();
        var result = Flyway.configure()
                .dataSource(required(o, "db-url"), required(o, "db-user"), required(o, "db-password"))
                .locations("filesystem:" + folder)
                .outOfOrder(outOfOrder)
                // The application role that db/V17 grants to (docs/operations.md).
                .placeholders(Map.of("app_role", o.getOrDefault("app-role", "openicr_app")))
                .load()
                .migrate();
        log.println("Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now, from " + folder + ")");
    }

    static List<Template> templates(Path cache, int cohort, long seed, PrintStream log) throws Exception {
        Path csv = SyntheaCohort.ensure(cache, cohort, seed, log::println);
        long t0 = System.nanoTime();
        List<Template> templates = SyntheaCohort.read(csv);
        long items = templates.stream().mapToLong(Template::size).sum();
        log.printf(
                "Synthea cohort: %d patients, %,d template items, read in %.1f s%n",
                templates.size(), items, (System.nanoTime() - t0) / 1e9);
        return templates;
    }

    private static void stats(long people, long seed, int cohort, Path cache, PrintStream log) throws Exception {
        List<Template> templates = templates(cache, cohort, seed, log);
        RegionGenerator generator = new RegionGenerator(seed, templates, new RegionDirectory(100));
        NhsNumbers numbers = new NhsNumbers();
        Map<RegionCategory, Long> byCategory = new EnumMap<>(RegionCategory.class);
        Map<RegionCategory, Long> peopleWith = new EnumMap<>(RegionCategory.class);
        int[] perPerson = new int[(int) people];
        long total = 0;
        long t0 = System.nanoTime();
        for (long seq = 0; seq < people; seq++) {
            var items = generator.items(generator.person(seq, numbers.next()));
            perPerson[(int) seq] = items.size();
            total += items.size();
            Map<RegionCategory, Integer> mine = new EnumMap<>(RegionCategory.class);
            for (var g : items) {
                byCategory.merge(g.item().category(), 1L, Long::sum);
                mine.merge(g.item().category(), 1, Integer::sum);
            }
            mine.keySet().forEach(c -> peopleWith.merge(c, 1L, Long::sum));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        java.util.Arrays.sort(perPerson);
        log.printf(
                "%,d people, %,d items (%.1f per person) generated in %.1f s (%,.0f items/s, no database)%n",
                people, total, (double) total / people, seconds, total / seconds);
        log.printf(
                "Items per person: median %d, p90 %d, p99 %d, max %d; %d people with 2,000 or more%n",
                perPerson[perPerson.length / 2],
                perPerson[(int) (perPerson.length * 0.9)],
                perPerson[(int) (perPerson.length * 0.99)],
                perPerson[perPerson.length - 1],
                java.util.Arrays.stream(perPerson).filter(n -> n >= 2000).count());
        for (RegionCategory c : RegionCategory.values()) {
            log.printf(
                    "  %-13s %5.1f%% of items, %5.1f%% of people%n",
                    c, 100.0 * byCategory.getOrDefault(c, 0L) / total, 100.0 * peopleWith.getOrDefault(c, 0L) / people);
        }
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            System.err.println("--" + name + " is required");
            System.exit(2);
        }
        return v;
    }
}
