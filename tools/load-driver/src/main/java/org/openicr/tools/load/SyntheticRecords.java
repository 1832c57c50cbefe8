package org.openicr.tools.load;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.ItemDetail;

/**
 * Synthetic people and record items shaped like what GP and hospital systems send: repeat
 * medications with dm+d codes and dosage, pathology results with LOINC codes, values, units and
 * reference ranges, and problems with SNOMED CT codes. Everything is derived from a sequence number,
 * so a run is reproducible and every message differs.
 */
public final class SyntheticRecords {

    private record Medication(
            String dmdCode, String display, String dose, String route, String frequency, String qty) {}

    private record LabTest(String loinc, String display, String unit, double low, double high, int decimals) {}

    private record Problem(String snomedCode, String display) {}

    // dm+d virtual medicinal product ids (code system DMD) with dm+d-style names, from memory and not
    // checked against a dm+d release: the service does not look codes up, so they only need the
    // shape and length of real ones. Never use this list as a clinical reference.
    private static final List<Medication> MEDICATIONS = List.of(
            new Medication("319283006", "Amlodipine 5mg tablets", "5mg", "Oral", "once a day", "28 tablet"),
            new Medication("325278007", "Metformin 500mg tablets", "500mg", "Oral", "twice a day", "56 tablet"),
            new Medication("320000009", "Simvastatin 40mg tablets", "40mg", "Oral", "at night", "28 tablet"),
            new Medication("318906001", "Ramipril 5mg capsules", "5mg", "Oral", "once a day", "28 capsule"),
            new Medication(
                    "317335004",
                    "Omeprazole 20mg gastro-resistant capsules",
                    "20mg",
                    "Oral",
                    "once a day",
                    "28 capsule"),
            new Medication(
                    "376991009",
                    "Levothyroxine sodium 50microgram tablets",
                    "50 micrograms",
                    "Oral",
                    "in the morning",
                    "28 tablet"));

    // UK pathology in SI units, with adult reference ranges as laboratories print them.
    private static final List<LabTest> TESTS = List.of(
            new LabTest("718-7", "Haemoglobin", "g/L", 130, 170, 0),
            new LabTest("2951-2", "Sodium", "mmol/L", 133, 146, 0),
            new LabTest("2823-3", "Potassium", "mmol/L", 3.5, 5.3, 1),
            new LabTest("14682-9", "Creatinine", "umol/L", 59, 104, 0),
            new LabTest("59261-8", "HbA1c (IFCC)", "mmol/mol", 20, 41, 0),
            new LabTest("6690-2", "White cell count", "10*9/L", 4.0, 11.0, 1));

    private static final List<Problem> PROBLEMS = List.of(
            new Problem("44054006", "Type 2 diabetes mellitus"),
            new Problem("38341003", "Hypertensive disorder"),
            new Problem("195967001", "Asthma"),
            new Problem("13645005", "Chronic obstructive pulmonary disease"),
            new Problem("49436004", "Atrial fibrillation"),
            new Problem("709044004", "Chronic kidney disease"));

    private static final String[] GIVEN = {"Alex", "Sam", "Priya", "Tomasz", "Aisha", "Gareth", "Mei", "Olu"};
    private static final String[] FAMILY = {"LOADTEST", "SYNTHETIC", "BENCHMARK", "TESTPATIENT"};
    private static final String[] TOWNS = {"Bristol", "Yate", "Thornbury", "Keynsham", "Clevedon"};

    private static final LocalDate TODAY = LocalDate.of(2025, 11, 1);

    private SyntheticRecords() {}

    public static Envelopes.Person person(int index, String nhsNumber) {
        LocalDate born = TODAY.minusDays(365L * 18 + (index * 97L) % (365L * 80));
        String gender = index % 2 == 0 ? "female" : "male";
        return new Envelopes.Person(
                nhsNumber,
                index % 2 == 0 ? "Ms" : "Mr",
                GIVEN[index % GIVEN.length],
                FAMILY[index % FAMILY.length],
                born.toString(),
                gender,
                List.of((index % 200 + 1) + " Test Street", TOWNS[index % TOWNS.length]),
                "BS1 " + (index % 9 + 1) + "AA",
                "Y90001");
    }

    /**
     * {@code count} items for one message; categories rotate with the item's global number so that
     * single-item messages still cover medications, results and problems in equal parts.
     */
    public static List<Envelopes.Item> items(String keyPrefix, long firstItemNumber, int count) {
        List<Envelopes.Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long n = firstItemNumber + i;
            items.add(item(keyPrefix + "-" + i, n));
        }
        return items;
    }

    static Envelopes.Item item(String sourceKey, long n) {
        // UK local time without an offset, as NHS systems send it; seconds are required by xs:dateTime.
        String when = LocalDateTime.of(TODAY.minusDays(n % 3650), LocalTime.of(9 + (int) (n % 8), 30))
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        int pick = (int) ((n / 3) % 6);
        return switch ((int) (n % 3)) {
            case 0 -> medication(sourceKey, when, MEDICATIONS.get(pick));
            case 1 -> result(sourceKey, when, TESTS.get(pick), n);
            default -> problem(sourceKey, when, PROBLEMS.get(pick));
        };
    }

    private static Envelopes.Item medication(String key, String when, Medication m) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put(ItemDetail.DOSE.key(), m.dose());
        details.put(ItemDetail.ROUTE.key(), m.route());
        details.put(ItemDetail.FREQUENCY.key(), m.frequency());
        details.put(ItemDetail.QUANTITY.key(), m.qty());
        return new Envelopes.Item(
                Category.MEDICATIONS.name(),
                key,
                1,
                when,
                "active",
                CodeSystem.DMD.name(),
                m.dmdCode(),
                m.display(),
                null,
                details);
    }

    private static Envelopes.Item result(String key, String when, LabTest t, long n) {
        // Values spread a little around the reference range so that some are flagged.
        double span = t.high() - t.low();
        String formatted = fmt(t.low() - span * 0.1 + span * 1.2 * ((n * 37) % 100) / 100.0, t.decimals());
        // The flag follows the value as reported (rounded), as a laboratory's would.
        double value = Double.parseDouble(formatted);
        Map<String, String> details = new LinkedHashMap<>();
        details.put(ItemDetail.VALUE.key(), formatted);
        details.put(ItemDetail.UNIT.key(), t.unit());
        details.put(ItemDetail.REFERENCE_LOW.key(), fmt(t.low(), t.decimals()));
        details.put(ItemDetail.REFERENCE_HIGH.key(), fmt(t.high(), t.decimals()));
        details.put(ItemDetail.INTERPRETATION.key(), value < t.low() ? "L" : value > t.high() ? "H" : "N");
        return new Envelopes.Item(
                Category.RESULTS.name(),
                key,
                1,
                when,
                "final",
                CodeSystem.LOINC.name(),
                t.loinc(),
                t.display(),
                null,
                details);
    }

    private static Envelopes.Item problem(String key, String when, Problem p) {
        return new Envelopes.Item(
                Category.PROBLEMS.name(),
                key,
                1,
                when,
                "active",
                CodeSystem.SNOMED_CT.name(),
                p.snomedCode(),
                p.display(),
                null,
                Map.of());
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
