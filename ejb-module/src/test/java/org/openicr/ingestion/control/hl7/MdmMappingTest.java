package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.Sensitivity;

class MdmMappingTest {

    private static final Hl7Mapper MAPPER = new Hl7Mapper();

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    private static final String TEXT_LINES = message(
            "OBX|1|TX|DS^Discharge summary^L||Admitted with chest pain.",
            "OBX|2|TX|DS^Discharge summary^L||Discharged home on aspirin.");

    private static final String PDF_OBX = "OBX|1|ED|DS^Discharge summary^L||RX1^AP^PDF^Base64^"
            + Base64.getMimeEncoder().encodeToString(PDF);

    @Test
    void originalDocumentWithTextContent() {
        Hl7Mapping mapping = map("T02", txa("DS", "AU", "DOC-1", ""), TEXT_LINES);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        UpsertItem command = mapping.commands(UpsertItem.class).get(0);
        ItemSubmission document = command.item();
        assertEquals(Category.DOCUMENTS, document.category());
        assertEquals("document/DOC-1", document.sourceKey());
        assertEquals(Instant.parse("2024-06-12T13:30:00Z").toEpochMilli(), document.version());
        assertEquals("final", document.status());
        assertEquals("Discharge summary", document.text());
        assertEquals(Instant.parse("2024-06-12T09:00:00Z"), document.effectiveAt(), "TXA-4 activity time");
        assertEquals(Instant.parse("2024-06-12T10:15:00Z"), document.recordedAt(), "TXA-8 last edit");
        assertEquals(Sensitivity.NORMAL, document.sensitivity());
        assertEquals(Map.of("author", "DR ALAN JONES", "documentType", "Discharge summary"), document.details());
        assertEquals("text/plain", command.content().contentType());
        assertEquals(
                "Admitted with chest pain.\nDischarged home on aspirin.",
                new String(command.content().data(), StandardCharsets.UTF_8));
    }

    @Test
    void pdfInBase64IsTheContent() {
        UpsertItem command = map("T02", txa("DS", "AU", "DOC-2", ""), PDF_OBX)
                .commands(UpsertItem.class)
                .get(0);
        assertEquals("application/pdf", command.content().contentType());
        assertArrayEquals(PDF, command.content().data());
    }

    @Test
    void mimeNamedEmbeddedTypeIsUnderstood() {
        String obx = "OBX|1|ED|LTR^Letter^L||^application^pdf^Base64^"
                + Base64.getEncoder().encodeToString(PDF);
        UpsertItem command = map("T02", txa("CN", "AU", "DOC-3", ""), obx)
                .commands(UpsertItem.class)
                .get(0);
        assertEquals("application/pdf", command.content().contentType());
    }

    @Test
    void embeddedDocumentWinsOverTextLines() {
        Hl7Mapping mapping = map("T02", txa("DS", "AU", "DOC-4", ""), TEXT_LINES, PDF_OBX);
        assertEquals(
                "application/pdf",
                mapping.commands(UpsertItem.class).get(0).content().contentType());
        assertTrue(
                mapping.reasons().contains("the text lines in OBX are not kept: the embedded document is the content"));
    }

    @Test
    void invalidBase64IsRejected() {
        Hl7Mapping mapping = map("T02", txa("DS", "AU", "DOC-5", ""), "OBX|1|ED|DS^DS^L||^AP^PDF^Base64^@@@@");
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(
                "OBX 1 holds an embedded document that cannot be read: the embedded data is not valid Base64",
                mapping.reasons().get(0));
    }

    @Test
    void contentEventWithoutContentIsRejected() {
        Hl7Mapping mapping = map("T04", txa("DS", "AU", "DOC-6", ""), "OBX|1|HD|113014^DICOM Study^DCM||1.2.3");
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(
                "MDM^T04 carries no document content (OBX with text or an embedded document): there is nothing to show",
                mapping.reasons().get(0));
        assertTrue(mapping.reasons().contains("OBX 1 (HD) is not document content: ignored"));
    }

    @Test
    void documentWithoutNumberIsRejected() {
        Hl7Mapping mapping = map("T02", txa("DS", "AU", "", ""), TEXT_LINES);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(
                "MDM^T02 has no document number in TXA-12: without it the document cannot be kept up to date",
                mapping.reasons().get(0));
    }

    @Test
    void documentWithoutTxaIsRejected() {
        Hl7Mapping mapping = map("T02", TEXT_LINES);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertTrue(mapping.reasons().get(0).startsWith("MDM^T02 has no TXA segment"));
    }

    @Test
    void replacementAddsTheNewDocumentAndWithdrawsTheOld() {
        Hl7Mapping mapping = map("T10", txa("DS", "AU", "DOC-8", "DOC-7"), TEXT_LINES);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome());
        assertEquals(2, mapping.commands().size());
        assertEquals(
                "document/DOC-8",
                mapping.commands(UpsertItem.class).get(0).item().sourceKey());
        assertEquals(
                new CancelItem(Category.DOCUMENTS, "document/DOC-7", "document replaced by a newer version (MDM^T10)"),
                mapping.commands().get(1));
    }

    @Test
    void replacementNotificationWithdrawsTheOld() {
        Hl7Mapping mapping = map("T09", txa("DS", "AU", "DOC-8", "DOC-7"));
        assertEquals(
                List.of(new CancelItem(
                        Category.DOCUMENTS,
                        "document/DOC-7",
                        "document replaced by a newer version (MDM^T09; its content was not sent)")),
                mapping.commands());
    }

    @Test
    void cancelledDocumentLeavesTheRecord() {
        Hl7Mapping mapping = map("T11", txa("DS", "AU", "DOC-1", ""));
        assertEquals(
                List.of(new CancelItem(
                        Category.DOCUMENTS, "document/DOC-1", "document cancelled by the source (MDM^T11)")),
                mapping.commands());
    }

    @Test
    void cancellationNeedsTheDocumentNumber() {
        assertEquals(Hl7Outcome.REJECTED, map("T11", txa("DS", "AU", "", "")).outcome());
        assertEquals(
                Hl7Outcome.REJECTED, map("T09", txa("DS", "AU", "DOC-8", "")).outcome());
    }

    @ParameterizedTest
    @CsvSource({"T01", "T03", "T05", "T07"})
    void notificationsWithoutContentAreNotUsed(String event) {
        Hl7Mapping mapping = map(event, txa("DS", "AU", "DOC-1", ""));
        assertEquals(Hl7Outcome.NOT_USED, mapping.outcome());
        assertEquals(
                List.of("MDM^" + event + " announces a document without its content: nothing to show until the"
                        + " content is sent"),
                mapping.reasons());
        assertEquals(Er7.NHS_NUMBER, mapping.identity().nhsNumber().value());
    }

    @ParameterizedTest
    @CsvSource({"T03, CA, document cancelled", "T04, OB, document made obsolete", "T02, CA, document cancelled"})
    void documentMarkedCancelledOrObsoleteLeavesTheRecord(String event, String availability, String reason) {
        String txa = txa("DS", "AU", "DOC-1", "") + "|" + availability;
        Hl7Mapping mapping = map(event, txa, TEXT_LINES);
        assertEquals(
                List.of(new CancelItem(
                        Category.DOCUMENTS,
                        "document/DOC-1",
                        reason + " by the source (MDM^" + event + ", TXA-19 " + availability + ")")),
                mapping.commands());
    }

    @Test
    void documentNotYetAvailableForPatientCareIsNotShown() {
        Hl7Mapping mapping = map("T02", txa("DS", "IP", "DOC-1", "") + "|UN", TEXT_LINES);
        assertEquals(Hl7Outcome.NOT_USED, mapping.outcome());
    }

    @Test
    void addendumIsADocumentOfItsOwn() {
        Hl7Mapping mapping = map("T06", txa("PN", "AU", "DOC-9", "DOC-1"), TEXT_LINES);
        ItemSubmission addendum = mapping.commands(UpsertItem.class).get(0).item();
        assertEquals("document/DOC-9", addendum.sourceKey());
        assertEquals("Addendum: Procedure note", addendum.text());
        assertEquals(1, mapping.commands().size(), "the parent document stays");
    }

    @ParameterizedTest
    @CsvSource({"AU, final", "LA, final", "DI, preliminary", "IP, preliminary", "PA, preliminary", "'', unknown"})
    void completionStatusGivesTheDocumentStatus(String completion, String status) {
        assertEquals(
                status,
                document(map("T02", txa("DS", completion, "DOC-1", ""), TEXT_LINES))
                        .status());
    }

    @ParameterizedTest
    @CsvSource({"R, SEALED", "V, SEALED_LOCKED", "U, NORMAL"})
    void confidentialityGivesTheSensitivity(String confidentiality, Sensitivity sensitivity) {
        String txa = txa("DS", "AU", "DOC-1", "") + confidentiality;
        assertEquals(sensitivity, document(map("T02", txa, TEXT_LINES)).sensitivity());
    }

    @Test
    void documentTitleIsPreferredToItsType() {
        String txa = txa("DS", "AU", "DOC-1", "") + "|||||||Discharge letter from ward 7";
        ItemSubmission document = document(map("T02", txa, TEXT_LINES));
        assertEquals("Discharge letter from ward 7", document.text());
        assertEquals("Discharge summary", document.details().get("documentType"));
    }

    @Test
    void unknownDocumentTypeKeepsItsCode() {
        ItemSubmission document = document(map("T02", txa("ZZLETTER", "AU", "DOC-1", ""), TEXT_LINES));
        assertEquals("ZZLETTER", document.text());
    }

    @Test
    void formattedTextKeepsItsLineBreaks() {
        UpsertItem command = map("T02", txa("DS", "AU", "DOC-1", ""), "OBX|1|FT|DS^DS^L||Line one\\.br\\Line two")
                .commands(UpsertItem.class)
                .get(0);
        assertEquals("Line one\nLine two", new String(command.content().data(), StandardCharsets.UTF_8));
    }

    @Test
    void documentWithoutPidIsRejected() {
        Hl7Mapping mapping = MAPPER.map(message(msh("MDM^T02", "DOC1"), txa("DS", "AU", "DOC-1", ""), TEXT_LINES));
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
    }

    /** TXA up to field 18 (confidentiality), so tests can append availability (19) and more. */
    private static String txa(String type, String completion, String number, String parent) {
        return segment(
                        "TXA",
                        1,
                        "1",
                        2,
                        type,
                        3,
                        "TX",
                        4,
                        "20240612100000",
                        5,
                        "C999^WRONG^AUTHOR",
                        6,
                        "20240612103000",
                        8,
                        "20240612110000~20240612111500",
                        9,
                        "C123^JONES^ALAN^^^DR",
                        12,
                        number,
                        13,
                        parent,
                        17,
                        completion)
                + "|";
    }

    private static Hl7Mapping map(String event, String... segments) {
        String[] all = new String[segments.length + 2];
        all[0] = msh("MDM^" + event + "^MDM_T02", "DOC1");
        all[1] = PID_UK;
        System.arraycopy(segments, 0, all, 2, segments.length);
        return MAPPER.map(message(all));
    }

    private static ItemSubmission document(Hl7Mapping mapping) {
        List<UpsertItem> items = mapping.commands(UpsertItem.class);
        assertEquals(1, items.size(), mapping.reasons()::toString);
        return items.get(0).item();
    }
}
