package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.ingestion.control.hl7.Er7.PID_UK;
import static org.openicr.ingestion.control.hl7.Er7.message;
import static org.openicr.ingestion.control.hl7.Er7.msh;
import static org.openicr.ingestion.control.hl7.Er7.segment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.ingestion.control.hl7.Hl7Command.CancelItem;
import org.openicr.ingestion.control.hl7.Hl7Command.UpsertItem;
import org.openicr.ingestion.control.hl7.Hl7Command.UpsertPerson;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.Sensitivity;

class OruMappingTest {

    private static final Hl7Mapper MAPPER = new Hl7Mapper();

    private static final String OBR = segment(
            "OBR",
            1,
            "1",
            2,
            "PL778^ICE",
            3,
            "FL123^LIMS",
            4,
            "FBC^Full blood count^L",
            7,
            "20240612083000",
            22,
            "20240612120000");

    private static final String HAEMOGLOBIN =
            obx("1", "NM", "718-7^Haemoglobin^LN", "", "130", "g/L", "115-165", "N", "F");

    @Test
    void numericResultWithLoincCode() {
        Hl7Mapping mapping = map(PID_UK, OBR, HAEMOGLOBIN);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        assertTrue(mapping.commands(UpsertPerson.class).isEmpty(), "a laboratory does not update demographics");
        UpsertItem command = mapping.commands(UpsertItem.class).get(0);
        assertNull(command.content());
        ItemSubmission result = command.item();
        assertEquals(Category.RESULTS, result.category());
        assertEquals("FL123/718-7/", result.sourceKey());
        assertEquals(Instant.parse("2024-06-12T13:30:00Z").toEpochMilli(), result.version());
        assertEquals(new CodedConcept(CodeSystem.LOINC, "718-7", "Haemoglobin"), result.code());
        assertEquals("final", result.status());
        assertEquals(Instant.parse("2024-06-12T07:30:00Z"), result.effectiveAt(), "OBR-7 in UK summer time");
        assertEquals(Instant.parse("2024-06-12T11:00:00Z"), result.recordedAt(), "OBR-22");
        assertNull(result.text());
        assertEquals(Sensitivity.NORMAL, result.sensitivity());
        assertEquals(
                Map.of(
                        "value", "130",
                        "unit", "g/L",
                        "referenceLow", "115",
                        "referenceHigh", "165",
                        "interpretation", "N",
                        "reportKey", "FL123"),
                result.details());
    }

    @Test
    void observationTimeWinsOverTheOrderTime() {
        String obx = obx("1", "NM", "718-7^Hb^LN", "", "130", "g/L", "", "", "F") + "|||20240611221500+0000";
        assertEquals(
                Instant.parse("2024-06-11T22:15:00Z"),
                result(map(PID_UK, OBR, obx)).effectiveAt());
    }

    @ParameterizedTest
    @CsvSource({
        "3.5-5.0, 3.5, 5.0, ",
        "3.5 - 5.0, 3.5, 5.0, ",
        "-2--1, -2, -1, ",
        "10 to 20, 10, 20, ",
        "<5, , 5, <5",
        "negative, , , negative",
    })
    void referenceRangesAreSplitWhenTheyAreRanges(String range, String low, String high, String text) {
        String obx = obx("1", "NM", "2823-3^Potassium^LN", "", "4.1", "mmol/L", range, "", "F");
        Map<String, String> details = result(map(PID_UK, OBR, obx)).details();
        assertEquals(low, details.get("referenceLow"));
        assertEquals(high, details.get("referenceHigh"));
        assertEquals(text, details.get("referenceText"));
    }

    @Test
    void localCodeKeepsItsDisplay() {
        String obx = obx("1", "NM", "K^Potassium^WinPath", "", "4.1", "mmol/L", "3.5-5.3", "", "F");
        ItemSubmission result = result(map(PID_UK, OBR, obx));
        assertEquals(new CodedConcept(CodeSystem.LOCAL, "K", "Potassium"), result.code());
        assertEquals("FL123/K/", result.sourceKey());
    }

    @Test
    void nationalAlternateCodeIsPreferredToTheLocalOne() {
        String obx =
                obx("1", "NM", "K^Potassium^WinPath^2823-3^Potassium SerPl-sCnc^LN", "", "4.1", "mmol/L", "", "", "F");
        ItemSubmission result = result(map(PID_UK, OBR, obx));
        assertEquals(new CodedConcept(CodeSystem.LOINC, "2823-3", "Potassium SerPl-sCnc"), result.code());
        assertEquals("FL123/K/", result.sourceKey(), "the key stays on the sender's own code");
    }

    @Test
    void snomedCodedValue() {
        String obx = obx("1", "CWE", "GRAM^Organism^L", "1", "27268008^Salmonella^SCT", "", "", "A", "C");
        ItemSubmission result = result(map(PID_UK, OBR, obx));
        assertEquals("Salmonella", result.details().get("value"));
        assertEquals("corrected", result.status());
        assertEquals("FL123/GRAM/1", result.sourceKey());
        assertEquals("A", result.details().get("interpretation"));
    }

    @Test
    void olderCeDataTypeIsReadAsCodedToo() {
        String obx = obx("1", "CE", "GRAM^Organism^L", "", "27268008^Salmonella^SCT", "", "", "", "F");
        assertEquals("Salmonella", result(map(PID_UK, OBR, obx)).details().get("value"));
    }

    @Test
    void localCodeWithoutDisplayBecomesText() {
        String obx = obx("1", "NM", "XK1", "", "7", "", "", "", "F");
        ItemSubmission result = result(map(PID_UK, OBR, obx));
        assertNull(result.code());
        assertEquals("XK1", result.text());
        assertEquals("7", result.details().get("value"));
    }

    @Test
    void structuredNumericIsReadAsWritten() {
        String obx = obx("1", "SN", "5195-3^Titre^LN", "", "^1^:^128", "", "", "", "F");
        assertEquals("1:128", result(map(PID_UK, OBR, obx)).details().get("value"));
        String lessThan = obx("1", "SN", "1988-5^CRP^LN", "", "<^5", "mg/L", "", "", "F");
        assertEquals("<5", result(map(PID_UK, OBR, lessThan)).details().get("value"));
    }

    @Test
    void textReportLinesBecomeOneResult() {
        Hl7Mapping mapping = map(
                PID_UK,
                segment("OBR", 3, "RAD55", 4, "XCHES^Chest X-ray^L"),
                obx("1", "TX", "REP^Report^L", "", "No focal consolidation.", "", "", "", "F"),
                obx("2", "TX", "REP^Report^L", "", "Heart size normal.", "", "", "", "F"),
                obx("3", "FT", "IMP^Impression^L", "", "Normal\\.br\\chest \\T\\ heart", "", "", "", "F"));
        List<UpsertItem> results = mapping.commands(UpsertItem.class);
        assertEquals(2, results.size());
        assertEquals(
                "No focal consolidation.\nHeart size normal.",
                results.get(0).item().text());
        assertEquals("RAD55/REP/", results.get(0).item().sourceKey());
        assertNull(results.get(0).item().details().get("value"), "text goes in the text, not in VALUE");
        assertEquals("Normal\nchest & heart", results.get(1).item().text());
    }

    @Test
    void commentsJoinTheResultTheyFollow() {
        Hl7Mapping mapping = map(
                PID_UK,
                OBR,
                segment("NTE", 1, "1", 3, "Order comment"),
                HAEMOGLOBIN,
                segment("NTE", 1, "1", 3, "Sample slightly haemolysed"),
                segment("NTE", 1, "2", 3, "Repeat advised"));
        assertEquals(
                "Sample slightly haemolysed\nRepeat advised", result(mapping).text());
    }

    @ParameterizedTest
    @CsvSource({
        "F, final",
        "C, corrected",
        "A, amended",
        "P, preliminary",
        "S, preliminary",
        "R, preliminary",
        "'', unknown",
    })
    void resultStatusFollowsObx11(String code, String status) {
        String obx = obx("1", "NM", "718-7^Hb^LN", "", "130", "g/L", "", "", code);
        assertEquals(status, result(map(PID_UK, OBR, obx)).status());
    }

    @ParameterizedTest
    @CsvSource({
        "X, no result can be obtained (OBX-11 X)",
        "D, result deleted by the source (OBX-11 D)",
        "W, 'result posted in error, e.g. for the wrong patient (OBX-11 W)'",
    })
    void withdrawnResultsLeaveTheRecord(String code, String reason) {
        String obx = obx("1", "NM", "718-7^Hb^LN", "", "", "", "", "", code);
        Hl7Mapping mapping = map(PID_UK, OBR, obx);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome());
        assertEquals(List.of(new CancelItem(Category.RESULTS, "FL123/718-7/", reason)), mapping.commands());
    }

    @ParameterizedTest
    @CsvSource({"I", "O", "N", "U"})
    void observationsWithoutAResultToShowAreSkipped(String code) {
        String obx = obx("1", "NM", "718-7^Hb^LN", "", "130", "", "", "", code);
        Hl7Mapping mapping = map(PID_UK, OBR, obx);
        assertEquals(Hl7Outcome.NOT_USED, mapping.outcome());
        assertTrue(
                mapping.reasons().stream().anyMatch(r -> r.startsWith("OBX 1 (718-7)") && r.endsWith("skipped")),
                mapping.reasons()::toString);
    }

    @Test
    void orderKeyFallsBackToPlacerThenControlId() {
        String placerOnly = segment("OBR", 2, "PL778");
        assertEquals(
                "PL778/718-7/", result(map(PID_UK, placerOnly, HAEMOGLOBIN)).sourceKey());
        Hl7Mapping neither = map(PID_UK, segment("OBR", 1, "1"), HAEMOGLOBIN);
        assertEquals("LAB1/718-7/", result(neither).sourceKey());
        assertEquals("LAB1", result(neither).details().get("reportKey"));
    }

    @Test
    void resultsBelongToTheOrderTheyFollow() {
        Hl7Mapping mapping = map(
                PID_UK,
                OBR,
                HAEMOGLOBIN,
                segment("OBR", 1, "2", 3, "FL124", 4, "UE^U and E^L"),
                obx("1", "NM", "2823-3^Potassium^LN", "", "4.1", "mmol/L", "", "", "F"));
        List<String> keys = mapping.commands(UpsertItem.class).stream()
                .map(c -> c.item().details().get("reportKey"))
                .toList();
        assertEquals(List.of("FL123", "FL124"), keys);
    }

    @Test
    void observationsOutsideAnOrderAreSkipped() {
        Hl7Mapping mapping = map(
                PID_UK,
                obx("1", "NM", "8302-2^Height^LN", "", "170", "cm", "", "", "F"),
                OBR,
                HAEMOGLOBIN,
                segment("SPM", 1, "1"),
                obx("1", "CWE", "SPEC^Specimen^L", "", "BLD^Blood^L", "", "", "", "F"));
        assertEquals(1, mapping.commands().size());
        assertTrue(mapping.reasons().contains("OBX 1 comes before any OBR: not a result of an order, skipped"));
        assertTrue(mapping.reasons().contains("OBX 3 describes a specimen (it follows SPM): skipped"));
    }

    @Test
    void repeatedKeyIsSkipped() {
        Hl7Mapping mapping = map(PID_UK, OBR, HAEMOGLOBIN, HAEMOGLOBIN);
        assertEquals(1, mapping.commands().size());
        assertTrue(mapping.reasons()
                .contains("OBX 2 (718-7) repeats the code and sub-id of an earlier result of the same order: skipped"));
    }

    @Test
    void embeddedPdfReportIsKeptAsContent() {
        byte[] pdf = "%PDF-1.4 report".getBytes(StandardCharsets.US_ASCII);
        String obx = obx(
                "1",
                "ED",
                "18748-4^Diagnostic imaging study^LN",
                "",
                "RAD^AP^PDF^Base64^" + Base64.getEncoder().encodeToString(pdf),
                "",
                "",
                "",
                "F");
        UpsertItem command = map(PID_UK, OBR, obx).commands(UpsertItem.class).get(0);
        assertEquals("application/pdf", command.content().contentType());
        assertArrayEquals(pdf, command.content().data());
        assertEquals(Category.RESULTS, command.item().category());
    }

    @Test
    void unreadableEmbeddedReportIsSkipped() {
        String obx = obx("1", "ED", "18748-4^Report^LN", "", "^AP^PDF^Base64^not*base64", "", "", "", "F");
        Hl7Mapping mapping = map(PID_UK, OBR, obx, HAEMOGLOBIN);
        assertEquals(1, mapping.commands().size());
        assertTrue(mapping.reasons()
                .contains(
                        "OBX 1 (18748-4) holds an embedded document that cannot be read (the embedded data is not valid"
                                + " Base64): skipped"));
    }

    @Test
    void resultWithoutValueIsSkipped() {
        Hl7Mapping mapping = map(PID_UK, OBR, obx("1", "NM", "718-7^Hb^LN", "", "", "", "", "", "F"));
        assertEquals(Hl7Outcome.NOT_USED, mapping.outcome());
        assertTrue(mapping.reasons().contains("OBX 1 (718-7) has no value: skipped"));
    }

    @Test
    void observationWithoutIdentifierIsSkipped() {
        Hl7Mapping mapping = map(PID_UK, OBR, obx("1", "NM", "", "", "5", "", "", "", "F"), HAEMOGLOBIN);
        assertEquals(1, mapping.commands().size());
        assertTrue(mapping.reasons().contains("OBX 1 has no observation identifier (OBX-3): skipped"));
    }

    @Test
    void resultsWithoutObxAreRejected() {
        Hl7Mapping mapping = map(PID_UK, OBR);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(
                "ORU^R01 has no OBX segment: there is no result to record",
                mapping.reasons().get(0));
    }

    @Test
    void resultsWithoutPidAreRejected() {
        Hl7Mapping mapping = map(OBR, HAEMOGLOBIN);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(
                "ORU^R01 has no PID segment: the results cannot be attached to a person",
                mapping.reasons().get(0));
    }

    @Test
    void resultsMatchByLocalIdentifierWithoutNhsNumber() {
        Hl7Mapping mapping = map(segment("PID", 3, "H123^^^RX1^MR"), OBR, HAEMOGLOBIN);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome());
        assertEquals(
                List.of(new LocalIdentifier("RX1", "MR", "H123")),
                mapping.identity().localIdentifiers());
    }

    /** OBX with set id, type, identifier, sub-id, value, units, range, flags, status. */
    private static String obx(
            String setId,
            String type,
            String identifier,
            String subId,
            String value,
            String units,
            String range,
            String flags,
            String status) {
        return String.join("|", "OBX", setId, type, identifier, subId, value, units, range, flags, "", "", status);
    }

    private static Hl7Mapping map(String... segments) {
        String[] all = new String[segments.length + 1];
        all[0] = msh("ORU^R01^ORU_R01", "LAB1");
        System.arraycopy(segments, 0, all, 1, segments.length);
        return MAPPER.map(message(all));
    }

    private static ItemSubmission result(Hl7Mapping mapping) {
        List<UpsertItem> items = mapping.commands(UpsertItem.class);
        assertEquals(1, items.size(), mapping.reasons()::toString);
        return items.get(0).item();
    }
}
