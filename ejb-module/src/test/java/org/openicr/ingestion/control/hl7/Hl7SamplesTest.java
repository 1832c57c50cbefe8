package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.openicr.ingestion.control.hl7.Hl7Command.CancelItem;
import org.openicr.ingestion.control.hl7.Hl7Command.MergePersons;
import org.openicr.ingestion.control.hl7.Hl7Command.UpsertItem;
import org.openicr.ingestion.control.hl7.Hl7Command.UpsertPerson;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.CodedConcept;

/**
 * Every sample message written outside this project (src/test/resources/hl7v2, MIT, Microsoft) is
 * mapped: none may make the mapper throw, each gets the outcome decided for it, and no reason may
 * quote the patient's name or identifiers.
 */
class Hl7SamplesTest {

    private static final Hl7Mapper MAPPER = new Hl7Mapper();

    private static final String SAMPLES = "src/test/resources/hl7v2";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/hl7v2/expected-outcomes.csv")
    void everySampleGetsItsOutcome(String file, Hl7Outcome expected) throws IOException {
        String er7 = Files.readString(Path.of(SAMPLES, file));
        Hl7Mapping mapping = assertDoesNotThrow(() -> MAPPER.map(er7));
        assertEquals(expected, mapping.outcome(), () -> file + ": " + mapping.reasons());
        assertAll(
                () -> assertNotNull(mapping.messageType(), "message type"),
                () -> assertNotNull(mapping.controlId(), "control id"),
                () -> assertNotNull(mapping.messageTime(), "message time"),
                () -> assertEquals(
                        expected == Hl7Outcome.MAPPED, !mapping.commands().isEmpty(), "commands only when mapped"),
                () -> assertTrue(
                        expected == Hl7Outcome.MAPPED || !mapping.reasons().isEmpty(),
                        "a message not mapped says why"));
        for (String reason : mapping.reasons()) {
            for (String secret : patientData(er7)) {
                assertFalse(reason.contains(secret), () -> file + ": a reason quotes patient data: " + reason);
            }
        }
    }

    @Test
    void everySampleHasAnExpectedOutcome() throws IOException {
        Set<String> listed;
        try (Stream<String> lines = Files.lines(Path.of(SAMPLES, "expected-outcomes.csv"))) {
            listed = lines.filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.substring(0, line.indexOf(',')).strip())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> samples;
        try (Stream<Path> files = Files.list(Path.of(SAMPLES))) {
            samples = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".hl7"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(samples, listed);
        assertTrue(Files.exists(Path.of(SAMPLES, "LICENSE-MIT")), "the samples' licence travels with them");
    }

    @Test
    void admissionSampleKeepsItsOffsetsAndVisit() throws IOException {
        Hl7Mapping mapping = map("ADT-A01-01.hl7");
        // MSH-7 198908181126+0215
        assertEquals(Instant.parse("1989-08-18T09:11:00Z"), mapping.messageTime());
        ItemSubmission encounter = mapping.commands(UpsertItem.class).get(0).item();
        assertEquals(Category.ENCOUNTERS, encounter.category());
        assertEquals("visit/40007716", encounter.sourceKey());
        assertEquals(Instant.parse("1989-08-18T09:11:00Z").toEpochMilli(), encounter.version());
        // PV1-44 20150208113419+0110
        assertEquals(Instant.parse("2015-02-08T10:24:19Z"), encounter.effectiveAt());
        assertEquals("in-progress", encounter.status());
        assertEquals(
                "HUH AE OMU, OMU B, Bed 03, HOMERTON UNIVER",
                encounter.details().get("location"));
        assertEquals("Dr. Mohammed Mahi Alaz", encounter.details().get("clinician"));
        assertEquals(
                List.of(
                        new LocalIdentifier("test1", "MR", "PATID1234"),
                        new LocalIdentifier("USSSA", "SS", "123456789")),
                mapping.identity().localIdentifiers());
        assertTrue(mapping.commands(UpsertPerson.class).isEmpty(), "no NHS Number, no person");
    }

    @Test
    void dischargeSampleFinishesTheVisit() throws IOException {
        ItemSubmission encounter =
                map("ADT-A03-01.hl7").commands(UpsertItem.class).get(0).item();
        assertEquals("finished", encounter.status());
        assertEquals(Instant.parse("2015-02-09T10:24:19Z"), encounter.effectiveEnd());
    }

    @Test
    void labSampleGivesOneResultPerReportedObservation() throws IOException {
        Hl7Mapping mapping = map("LAB-ORU-1.hl7");
        List<String> keys = mapping.commands(UpsertItem.class).stream()
                .map(command -> command.item().sourceKey())
                .toList();
        // OBX 1 and 3 of the first order are pending (status I) and are not shown yet.
        assertEquals(
                List.of(
                        "82503246/11273-0/",
                        "82503246/20570-8/",
                        "82503246/11125-2/",
                        "890775544/23761-0/",
                        "890775544/26450-7/",
                        "890775544/26478-8/",
                        "890775544/26485-3/",
                        "890775544/30180-4/"),
                keys);
        ItemSubmission platelets = mapping.commands(UpsertItem.class).get(2).item();
        assertEquals(new CodedConcept(CodeSystem.LOINC, "11125-2", "PLATELETS"), platelets.code());
        assertEquals("final", platelets.status());
        assertEquals("221", platelets.details().get("value"));
        assertEquals("giga.l-1", platelets.details().get("unit"));
        // OBX-14 20141006083000+0700
        assertEquals(Instant.parse("2014-10-06T01:30:00Z"), platelets.effectiveAt());
    }

    @Test
    void publicHealthSampleKeepsOnlyTheResultOfTheOrder() throws IOException {
        Hl7Mapping mapping = map("ORU-R01-01.hl7");
        List<UpsertItem> results = mapping.commands(UpsertItem.class);
        assertEquals(1, results.size());
        ItemSubmission culture = results.get(0).item();
        assertEquals("986/625-4/1", culture.sourceKey());
        assertEquals(
                new CodedConcept(CodeSystem.LOCAL, "625-4", "Bacteria identified in Stool by Culture"), culture.code());
        assertEquals("Salmonella", culture.details().get("value"));
        assertEquals("preliminary", culture.status());
        assertEquals("Submission of serum\nNo Antibodies Detected", culture.text());
    }

    @Test
    void mergeSampleRetiresTheOldRecord() throws IOException {
        MergePersons merge = map("ADT-A40-01.hl7").commands(MergePersons.class).get(0);
        assertEquals(
                List.of(new LocalIdentifier("BCBS", "MR", "12345")),
                merge.surviving().localIdentifiers());
        assertEquals(
                List.of(new LocalIdentifier("BCBS", "MR", "56789")),
                merge.retired().localIdentifiers());
    }

    @Test
    void replacementNotificationWithdrawsTheReplacedDocument() throws IOException {
        CancelItem cancel = map("MDM-T09-01.hl7").commands(CancelItem.class).get(0);
        assertEquals(Category.DOCUMENTS, cancel.category());
        assertEquals("document/1.2.840.317.5947431.51.20080131155715", cancel.sourceKey());
    }

    @Test
    void documentSampleWithAnEmptyEmbeddedDocumentIsRejectedAsIncomplete() throws IOException {
        Hl7Mapping mapping = map("MDM-T02-01.hl7");
        assertTrue(
                mapping.reasons().get(0).startsWith("MDM^T02 carries no document content"),
                mapping.reasons()::toString);
    }

    private static Hl7Mapping map(String file) throws IOException {
        return MAPPER.map(Files.readString(Path.of(SAMPLES, file)));
    }

    /** The family and given names (PID-5) and identifier values (PID-3) written in a sample. */
    private static List<String> patientData(String er7) {
        List<String> data = new ArrayList<>();
        for (String segment : er7.split("\r\n|\r|\n")) {
            if (!segment.startsWith("PID|")) {
                continue;
            }
            String[] fields = segment.split("\\|", -1);
            for (int field : new int[] {3, 5}) {
                if (fields.length <= field) {
                    continue;
                }
                for (String repetition : fields[field].split("~")) {
                    for (int component : new int[] {0, 1}) {
                        String[] components = repetition.split("\\^", -1);
                        if (components.length > component) {
                            String value = components[component].split("&")[0].strip();
                            if (value.length() >= 3) {
                                data.add(value);
                            }
                        }
                    }
                }
            }
        }
        return data;
    }
}
