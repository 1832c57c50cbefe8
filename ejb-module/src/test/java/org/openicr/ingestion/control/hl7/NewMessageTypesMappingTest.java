package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.ingestion.control.hl7.Er7.PID_UK;
import static org.openicr.ingestion.control.hl7.Er7.message;
import static org.openicr.ingestion.control.hl7.Er7.msh;
import static org.openicr.ingestion.control.hl7.Er7.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.ingestion.control.hl7.Hl7Command.CancelItem;
import org.openicr.ingestion.control.hl7.Hl7Command.UpsertItem;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;

/**
 * Issue 21, item 4: VXU^V04 (IMMUNISATIONS), ADT^A60 (ALLERGIES), RDE^O11, RDE^O25 and RDS^O13
 * (MEDICATIONS), PPR^PC1/PC2/PC3 and DG1 (PROBLEMS). The shared samples (src/test/resources/hl7v2,
 * written outside this project) for VXU, A60, RDE and RDS; messages written here for PPR and DG1
 * (the samples hold none) and for each withdrawal rule.
 */
class NewMessageTypesMappingTest {

    private static final Hl7Mapper MAPPER = new Hl7Mapper();
    private static final String SAMPLES = "src/test/resources/hl7v2";

    private static Hl7Mapping sample(String file) throws IOException {
        return MAPPER.map(Files.readString(Path.of(SAMPLES, file)));
    }

    private static List<ItemSubmission> items(Hl7Mapping mapping) {
        return mapping.commands(UpsertItem.class).stream().map(UpsertItem::item).toList();
    }

    private static ItemSubmission only(Hl7Mapping mapping, Category category) {
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        List<ItemSubmission> of =
                items(mapping).stream().filter(i -> i.category() == category).toList();
        assertEquals(1, of.size(), mapping.reasons()::toString);
        return of.get(0);
    }

    /** Each sample: category, key, text, code, status and the details the mapping promises. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "VXU-V04-01.hl7 | IMMUNISATIONS | immunisation/13696     | TENIVAC | 49281021588 | completed"
                        + " | dose=0.5 mL;lotNumber=315841;route=Intramuscular;site=Right Deltoid;clinician=Lily Suzanne Jackson",
                "ADT-A60-01.hl7 | ALLERGIES     | allergy/56789          | Peanut Allergy | 12345 | active"
                        + " | reaction=Skin Rashness;severity=mild",
                "RDE-O11-01.hl7 | MEDICATIONS   | medication/1163422591  | niCARdipine (CARDENE) in NaCl IV infusion 40 mg/200 mL (0.2 mg/mL)"
                        + " | 0143963401 | active | dose=5 mg/hr;route=IV Infusion;frequency=TID;quantity=3 Bag",
                "RDE-O25-01.hl7 | MEDICATIONS   | medication/1163422591  | niCARdipine (CARDENE) in NaCl IV infusion 40 mg/200 mL (0.2 mg/mL)"
                        + " | 0143963401 | active | dose=5 mg/hr;frequency=TID",
                "RDS-O13-01.hl7 | MEDICATIONS   | medication/1163422591  | Doxycycline | 01151327 | active"
                        + " | route=Intravenous;frequency=TID;quantity=10 Tablet",
            })
    void eachSampleBecomesItsItem(
            String file, Category category, String key, String text, String code, String status, String details)
            throws IOException {
        Hl7Mapping mapping = sample(file);
        ItemSubmission item = only(mapping, category);

        assertEquals(key, item.sourceKey());
        assertEquals(text, item.text());
        assertEquals(code, item.code().code());
        assertEquals(CodeSystem.LOCAL, item.code().system(), "NDC and local codes are kept as local codes");
        assertEquals(status, item.status());
        assertEquals(mapping.messageTime().toEpochMilli(), item.version(), "the version is MSH-7");
        for (String pair : details.split(";")) {
            String[] kv = pair.split("=", 2);
            assertEquals(kv[1], item.details().get(kv[0]), kv[0] + " in " + item.details());
        }
    }

    @Test
    void theVaccinationIsDatedByRxa3() throws IOException {
        ItemSubmission item = only(sample("VXU-V04-01.hl7"), Category.IMMUNISATIONS);
        // RXA-3 20210818, a date alone: the start of that day in the UK (BST).
        assertEquals(Instant.parse("2021-08-17T23:00:00Z"), item.effectiveAt());
    }

    private static String vxu(String rxa20, String rxa21) {
        return message(
                msh("VXU^V04^VXU_V04", "VXU-1", "20260310101500"),
                PID_UK,
                segment("ORC", 1, "RE", 3, "IMM-77"),
                segment(
                        "RXA",
                        1,
                        "0",
                        2,
                        "1",
                        3,
                        "20260310",
                        5,
                        "39114911000001105^Flu vaccine^SCT",
                        6,
                        "0.5",
                        7,
                        "mL^mL^UCUM",
                        15,
                        "AB123",
                        20,
                        rxa20,
                        21,
                        rxa21),
                segment("RXR", 1, "IM^Intramuscular^HL70162", 2, "LD^Left Deltoid^HL70163"));
    }

    @ParameterizedTest(name = "RXA-20 [{0}] RXA-21 [{1}]: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CP |   | completed",
                "   |   | completed",
                "PA | A | partially given",
                "RE | U | refused",
                "NA |   | not given",
                "CP | D | withdrawn",
            })
    void vaccinationStatusAndDeletion(String rxa20, String rxa21, String outcome) {
        Hl7Mapping mapping = MAPPER.map(vxu(rxa20 == null ? "" : rxa20, rxa21 == null ? "" : rxa21));

        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        if (outcome.equals("withdrawn")) {
            assertEquals(
                    List.of(new CancelItem(
                            Category.IMMUNISATIONS,
                            "immunisation/IMM-77",
                            "vaccination record deleted by the source (RXA-21 D)")),
                    mapping.commands());
            return;
        }
        ItemSubmission item = only(mapping, Category.IMMUNISATIONS);
        assertEquals(outcome, item.status());
        assertEquals(CodeSystem.SNOMED_CT, item.code().system());
        assertEquals("Flu vaccine", item.text());
        assertEquals("Left Deltoid", item.details().get("site"));
    }

    private static String ppr(String event, String prb) {
        return message(msh("PPR^" + event + "^PPR_PC1", "PPR-1", "20260310101500"), PID_UK, prb);
    }

    private static String prb(String action, String problem, String instance, String lifeCycle, String resolved) {
        return segment(
                "PRB",
                1,
                action,
                2,
                "20260310101500",
                3,
                problem,
                4,
                instance,
                9,
                resolved,
                14,
                lifeCycle,
                16,
                "20250101");
    }

    @ParameterizedTest(name = "{0} PRB-1 {1} PRB-14 [{4}] PRB-9 [{5}]: {6}")
    @CsvSource(
            delimiter = '|',
            value = {
                "PC1 | AD | 44054006^Type 2 diabetes^SCT | PRB-1 |                 |          | active",
                "PC2 | UP | 44054006^Type 2 diabetes^SCT | PRB-1 | inactive        |          | inactive",
                "PC2 | UP | 44054006^Type 2 diabetes^SCT | PRB-1 | R^Resolved^L    |          | resolved",
                "PC2 | UP | 44054006^Type 2 diabetes^SCT | PRB-1 |                 | 20260301 | resolved",
                "PC3 | DE | 44054006^Type 2 diabetes^SCT | PRB-1 |                 |          | withdrawn",
                "PC2 | DE | 44054006^Type 2 diabetes^SCT | PRB-1 |                 |          | withdrawn",
                "PC2 | UC | 44054006^Type 2 diabetes^SCT | PRB-1 |                 |          | not applied",
                "PC1 | AD | 44054006^Type 2 diabetes^SCT |       |                 |          | active",
            })
    void problemsAreAddedUpdatedAndDeleted(
            String event,
            String action,
            String problem,
            String instance,
            String lifeCycle,
            String resolved,
            String outcome) {
        Hl7Mapping mapping = MAPPER.map(ppr(event, prb(action, problem, or(instance), or(lifeCycle), or(resolved))));

        String key = instance == null ? null : "problem/" + instance;
        switch (outcome) {
            case "withdrawn" -> {
                assertEquals(Hl7Outcome.MAPPED, mapping.outcome());
                CancelItem cancel = mapping.commands(CancelItem.class).get(0);
                assertEquals(Category.PROBLEMS, cancel.category());
                assertEquals(key, cancel.sourceKey());
            }
            case "not applied" -> {
                assertEquals(Hl7Outcome.NOT_USED, mapping.outcome());
                assertTrue(mapping.reasons().contains("PRB 1 changes no problem (PRB-1 UC): not applied"));
            }
            default -> {
                ItemSubmission item = only(mapping, Category.PROBLEMS);
                assertEquals(outcome, item.status());
                assertEquals("Type 2 diabetes", item.text());
                assertEquals(CodeSystem.SNOMED_CT, item.code().system());
                assertEquals(Instant.parse("2025-01-01T00:00:00Z"), item.effectiveAt(), "PRB-16 onset");
                if (key != null) {
                    assertEquals(key, item.sourceKey());
                } else {
                    assertTrue(item.sourceKey().matches("problem/[0-9a-f]{24}"), item.sourceKey());
                }
            }
        }
    }

    private static String or(String value) {
        return value == null ? "" : value;
    }

    @ParameterizedTest(name = "IAM-6 [{0}] IAM-17 [{1}]: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "A |   | active",
                "U | C | active",
                "D |   | withdrawn",
                "U | E | withdrawn",
                "X |   | not applied",
            })
    void allergyActions(String action, String clinicalStatus, String outcome) {
        Hl7Mapping mapping = MAPPER.map(message(
                msh("ADT^A60^ADT_A60", "A60-1", "20260310101500"),
                segment("EVN", 1, "A60", 2, "20260310101500"),
                PID_UK,
                segment(
                        "IAM",
                        1,
                        "1",
                        2,
                        "DA^Drug allergy^HL70127",
                        3,
                        "91936005^Penicillin allergy^SCT",
                        4,
                        "SV^Severe^HL70128",
                        5,
                        "Anaphylaxis",
                        6,
                        action,
                        7,
                        "ALG-9",
                        17,
                        or(clinicalStatus))));

        switch (outcome) {
            case "withdrawn" -> assertEquals(
                    List.of("allergy/ALG-9"),
                    mapping.commands(CancelItem.class).stream()
                            .map(CancelItem::sourceKey)
                            .toList());
            case "not applied" -> {
                assertEquals(Hl7Outcome.NOT_USED, mapping.outcome());
                assertTrue(mapping.reasons().contains("IAM 1 says nothing changed (IAM-6 X): not applied"));
            }
            default -> {
                ItemSubmission item = only(mapping, Category.ALLERGIES);
                assertEquals("allergy/ALG-9", item.sourceKey());
                assertEquals(Map.of("reaction", "Anaphylaxis", "severity", "severe"), item.details());
                assertEquals(CodeSystem.SNOMED_CT, item.code().system());
            }
        }
    }

    @ParameterizedTest(name = "ORC-1 {0} ORC-5 [{1}]: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "NW |    | active",
                "XO | IP | active",
                "DC |    | stopped",
                "OD | DC | stopped",
                "HD |    | on hold",
                "RE | CM | completed",
                "CA |    | withdrawn",
                "OC | CA | withdrawn",
            })
    void medicationOrderStates(String control, String status, String outcome) {
        Hl7Mapping mapping = MAPPER.map(message(
                msh("RDE^O11^RDE_O11", "RDE-1", "20260310101500"),
                PID_UK,
                segment("ORC", 1, control, 2, "RX-555", 5, or(status), 12, "G123^HART^SARAH^^^DR"),
                segment("TQ1", 1, "1", 3, "BD", 7, "20260310"),
                segment(
                        "RXE",
                        2,
                        "322236009^Paracetamol 500mg tablets^SCT",
                        3,
                        "1",
                        5,
                        "TAB^tablet",
                        10,
                        "32",
                        11,
                        "TAB^tablet"),
                segment("RXR", 1, "PO^Oral^HL70162")));

        if (outcome.equals("withdrawn")) {
            assertEquals(
                    List.of("medication/RX-555"),
                    mapping.commands(CancelItem.class).stream()
                            .map(CancelItem::sourceKey)
                            .toList());
            return;
        }
        ItemSubmission item = only(mapping, Category.MEDICATIONS);
        assertEquals(outcome, item.status());
        assertEquals("Paracetamol 500mg tablets", item.text());
        assertEquals("1 tablet", item.details().get("dose"));
        assertEquals("Oral", item.details().get("route"));
        assertEquals("BD", item.details().get("frequency"));
        assertEquals("32 tablet", item.details().get("quantity"));
        assertEquals(
                "Dr Sarah Hart".toLowerCase(), item.details().get("prescriber").toLowerCase());
        assertEquals(
                outcome.equals("stopped") ? "stopped" : null, item.details().get("change"));
    }

    @ParameterizedTest(name = "DG1-6 [{0}] DG1-21 [{1}] PV1-19 [{2}]: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "F |   | V100 | final diagnosis of the encounter",
                "A | A | V100 | admitting diagnosis of the encounter",
                "  |   | V100 | diagnosis of the encounter",
                "F | D | V100 | withdrawn",
                "F |   |      | skipped",
            })
    void diagnosesOfTheEncounter(String type, String action, String visit, String outcome) {
        Hl7Mapping mapping = MAPPER.map(message(
                msh("ADT^A03^ADT_A03", "A03-DG1", "20260310101500"),
                segment("EVN", 1, "A03", 2, "20260310101500"),
                PID_UK,
                segment("PV1", 2, "I", 19, or(visit), 44, "20260305090000", 45, "20260310100000"),
                segment(
                        "DG1",
                        1,
                        "1",
                        3,
                        "J18.9^Pneumonia, unspecified^I10",
                        5,
                        "20260308",
                        6,
                        or(type),
                        16,
                        "C1^OKAFOR^ADA^^^DR",
                        21,
                        or(action))));

        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        List<ItemSubmission> problems = items(mapping).stream()
                .filter(i -> i.category() == Category.PROBLEMS)
                .toList();
        switch (outcome) {
            case "withdrawn" -> {
                assertEquals(List.of(), problems);
                assertEquals(
                        List.of("diagnosis/V100/J18.9"),
                        mapping.commands(CancelItem.class).stream()
                                .map(CancelItem::sourceKey)
                                .toList());
            }
            case "skipped" -> {
                assertEquals(List.of(), problems);
                assertTrue(mapping.reasons()
                        .contains("DG1 diagnoses need the visit number (PV1-19) to belong to an encounter: skipped"));
            }
            default -> {
                assertEquals(1, problems.size());
                ItemSubmission diagnosis = problems.get(0);
                assertEquals("diagnosis/V100/J18.9", diagnosis.sourceKey());
                assertEquals("Pneumonia, unspecified", diagnosis.text());
                assertEquals(CodeSystem.ICD10, diagnosis.code().system());
                assertEquals("active", diagnosis.status());
                assertEquals(outcome, diagnosis.details().get("encounterClass"));
                // The encounter is still the message's first item.
                assertEquals(Category.ENCOUNTERS, items(mapping).get(0).category());
            }
        }
    }
}
