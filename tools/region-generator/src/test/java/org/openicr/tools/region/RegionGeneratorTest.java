package org.openicr.tools.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openicr.tools.region.RegionGenerator.GeneratedItem;
import org.openicr.tools.region.RegionGenerator.Person;
import org.openicr.tools.region.Template.Holder;

class RegionGeneratorTest {

    /** Templates standing in for a Synthea cohort: every category Synthea feeds, a few hundred items each. */
    static List<Template> templates() {
        List<Template> list = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            long birth = LocalDate.of(1940 + 7 * t, 3, 1).toEpochDay();
            Template template = new Template("t" + t, birth, Long.MIN_VALUE, t % 2 == 0);
            long start = LocalDate.of(2012, 1, 1).toEpochDay() * 86_400L;
            for (RegionCategory c : RegionGenerator.WEIGHTS.keySet()) {
                int n = c == RegionCategory.ALLERGIES ? (t % 3 == 0 ? 2 : 0) : 40 + 30 * t;
                for (int i = 0; i < n; i++) {
                    template.add(SyntheaCohort.item(
                            c,
                            i % 2 == 0 ? Holder.GP : Holder.ACUTE,
                            start + i * 86_400L * 9,
                            Long.MIN_VALUE,
                            "final",
                            "SNOMED_CT",
                            "38341003",
                            c + " " + i,
                            null,
                            "NORMAL",
                            Map.of("value", Integer.toString(i)),
                            c == RegionCategory.DOCUMENTS ? "Letter " + i : null));
                }
            }
            template.seal();
            list.add(template);
        }
        return list;
    }

    private final RegionGenerator generator = new RegionGenerator(42, templates(), new RegionDirectory(100));

    @Test
    void aPersonIsTheSameForTheSameSeedAndNumber() {
        Person a = generator.person(1234, "9990012345");
        Person b = new RegionGenerator(42, templates(), new RegionDirectory(100)).person(1234, "9990012345");
        assertEquals(
                a.given() + a.family() + a.birthDay() + a.addressLines() + a.postcode() + a.practice(),
                b.given() + b.family() + b.birthDay() + b.addressLines() + b.postcode() + b.practice());
        List<GeneratedItem> itemsA = generator.items(a);
        List<GeneratedItem> itemsB = generator.items(b);
        assertEquals(itemsA.size(), itemsB.size());
        for (int i = 0; i < itemsA.size(); i++) {
            assertEquals(itemsA.get(i).start(), itemsB.get(i).start());
            assertEquals(
                    new String(itemsA.get(i).item().tail()),
                    new String(itemsB.get(i).item().tail()));
        }
    }

    @Test
    void anotherSeedGivesAnotherRegion() {
        RegionGenerator other = new RegionGenerator(43, templates(), new RegionDirectory(100));
        int same = 0;
        for (long seq = 0; seq < 200; seq++) {
            Person a = generator.person(seq, "9990012345");
            Person b = other.person(seq, "9990012345");
            if ((a.given() + a.family() + a.postcode()).equals(b.given() + b.family() + b.postcode())) {
                same++;
            }
        }
        assertTrue(same < 5, "people identical across seeds: " + same);
    }

    @Test
    void namesAddressesAndPostcodesLookBritish() {
        Set<String> families = new HashSet<>();
        for (long seq = 0; seq < 2_000; seq++) {
            Person p = generator.person(seq, "9990012345");
            assertTrue(p.postcode().matches("(BS|BA|GL)[0-9]{1,2} [0-9][A-Z]{2}"), p.postcode());
            assertTrue(p.addressLines().contains("\n"), "street and town on separate lines");
            assertTrue(p.family().matches("[A-Z' ]+"), p.family());
            assertTrue(p.phone() == null || p.phone().matches("(07700 900|0117 496 0)[0-9]{3}"), p.phone());
            assertTrue(
                    p.practice().ods().matches("Y9[01][0-9]{3}"), p.practice().ods());
            families.add(p.family());
        }
        assertTrue(families.size() > 120, "family names used: " + families.size());
    }

    @Test
    void itemCountsAverageAboutFiftyWithALongTail() {
        long total = 0;
        int over500 = 0;
        int people = 100_000;
        for (long seq = 0; seq < people; seq++) {
            if (RegionGenerator.isHeavy(seq)) {
                continue;
            }
            int n = RegionGenerator.itemCount(seq, new SplittableRandom(seq * 31 + 7));
            assertTrue(n >= 4 && n <= 1_200, "items " + n);
            total += n;
            if (n > 500) {
                over500++;
            }
        }
        double mean = (double) total / people;
        assertTrue(mean > 45 && mean < 55, "mean items per person " + mean);
        assertTrue(over500 > 10 && over500 < 1_000, "people with more than 500 items: " + over500);
    }

    @Test
    void heavyPeopleHaveTwoThousandItemsOrMoreInEveryCategory() {
        long seq = RegionGenerator.HEAVY_AT + RegionGenerator.HEAVY_EVERY * 3L;
        assertTrue(RegionGenerator.isHeavy(seq));
        List<GeneratedItem> items = generator.generate(seq, "9990012345");
        assertTrue(items.size() >= 2_000, "heavy person items: " + items.size());
        Map<RegionCategory, Integer> counts = new EnumMap<>(RegionCategory.class);
        items.forEach(g -> counts.merge(g.item().category(), 1, Integer::sum));
        assertEquals(EnumSet.allOf(RegionCategory.class), counts.keySet(), counts.toString());
    }

    @Test
    void itemsNeverPredateBirthNorFollowTheReferenceDateExceptBookedAppointments() {
        for (long seq = 0; seq < 500; seq++) {
            Person p = generator.person(seq, "9990012345");
            for (GeneratedItem g : generator.items(p)) {
                assertTrue(g.start() >= p.birthDay() * 86_400L, "item before birth");
                if (g.start() > RegionGenerator.REFERENCE_SECOND) {
                    assertEquals(RegionCategory.APPOINTMENTS, g.item().category());
                    assertTrue(new String(g.item().head()).endsWith("booked"));
                }
            }
        }
    }

    @Test
    void theMixCoversTheCategoriesInRealisticShares() {
        Map<RegionCategory, Integer> counts = new EnumMap<>(RegionCategory.class);
        int total = 0;
        for (long seq = 0; seq < 3_000; seq++) {
            for (GeneratedItem g : generator.generate(seq, "9990012345")) {
                counts.merge(g.item().category(), 1, Integer::sum);
                total++;
            }
        }
        assertEquals(EnumSet.allOf(RegionCategory.class), counts.keySet());
        double results = counts.get(RegionCategory.RESULTS) / (double) total;
        assertTrue(results > 0.25 && results < 0.5, "results share " + results);
        assertNotEquals(0, counts.get(RegionCategory.SAFEGUARDING));
        assertTrue(counts.get(RegionCategory.SAFEGUARDING) < counts.get(RegionCategory.SOCIAL_CARE));
    }
}
