package org.openicr.tools.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openicr.tools.region.Template.Holder;
import org.openicr.tools.region.Template.Item;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.vocabulary.Sensitivity;

/**
 * The base cohort: Synthea (org.mitre.synthea, Apache-2.0) is run once in a child JVM with its CSV
 * exporter, the output is cached, and each patient becomes a {@link Template}: conditions, medications,
 * allergies, procedures, immunisations, observations (LOINC, values, units), encounters and care plans
 * as Synthea coded them (SNOMED CT), plus the items a shared care record holds that Synthea does not
 * produce but that follow from its encounters: appointments, referrals, discharge summaries and clinic
 * letters.
 */
public final class SyntheaCohort {

    /** Synthea's reference date (its "today"); the region's dates never pass it. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 1);

    static final String[] FILES = {
        "patients.csv",
        "conditions.csv",
        "medications.csv",
        "allergies.csv",
        "procedures.csv",
        "observations.csv",
        "encounters.csv",
        "careplans.csv",
        "immunizations.csv"
    };

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile(
            "\\s*\\((disorder|finding|procedure|situation|regime/therapy|observable entity|morphologic abnormality"
                    + "|record artifact|qualifier value|substance|product|environment|event|person|physical object"
                    + "|assessment scale)\\)$");
    static final java.util.regex.Pattern SNOMED = java.util.regex.Pattern.compile("[1-9][0-9]{5,17}");
    private static final java.util.regex.Pattern LOINC = java.util.regex.Pattern.compile("[0-9]{1,7}-[0-9]");

    private SyntheaCohort() {}

    /** The cohort's CSV folder: the cached one, or a fresh Synthea run (minutes) stored in the cache. */
    public static Path ensure(Path cache, int patients, long seed, Consumer<String> log)
            throws IOException, InterruptedException {
        Path dir = cache.resolve("seed-" + seed + "-p" + patients);
        Path csv = dir.resolve("out").resolve("csv");
        Path done = dir.resolve("complete");
        if (Files.exists(done)) {
            log.accept("Synthea cohort from the cache: " + dir);
            return csv;
        }
        Files.createDirectories(dir);
        log.accept("Running Synthea for " + patients + " patients (seed " + seed + ") into " + dir
                + "; this takes a few minutes once, then the cache is used.");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "-cp",
                absoluteClassPath(),
                "App",
                "-p",
                Integer.toString(patients),
                "-s",
                Long.toString(seed),
                "-cs",
                Long.toString(seed),
                "-r",
                REFERENCE_DATE.toString().replace("-", ""),
                "--exporter.baseDirectory",
                dir.resolve("out").toString(),
                "--exporter.csv.export",
                "true",
                "--exporter.fhir.export",
                "false",
                "--exporter.hospital.fhir.export",
                "false",
                "--exporter.practitioner.fhir.export",
                "false",
                "--exporter.years_of_history",
                "15",
                "--exporter.csv.included_files",
                String.join(",", FILES)));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("synthea.log").toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.HOURS) || process.exitValue() != 0) {
            throw new IOException("Synthea failed; see " + dir.resolve("synthea.log"));
        }
        Files.writeString(done, Instant.now().toString());
        return csv;
    }

    /** Reads the cohort into templates (deterministic: the CSV order is Synthea's, seeded). */
    public static List<Template> read(Path csv) throws IOException {
        Map<String, Template> templates = new LinkedHashMap<>();
        forEachRow(csv.resolve("patients.csv"), r -> {
            long birth = LocalDate.parse(r.get("BIRTHDATE")).toEpochDay();
            String death = r.get("DEATHDATE");
            long deathDay =
                    death.isEmpty() ? Long.MIN_VALUE : LocalDate.parse(death).toEpochDay();
            templates.put(r.get("Id"), new Template(r.get("Id"), birth, deathDay, "F".equals(r.get("GENDER"))));
        });
        Map<String, Encounter> encounters = new HashMap<>();
        forEachRow(csv.resolve("encounters.csv"), r -> {
            Template t = templates.get(r.get("PATIENT"));
            if (t == null) {
                return;
            }
            Encounter e = new Encounter(
                    encounters.size(),
                    r.get("ENCOUNTERCLASS"),
                    clean(r.get("DESCRIPTION")),
                    clean(r.get("REASONDESCRIPTION")),
                    seconds(r.get("START")),
                    seconds(r.get("STOP")));
            encounters.put(r.get("Id"), e);
            Derived.encounter(t, e, r.get("CODE"));
        });
        forEachRow(csv.resolve("conditions.csv"), r -> {
            Template t = templates.get(r.get("PATIENT"));
            String display = clean(r.get("DESCRIPTION"));
            if (t == null || Derived.isSocialFinding(r.get("DESCRIPTION"))) {
                return;
            }
            Encounter e = encounters.get(r.get("ENCOUNTER"));
            boolean resolved = !r.get("STOP").isEmpty();
            String sensitivity = Derived.isSensitive(display) ? Sensitivity.SEALED.name() : Sensitivity.NORMAL.name();
            t.add(item(
                    RegionCategory.PROBLEMS,
                    e == null ? Holder.GP : e.holder(),
                    seconds(r.get("START")),
                    resolved ? seconds(r.get("STOP")) : Long.MIN_VALUE,
                    resolved ? "resolved" : "active",
                    snomedOrLocal(r.get("CODE")),
                    r.get("CODE"),
                    display,
                    null,
                    sensitivity,
                    Map.of(),
                    null));
        });
        forEachRow(csv.resolve("medications.csv"), r -> {
            Template t = templates.get(r.get("PATIENT"));
            if (t == null) {
                return;
            }
            Encounter e = encounters.get(r.get("ENCOUNTER"));
            String description = r.get("DESCRIPTION");
            long start = seconds(r.get("START"));
            long stop = r.get("STOP").isEmpty() ? Long.MIN_VALUE : seconds(r.get("STOP"));
            Map<String, String> details = new LinkedHashMap<>();
            details.put(ItemDetail.DOSE.key(), Derived.dose(description));
            details.put(ItemDetail.ROUTE.key(), Derived.route(description));
            details.put(ItemDetail.FREQUENCY.key(), stop == Long.MIN_VALUE ? "Once a day" : "Three times a day");
            details.put(ItemDetail.QUANTITY.key(), r.get("DISPENSES") + " x 28 days");
            details.put(ItemDetail.CHANGE.key(), stop == Long.MIN_VALUE ? "started" : "stopped");
            if (!r.get("REASONDESCRIPTION").isEmpty()) {
                details.put(
                        ItemDetail.CHANGE_REASON.key(),
                        "For " + clean(r.get("REASONDESCRIPTION")).toLowerCase(Locale.ROOT));
            }
            // Synthea codes medicines in RxNorm (US); the record has no RxNorm system, so LOCAL.
            t.add(item(
                    RegionCategory.MEDICATIONS,
                    e == null ? Holder.GP : e.holder() == Holder.ACUTE ? Holder.ACUTE : Holder.GP,
                    start,
                    stop,
                    stop == Long.MIN_VALUE ? "active" : "stopped",
                    CodeSystem.LOCAL.name(),
                    "RXNORM-" + r.get("CODE"),
                    description,
                    null,
                    Sensitivity.NORMAL.name(),
                    details,
                    null));
        });
        forEachRow(csv.resolve("allergies.csv"), r -> {
            Template t = templates.get(r.get("PATIENT"));
            if (t == null) {
                return;
            }
            Map<String, String> details = new LinkedHashMap<>();
            if (!r.get("DESCRIPTION1").isEmpty()) {
                details.put(ItemDetail.REACTION.key(), clean(r.get("DESCRIPTION1")));
            }
            if (!r.get("SEVERITY1").isEmpty()) {
                details.put(ItemDetail.SEVERITY.key(), r.get("SEVERITY1").toLowerCase(Locale.ROOT));
            }
            boolean rxnorm = "RxNorm".equalsIgnoreCase(r.get("SYSTEM"));
            t.add(item(
                    RegionCategory.ALLERGIES,
                    Holder.GP,
                    seconds(r.get("START")),
                    r.get("STOP").isEmpty() ? Long.MIN_VALUE : seconds(r.get("STOP")),
                    r.get("STOP").isEmpty() ? "active" : "resolved",
                    rxnorm ? CodeSystem.LOCAL.name() : snomedOrLocal(r.get("CODE")),
                    rxnorm ? "RXNORM-" + r.get("CODE") : r.get("CODE"),
                    (rxnorm ? "Allergy to " : "") + clean(r.get("DESCRIPTION")),
                    null,
                    Sensitivity.NORMAL.name(),
                    details,
                    null));
        });
        forEachRow(csv.resolve("procedures.csv"), r -> {
            Template t = templates.get(r.get("PATIENT"));
            if (t == null) {
                return;
            }
            Encounter e = encounters.get(r.get("ENCOUNTER"));
            Holder holder = e == null ? Holder.GP : e.holder();
            t.add(item(
                    RegionCategory.PROCEDURES,
                    holder,
                    seconds(r.get("START")),
                    seconds(r.get("STOP")),
                    "completed",
                    snomedOrLocal(r.get("CODE")),
                    r.get("CODE"),
                    clean(r.get("DESCRIPTION")),
                    r.get("REASONDESCRIPTION").isEmpty() ? null : "Reason: " + clean(r.get("REASONDESCRIPTION")),
                    Sensitivity.NORMAL.name(),
                    Map.of(ItemDetail.LOCATION.key(), Derived.location(holder, e)),
                    null));
        });
        forEachRow(csv.resolve("immunizations.csv"), r -> {
            Template t = templates.get(r.get("PATIENT"));
            if (t == null) {
                return;
            }
            t.add(item(
                    RegionCategory.PROCEDURES,
                    Holder.GP,
                    seconds(r.get("DATE")),
                    Long.MIN_VALUE,
                    "completed",
                    CodeSystem.LOCAL.name(),
                    "CVX-" + r.get("CODE"),
                    "Immunisation: " + r.get("DESCRIPTION"),
                    null,
                    Sensitivity.NORMAL.name(),
                    Map.of(ItemDetail.LOCATION.key(), "GP surgery"),
                    null));
        });
        forEachRow(csv.resolve("observations.csv"), r -> {
            Template t = templates.get(r.get("PATIENT"));
            String code = r.get("CODE");
            if (t == null
                    || !LOINC.matcher(code).matches()
                    || ("survey".equals(r.get("CATEGORY")) && Derived.SOCIAL_NEEDS_SURVEY.contains(code))) {
                return;
            }
            Encounter e = encounters.get(r.get("ENCOUNTER"));
            Map<String, String> details = new LinkedHashMap<>();
            String value = r.get("VALUE");
            details.put(ItemDetail.VALUE.key(), value);
            if (!r.get("UNITS").isEmpty()) {
                details.put(ItemDetail.UNIT.key(), r.get("UNITS"));
            }
            Derived.reference(code, value, details);
            if (e != null) {
                details.put(ItemDetail.REPORT_KEY.key(), "enc" + e.index() + "-" + r.get("CATEGORY"));
            }
            t.add(item(
                    RegionCategory.RESULTS,
                    e == null ? Holder.GP : e.holder(),
                    seconds(r.get("DATE")),
                    Long.MIN_VALUE,
                    "final",
                    CodeSystem.LOINC.name(),
                    code,
                    clean(r.get("DESCRIPTION")),
                    null,
                    Sensitivity.NORMAL.name(),
                    details,
                    null));
        });
        forEachRow(csv.resolve("careplans.csv"), r -> {
            Template t = templates.get(r.get("PATIENT"));
            if (t == null) {
                return;
            }
            Encounter e = encounters.get(r.get("ENCOUNTER"));
            Derived.carePlan(
                    t,
                    e,
                    r.get("CODE"),
                    clean(r.get("DESCRIPTION")),
                    clean(r.get("REASONDESCRIPTION")),
                    seconds(r.get("START")),
                    r.get("STOP").isEmpty() ? Long.MIN_VALUE : seconds(r.get("STOP")));
        });
        List<Template> list = new ArrayList<>(templates.values());
        list.forEach(Template::seal);
        return list;
    }

    /** A Synthea encounter, as needed to attribute its observations and procedures. */
    record Encounter(int index, String encounterClass, String description, String reason, long start, long stop) {
        Holder holder() {
            if (Derived.isMentalHealth(description) || Derived.isMentalHealth(reason)) {
                return Holder.MENTAL_HEALTH;
            }
            return switch (encounterClass) {
                case "inpatient", "emergency", "outpatient" -> Holder.ACUTE;
                case "urgentcare" -> Holder.OUT_OF_HOURS;
                case "home", "snf", "hospice" -> Holder.COMMUNITY;
                default -> Holder.GP;
            };
        }
    }

    static Item item(
            RegionCategory category,
            Holder holder,
            long start,
            long end,
            String status,
            String codeSystem,
            String code,
            String display,
            String text,
            String sensitivity,
            Map<String, String> details,
            String documentText) {
        String shownDisplay = display == null ? null : truncate(display, 500);
        byte[] head = CopyText.fragment(category.name(), "1", status);
        byte[] tail = CopyText.fragment(
                codeSystem,
                code == null ? null : truncate(code, 40),
                codeSystem == null ? null : shownDisplay,
                codeSystem == null ? (text == null ? shownDisplay : shownDisplay + " - " + text) : text,
                sensitivity,
                Json.object(details));
        byte[] document = null;
        if (documentText != null) {
            CopyText d = new CopyText(documentText.length() * 2 + 32);
            d.text("text/plain").bytea(documentText.getBytes(StandardCharsets.UTF_8));
            document = d.toByteArray();
        }
        return new Item(category, holder, start, end, head, tail, document);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String snomedOrLocal(String code) {
        return SNOMED.matcher(code).matches() ? CodeSystem.SNOMED_CT.name() : CodeSystem.LOCAL.name();
    }

    /** Drops SNOMED's semantic tag: "Hypertension (disorder)" becomes "Hypertension". */
    static String clean(String description) {
        if (description == null) {
            return "";
        }
        return TAG.matcher(description).replaceFirst("").trim();
    }

    /** A Synthea date ({@code 2011-12-30}) or instant ({@code 2011-12-30T09:31:55Z}) as epoch seconds. */
    static long seconds(String value) {
        if (value.isEmpty()) {
            return Long.MIN_VALUE;
        }
        if (value.length() == 10) {
            return LocalDate.parse(value).atTime(9, 0).toEpochSecond(ZoneOffset.UTC);
        }
        return Instant.parse(value).getEpochSecond();
    }

    /** One CSV row by column name. */
    interface Row {
        String get(String column);
    }

    static void forEachRow(Path file, Consumer<Row> action) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                return;
            }
            List<String> names = parse(header);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
            String line;
            while ((line = in.readLine()) != null) {
                List<String> fields = parse(line);
                action.accept(column -> {
                    Integer i = index.get(column);
                    return i == null || i >= fields.size() ? "" : fields.get(i);
                });
            }
        }
    }

    /** Splits one CSV line (RFC 4180 quoting; Synthea writes no line breaks inside fields). */
    static List<String> parse(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /**
     * The class path of this JVM with every entry made absolute: Synthea runs in {@code dir}, so a
     * relative entry (as {@code java -jar tools/.../region-generator.jar} gives) would not be found
     * there, and neither would the jar's manifest {@code Class-Path}.
     */
    static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
