package org.openicr.tools.region;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openicr.tools.region.RegionDirectory.Practice;
import org.openicr.tools.region.Template.Holder;
import org.openicr.tools.region.Template.Item;

/**
 * Derives the region's people from the Synthea templates: person number {@code seq} gets its own
 * random stream (seeded from the region seed and {@code seq} only), so the region is the same for a
 * seed however it is split or resumed. Each person is a clone of one template with a new identity,
 * dates shifted back by up to five years, a number of items from a long-tailed distribution (about
 * 50 on average; every {@link #HEAVY_EVERY}th person 2,000 or more) spread over the categories, and
 * the items Synthea does not model (contacts, social care, safeguarding, future appointments).
 */
public final class RegionGenerator {

    /** Every person whose number modulo this is {@link #HEAVY_AT} has 2,000 items or more. */
    public static final int HEAVY_EVERY = 10_007;

    public static final int HEAVY_AT = 17;

    /** The share of the remaining items each category takes (after contacts, social care, safeguarding). */
    static final Map<RegionCategory, Double> WEIGHTS = new EnumMap<>(Map.of(
            RegionCategory.RESULTS, 0.38,
            RegionCategory.ENCOUNTERS, 0.15,
            RegionCategory.MEDICATIONS, 0.14,
            RegionCategory.PROCEDURES, 0.09,
            RegionCategory.APPOINTMENTS, 0.09,
            RegionCategory.PROBLEMS, 0.06,
            RegionCategory.DOCUMENTS, 0.05,
            RegionCategory.REFERRALS, 0.03,
            RegionCategory.ALLERGIES, 0.01));

    /** Categories whose items repeat over a long record (results, visits, prescriptions...). */
    static boolean repeats(RegionCategory c) {
        return c != RegionCategory.PROBLEMS && c != RegionCategory.ALLERGIES;
    }

    static final long REFERENCE_SECOND =
            SyntheaCohort.REFERENCE_DATE.atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    private final long seed;
    private final List<Template> templates;
    private final List<Template> largeTemplates;
    private final RegionDirectory directory;
    private final List<Template> allergyDonors;

    public RegionGenerator(long seed, List<Template> templates, RegionDirectory directory) {
        this.seed = seed;
        this.templates = templates;
        this.directory = directory;
        List<Template> bySize = new ArrayList<>(templates);
        bySize.sort((a, b) -> Integer.compare(b.size(), a.size()));
        this.largeTemplates = bySize.subList(0, Math.max(1, Math.min(20, bySize.size())));
        this.allergyDonors = templates.stream()
                .filter(t -> !t.pool(RegionCategory.ALLERGIES).isEmpty())
                .toList();
    }

    public static boolean isHeavy(long seq) {
        return seq % HEAVY_EVERY == HEAVY_AT;
    }

    /** The random stream of one person. */
    SplittableRandom random(long seq) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + seq));
    }

    /** How many items a person has: log-normal (median 33, mean about 50), capped; heavy people 2,000-3,500. */
    static int itemCount(long seq, SplittableRandom r) {
        if (isHeavy(seq)) {
            return 2_000 + r.nextInt(1_500);
        }
        double gaussian = gaussian(r);
        long n = Math.round(Math.exp(Math.log(33) + 0.9 * gaussian));
        return (int) Math.max(4, Math.min(1_200, n));
    }

    /** A person: identity, address, practice, and the plan of their items. */
    public record Person(
            long seq,
            String nhsNumber,
            String title,
            String given,
            String family,
            long birthDay,
            long deathDay,
            boolean female,
            String addressLines,
            String postcode,
            String phone,
            Practice practice,
            int council,
            boolean restricted,
            Template template,
            long shiftSeconds,
            int targetItems,
            boolean socialCare,
            boolean safeguarding) {

        int ageAt(long epochDay) {
            return (int) ((epochDay - birthDay) / 365.25);
        }
    }

    public Person person(long seq, String nhsNumber) {
        SplittableRandom r = random(seq);
        boolean heavy = isHeavy(seq);
        Template t = heavy
                ? largeTemplates.get(r.nextInt(largeTemplates.size()))
                : templates.get(r.nextInt(templates.size()));
        long shiftDays = -r.nextInt(5 * 365);
        long birth = t.birthDay + shiftDays;
        long death = t.deathDay == Long.MIN_VALUE ? Long.MIN_VALUE : t.deathDay + shiftDays;
        int townIndex = Names.town(r);
        Names.Town town = Names.TOWNS[townIndex];
        String family = Names.family(r);
        String given = Names.given(r, t.female);
        if (r.nextInt(4) == 0) {
            given = given + " " + Names.given(r, t.female);
        }
        long today = SyntheaCohort.REFERENCE_DATE.toEpochDay();
        int age = (int) ((today - birth) / 365.25);
        String title = age < 16 ? null : t.female ? (r.nextInt(3) == 0 ? "Ms" : "Mrs") : "Mr";
        if (age >= 30 && r.nextInt(60) == 0) {
            title = "Dr";
        }
        String line1 = Names.street(r);
        String address = r.nextInt(8) == 0
                ? "Flat " + (1 + r.nextInt(12)) + "\n" + line1 + "\n" + town.name()
                : line1 + "\n" + town.name();
        String postcode = Names.postcode(r, town);
        String phone = r.nextInt(10) == 0 ? null : Names.phone(r);
        Practice practice = directory.practiceFor(townIndex, r);
        boolean restricted = r.nextInt(1000) == 0;
        int target = itemCount(seq, r);
        boolean socialCare = heavy || r.nextDouble() < (age >= 75 ? 0.35 : age < 18 ? 0.04 : 0.05);
        boolean safeguarding = heavy || r.nextDouble() < 0.015;
        return new Person(
                seq,
                nhsNumber,
                title,
                given,
                family,
                birth,
                death,
                t.female,
                address,
                postcode,
                phone,
                practice,
                town.council(),
                restricted,
                t,
                shiftDays * 86_400L,
                target,
                socialCare,
                safeguarding);
    }

    /** What {@link #items} produces: the generated items in order. */
    public record GeneratedItem(Item item, long start, long end, String sourceKeySuffix) {}

    /**
     * The person's items. The random stream continues from {@link #person}, so call it right after
     * (the loader does); tests use {@link #generate(long, String)}.
     */
    public List<GeneratedItem> items(Person p) {
        SplittableRandom r = new SplittableRandom(mix(seed ^ (p.seq() * 0xBF58476D1CE4E5B9L) ^ 0x5DEECE66DL));
        List<GeneratedItem> out = new ArrayList<>(p.targetItems() + 16);
        long deathSecond = p.deathDay() == Long.MIN_VALUE ? Long.MAX_VALUE : p.deathDay() * 86_400L + 86_399L;
        long birthSecond = p.birthDay() * 86_400L;

        List<Item> extras = PersonExtras.items(p, r, REFERENCE_SECOND);
        for (Item extra : extras) {
            long start = Math.max(birthSecond, extra.start());
            out.add(new GeneratedItem(extra, start, extra.end(), "x"));
        }
        int remaining = Math.max(0, p.targetItems() - extras.size());
        Map<RegionCategory, Integer> quota = new EnumMap<>(RegionCategory.class);
        int overflow = 0;
        // Synthea records allergies for few patients; about one person in five (every heavy person)
        // takes the allergies of another patient of the cohort.
        List<Item> allergies = p.template().pool(RegionCategory.ALLERGIES);
        if (allergies.isEmpty() && !allergyDonors.isEmpty() && (isHeavy(p.seq()) || r.nextInt(5) == 0)) {
            allergies = allergyDonors.get(r.nextInt(allergyDonors.size())).pool(RegionCategory.ALLERGIES);
        }
        Map<RegionCategory, List<Item>> pools = new EnumMap<>(RegionCategory.class);
        for (RegionCategory c : WEIGHTS.keySet()) {
            pools.put(
                    c, c == RegionCategory.ALLERGIES ? allergies : p.template().pool(c));
        }
        for (Map.Entry<RegionCategory, Double> w : WEIGHTS.entrySet()) {
            int k = (int) Math.round(remaining * w.getValue());
            if (w.getKey() == RegionCategory.ALLERGIES) {
                k = Math.max(k, Math.min(1 + r.nextInt(3), pools.get(w.getKey()).size()));
            }
            int available = pools.get(w.getKey()).size();
            if (available == 0 || (!repeats(w.getKey()) && k > available)) {
                int granted = Math.min(k, available);
                overflow += k - granted;
                k = granted;
            }
            quota.put(w.getKey(), k);
        }
        // What a category cannot hold goes to the biggest repeating pool (results, usually).
        RegionCategory biggest = RegionCategory.RESULTS;
        for (RegionCategory c : WEIGHTS.keySet()) {
            if (repeats(c) && pools.get(c).size() > pools.get(biggest).size()) {
                biggest = c;
            }
        }
        if (!pools.get(biggest).isEmpty()) {
            quota.merge(biggest, overflow, Integer::sum);
        }
        for (Map.Entry<RegionCategory, Integer> q : quota.entrySet()) {
            take(p, pools.get(q.getKey()), q.getValue(), r, birthSecond, deathSecond, out);
        }
        return out;
    }

    /** {@code k} items of a pool: a random choice among the newest, repeated with earlier dates if needed. */
    private static void take(
            Person p,
            List<Item> pool,
            int k,
            SplittableRandom r,
            long birthSecond,
            long deathSecond,
            List<GeneratedItem> out) {
        if (k <= 0 || pool.isEmpty()) {
            return;
        }
        int size = pool.size();
        if (k <= size) {
            int window = Math.min(size, 2 * k);
            int[] index = new int[window];
            for (int i = 0; i < window; i++) {
                index[i] = i;
            }
            for (int i = 0; i < k; i++) {
                int j = i + r.nextInt(window - i);
                int swap = index[i];
                index[i] = index[j];
                index[j] = swap;
                add(p, pool.get(index[i]), 0, birthSecond, deathSecond, out, "");
            }
            return;
        }
        int taken = 0;
        for (int cycle = 0; taken < k; cycle++) {
            // A long record repeats its pattern (repeat tests, prescriptions, visits) a few days apart.
            long extra = -cycle * 3L * 86_400L - r.nextInt(86_400);
            for (int i = 0; i < size && taken < k; i++) {
                add(p, pool.get(i), extra, birthSecond, deathSecond, out, cycle == 0 ? "" : "r" + cycle);
                taken++;
            }
        }
    }

    private static void add(
            Person p,
            Item item,
            long extraShift,
            long birthSecond,
            long deathSecond,
            List<GeneratedItem> out,
            String suffix) {
        long shift = p.shiftSeconds() + extraShift;
        long start = item.start() == Long.MIN_VALUE ? Long.MIN_VALUE : item.start() + shift;
        long end = item.end() == Long.MIN_VALUE ? Long.MIN_VALUE : item.end() + shift;
        if (start != Long.MIN_VALUE) {
            start = Math.max(birthSecond, Math.min(Math.min(start, deathSecond), REFERENCE_SECOND - 3600));
        }
        if (end != Long.MIN_VALUE && start != Long.MIN_VALUE && end < start) {
            end = start;
        }
        out.add(new GeneratedItem(item, start, end, suffix));
    }

    /** Person and items in one go (for tests and the sample command). */
    public List<GeneratedItem> generate(long seq, String nhsNumber) {
        return items(person(seq, nhsNumber));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = Math.max(1e-12, r.nextDouble());
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    static LocalDate date(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    static Holder holderOf(Item item) {
        return item.holder();
    }
}
