package org.openicr.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteTableTest {

    private static final SuiteTable.Row ROW =
            new SuiteTable.Row("record page", "Poisson 50/s", "p95 a|b", "1 / 2 ms", null, "p95 ≤ 150 ms", "yes");

    @Test
    void aMarkdownTableWithEscapedCellsAndNotes() {
        String md = SuiteTable.markdown(List.of("### Suite run", "- data: 3 people"), List.of(ROW), List.of("a note"));
        String[] lines = md.split("\n");
        assertEquals("### Suite run", lines[0]);
        assertEquals("- data: 3 people", lines[1]);
        assertEquals("", lines[2]);
        assertTrue(lines[3].startsWith("| benchmark | offered load |"));
        assertEquals("|---|---|---|---|---|---|---|", lines[4]);
        assertEquals("| record page | Poisson 50/s | p95 a\\|b | 1 / 2 ms | - | p95 ≤ 150 ms | yes |", lines[5]);
        assertEquals("- a note", lines[7]);
        // every table line has the same number of unescaped cell separators
        for (int i = 3; i <= 5; i++) {
            assertEquals(
                    8, lines[i].replace("\\|", "").chars().filter(c -> c == '|').count(), lines[i]);
        }
    }

    @Test
    void theGeneratedSectionIsAddedOnceThenReplacedKeepingTheTextAroundIt() {
        String doc = "# Benchmarks\n\nHand-written.\n";
        String first = SuiteTable.replaceSection(doc, "table one\n");
        assertEquals(
                "# Benchmarks\n\nHand-written.\n\n" + SuiteTable.BEGIN + "\n\ntable one\n\n" + SuiteTable.END + "\n",
                first);
        String withTail = first + "\n## Later section\n";
        String second = SuiteTable.replaceSection(withTail, "table two");
        assertTrue(second.contains("table two"));
        assertTrue(!second.contains("table one"));
        assertTrue(second.startsWith("# Benchmarks\n\nHand-written.\n\n" + SuiteTable.BEGIN));
        assertTrue(second.endsWith(SuiteTable.END + "\n\n## Later section\n"));
        assertEquals(second, SuiteTable.replaceSection(second, "table two"), "replacing with the same is stable");
        assertEquals(SuiteTable.BEGIN + "\n\nt\n\n" + SuiteTable.END + "\n", SuiteTable.replaceSection("", "t"));
    }

    @Test
    void percentilesAndTheTargetCheck() {
        long[] ns = new long[100];
        for (int i = 0; i < 100; i++) {
            ns[i] = (i + 1) * 1_000_000L; // 1..100 ms
        }
        assertEquals("p50 50.0 / p95 95.0 / p99 99.0 / max 100.0 ms", SuiteTable.percentiles(ns));
        assertEquals("no answers", SuiteTable.percentiles(new long[0]));
        assertEquals("yes", SuiteTable.metP95(ns, 95, 0, 0));
        assertEquals("**no**", SuiteTable.metP95(ns, 94.9, 0, 0));
        assertEquals("**no**", SuiteTable.metP95(ns, 150, 1, 0), "an error fails the target");
        assertEquals("**no**", SuiteTable.metP95(ns, 150, 0, 3), "arrivals not sent fail it");
        assertEquals("2.50", SuiteTable.ms(2_500_000));
        assertEquals("12.5", SuiteTable.ms(12_500_000));
    }

    @Test
    void coresAndCpuPerAnswer() {
        List<CpuWatch.Usage> usage =
                List.of(new CpuWatch.Usage("payara", 30.0, 1), new CpuWatch.Usage("postgres", 15.0, 40));
        assertEquals(
                "payara 0.50 (10.0 ms/request) / postgres 0.25 (5.0 ms/request)",
                SuiteTable.cores(usage, 60.0, 3000, "request"));
        assertEquals("payara 0.50 / postgres 0.25", SuiteTable.cores(usage, 60.0, 0, "request"));
    }

    @Test
    void commandArgumentsAreQuotedForTheShell() {
        assertEquals("--rate", Suite.shellQuote("--rate"));
        assertEquals(
                "jdbc:postgresql://localhost:36432/openicr",
                Suite.shellQuote("jdbc:postgresql://localhost:36432/openicr"));
        assertEquals("'payara=ASMain.*-domaindir /x( |$)'", Suite.shellQuote("payara=ASMain.*-domaindir /x( |$)"));
        assertEquals("'it'\\''s'", Suite.shellQuote("it's"));
    }

    @Test
    void passwordsAreMaskedInTheCommandShown() {
        Options o = new Options(List.of("--db-password", "secret", "--db-password=other", "--rate", "50", "--no-docs"));
        assertEquals(List.of("--db-password", "***", "--db-password=***", "--rate", "50", "--no-docs"), o.raw());
        assertTrue(o.flag("no-docs"));
    }
}
