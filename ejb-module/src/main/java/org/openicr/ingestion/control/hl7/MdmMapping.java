package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.component;
import static org.openicr.ingestion.control.hl7.Values.firstOf;
import static org.openicr.ingestion.control.hl7.Values.text;

import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v28.datatype.DTM;
import ca.uhn.hl7v2.model.v28.segment.OBX;
import ca.uhn.hl7v2.model.v28.segment.PID;
import ca.uhn.hl7v2.model.v28.segment.TXA;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.openicr.record.entity.DocumentContent;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.vocabulary.Sensitivity;

/**
 * MDM: clinical documents (letters, discharge summaries, reports), one DOCUMENTS item per document
 * keyed by its unique document number (TXA-12).
 *
 * <p>The record shows documents people can read, so the events that carry content (T02 original,
 * T04 status change, T06 addendum, T08 edit, T10 replacement) are mapped, and a content event
 * without readable content is rejected as incomplete. Notifications without content (T01, T03,
 * T05, T07) are not used, except that a document the source marks cancelled or obsolete (TXA-19 CA
 * or OB) leaves view whatever the event. A replacement (T09, T10) withdraws the replaced document
 * (TXA-13), since it is out of date even while its successor's content has not arrived; T11 withdraws
 * the document itself.
 */
final class MdmMapping {

    private MdmMapping() {}

    static Hl7Mapping documents(Hl7Message message) {
        PID pid = message.required(PID.class, "the document cannot be attached to a person");
        PatientIdentity identity = PersonMapping.identity(message, pid);
        TXA txa = message.required(TXA.class, "it is the segment that describes the document");
        String event = message.triggerEvent();
        String document = text(txa.getUniqueDocumentNumber());
        String parent = text(txa.getParentDocumentNumber());
        String availability = Objects.requireNonNullElse(text(txa.getDocumentAvailabilityStatus()), "")
                .toUpperCase(Locale.ROOT);
        List<Hl7Command> commands = new ArrayList<>();
        switch (event) {
            case "T11" -> commands.add(cancel(
                    requireNumber(message, document, "TXA-12", "the document to cancel is unknown"),
                    "document cancelled by the source (MDM^T11)"));
            case "T09" -> commands.add(cancel(
                    requireNumber(message, parent, "TXA-13", "the replaced document is unknown"),
                    "document replaced by a newer version (MDM^T09; its content was not sent)"));
            case "T01", "T03", "T05", "T07" -> {
                if (isWithdrawn(availability) && document != null) {
                    commands.add(cancel(document, withdrawal(availability, event)));
                } else {
                    message.note(message.messageType() + " announces a document without its content: nothing to"
                            + " show until the content is sent");
                }
            }
            default -> {
                String key =
                        requireNumber(message, document, "TXA-12", "without it the document cannot be kept up to date");
                if (isWithdrawn(availability)) {
                    commands.add(cancel(key, withdrawal(availability, event)));
                } else if (availability.equals("UN")) {
                    message.note("the document is not yet available for patient care (TXA-19 UN): not shown");
                } else {
                    commands.add(new Hl7Command.UpsertItem(item(message, txa, key), content(message)));
                }
                if (event.equals("T10")) {
                    if (parent == null) {
                        message.note("MDM^T10 names no replaced document (TXA-13): no earlier document is withdrawn");
                    } else if (!parent.equals(document)) {
                        commands.add(cancel(parent, "document replaced by a newer version (MDM^T10)"));
                    }
                }
            }
        }
        return message.result(identity, commands);
    }

    private static String requireNumber(Hl7Message message, String number, String field, String why) {
        if (number == null) {
            throw message.reject(message.messageType() + " has no document number in " + field + ": " + why);
        }
        return number;
    }

    /** TXA-19 document availability: CA cancelled, OB obsolete. */
    private static boolean isWithdrawn(String availability) {
        return availability.equals("CA") || availability.equals("OB");
    }

    private static String withdrawal(String availability, String event) {
        return (availability.equals("CA") ? "document cancelled" : "document made obsolete") + " by the source (MDM^"
                + event + ", TXA-19 " + availability + ")";
    }

    private static Hl7Command cancel(String documentNumber, String reason) {
        return new Hl7Command.CancelItem(Category.DOCUMENTS, key(documentNumber), reason);
    }

    private static String key(String documentNumber) {
        return "document/" + documentNumber;
    }

    private static ItemSubmission item(Hl7Message message, TXA txa, String documentNumber) {
        String type = documentType(txa);
        String title =
                firstOf(txa.getDocumentTitle().length == 0 ? null : text(txa.getDocumentTitle(0)), type, "Document");
        if (message.triggerEvent().equals("T06")) {
            title = "Addendum: " + title;
        }
        Map<String, String> details = new LinkedHashMap<>();
        Values.detail(
                details,
                ItemDetail.AUTHOR,
                firstOf(
                        Values.person(txa.getOriginatorCodeName()),
                        Values.person(txa.getPrimaryActivityProviderCodeName())));
        Values.detail(details, ItemDetail.DOCUMENT_TYPE, type);
        Instant originated = message.time(txa.getOriginationDateTime(), "TXA-6 origination date/time");
        String finalTitle = title;
        return message.build(
                "the document",
                () -> new ItemSubmission(
                        Category.DOCUMENTS,
                        key(documentNumber),
                        message.version(),
                        firstOf(message.time(txa.getActivityDateTime(), "TXA-4 activity date/time"), originated),
                        null,
                        firstOf(lastEdit(message, txa), originated, message.messageTime()),
                        status(text(txa.getDocumentCompletionStatus())),
                        null,
                        finalTitle,
                        sensitivity(text(txa.getDocumentConfidentialityStatus())),
                        details));
    }

    private static Instant lastEdit(Hl7Message message, TXA txa) {
        Instant last = null;
        for (DTM edit : txa.getEditDateTime()) {
            Instant time = message.time(edit, "TXA-8 edit date/time");
            last = time != null ? time : last;
        }
        return last;
    }

    /** TXA-2 in words: the sender's text, else HL7 table 0270, else the code itself. */
    private static String documentType(TXA txa) {
        String code = text(txa.getDocumentType());
        String label = component(txa.getDocumentType(), 1);
        if (label != null || code == null) {
            return label;
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "AR" -> "Autopsy report";
            case "CD" -> "Cardiodiagnostics";
            case "CN" -> "Consultation";
            case "DI" -> "Diagnostic imaging";
            case "DS" -> "Discharge summary";
            case "ED" -> "Emergency department report";
            case "HP" -> "History and physical examination";
            case "OP" -> "Operative report";
            case "PC" -> "Psychiatric consultation";
            case "PH" -> "Psychiatric history and physical examination";
            case "PN" -> "Procedure note";
            case "PR" -> "Progress note";
            case "SP" -> "Surgical pathology";
            case "TS" -> "Transfer summary";
            default -> code;
        };
    }

    /** TXA-17 completion status (HL7 table 0271): authenticated documents are final, the rest not yet. */
    static String status(String completion) {
        if (completion == null) {
            return "unknown";
        }
        return switch (completion.toUpperCase(Locale.ROOT)) {
            case "AU", "LA" -> "final";
            case "DI", "DO", "IN", "IP", "PA" -> "preliminary";
            default -> "unknown";
        };
    }

    /**
     * TXA-18 confidentiality (HL7 table 0272): R restricted is sealed (seen with permission or a
     * justified override); V very restricted stays with the recording team (sealed and locked).
     */
    static Sensitivity sensitivity(String confidentiality) {
        if (confidentiality == null) {
            return Sensitivity.NORMAL;
        }
        return switch (confidentiality.toUpperCase(Locale.ROOT)) {
            case "R" -> Sensitivity.SEALED;
            case "V" -> Sensitivity.SEALED_LOCKED;
            default -> Sensitivity.NORMAL;
        };
    }

    /**
     * The document body from the OBX segments: an embedded document (ED) when there is one, else the
     * text lines (TX, FT, ST) joined as plain UTF-8 text. None at all rejects the message.
     */
    private static DocumentContent content(Hl7Message message) {
        List<String> lines = new ArrayList<>();
        DocumentContent embedded = null;
        int number = 0;
        for (OBX obx : message.all(OBX.class)) {
            number++;
            String type =
                    Objects.requireNonNullElse(text(obx.getValueType()), "ST").toUpperCase(Locale.ROOT);
            switch (type) {
                case "TX", "FT", "ST" -> {
                    for (Varies value : obx.getObservationValue()) {
                        String line = Values.formattedText(text(value));
                        lines.add(line == null ? "" : line);
                    }
                }
                case "ED" -> {
                    if (obx.getObservationValue().length == 0) {
                        continue;
                    }
                    try {
                        DocumentContent decoded =
                                EmbeddedData.decode(obx.getObservationValue(0)).orElse(null);
                        if (decoded != null && embedded != null) {
                            message.note("OBX " + number + " holds a second embedded document: only the first is kept");
                        } else if (decoded != null) {
                            embedded = decoded;
                        }
                    } catch (IllegalArgumentException e) {
                        throw message.reject(
                                "OBX " + number + " holds an embedded document that cannot be read: " + e.getMessage());
                    }
                }
                default -> message.note("OBX " + number + " (" + type + ") is not document content: ignored");
            }
        }
        if (embedded != null) {
            if (lines.stream().anyMatch(line -> !line.isBlank())) {
                message.note("the text lines in OBX are not kept: the embedded document is the content");
            }
            return embedded;
        }
        String text = String.join("\n", lines).strip();
        if (text.isEmpty()) {
            throw message.reject(message.messageType() + " carries no document content (OBX with text or an"
                    + " embedded document): there is nothing to show");
        }
        return new DocumentContent("text/plain", text.getBytes(StandardCharsets.UTF_8));
    }
}
