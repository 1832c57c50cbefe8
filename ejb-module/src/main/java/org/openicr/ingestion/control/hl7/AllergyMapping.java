package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.firstOf;
import static org.openicr.ingestion.control.hl7.Values.text;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v28.datatype.ST;
import ca.uhn.hl7v2.model.v28.segment.IAM;
import ca.uhn.hl7v2.model.v28.segment.IAR;
import ca.uhn.hl7v2.model.v28.segment.PID;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ItemDetail;

/**
 * ADT^A60 (update adverse reaction information): one ALLERGIES item per IAM segment (issue 21, item
 * 4). The allergen is IAM-3 (coded as OBX-3 is), the kind IAM-2 (table 0127) leading the text when
 * the allergen has no name; SEVERITY IAM-4 (table 0128) in words, else the first IAR-2; REACTION the
 * IAM-5 reactions and each IAR-1 (v2.8 reaction segments) joined; effectiveAt IAM-11 onset date,
 * recordedAt IAM-13 reported date/time, else MSH-7. IAM-6 action (table 0206) D (delete) and
 * IAM-17 clinical status E (erroneous) withdraw the item; X (no change) changes nothing; A and U
 * add or update it. Status IAM-17 (table 0438) in words: "active" for confirmed, unconfirmed,
 * pending, suspected or doubted ones (an allergy in doubt is still worth knowing). Key {@code
 * allergy/<IAM-7 unique identifier>}, else a hash of the patient and the allergen code.
 */
final class AllergyMapping {

    private static final Set<String> WITHDRAWN_STATUSES = Set.of("E");

    private AllergyMapping() {}

    static Hl7Mapping adverseReactions(Hl7Message message) {
        PID pid = message.required(PID.class, "the allergy cannot be attached to a person");
        PatientIdentity identity = PersonMapping.identity(message, pid);
        if (message.all(IAM.class).isEmpty()) {
            throw message.reject("ADT^A60 has no IAM segment: there is no adverse reaction to record");
        }
        List<Hl7Command> commands = new ArrayList<>();
        IAM iam = null;
        List<IAR> reactions = new ArrayList<>();
        int number = 0;
        for (Segment segment : message.segments()) {
            if (segment instanceof IAM next) {
                allergy(message, identity, iam, reactions, number, commands);
                iam = next;
                reactions = new ArrayList<>();
                number++;
            } else if (segment instanceof IAR iar && iam != null) {
                reactions.add(iar);
            }
        }
        allergy(message, identity, iam, reactions, number, commands);
        return message.result(identity, commands);
    }

    private static void allergy(
            Hl7Message message,
            PatientIdentity identity,
            IAM iam,
            List<IAR> reactions,
            int number,
            List<Hl7Command> commands) {
        if (iam == null) {
            return;
        }
        String label = "IAM " + number;
        String allergen = text(iam.getAllergenCodeMnemonicDescription());
        if (allergen == null) {
            message.note(label + " names no allergen (IAM-3): skipped");
            return;
        }
        String id = text(iam.getAllergyUniqueIdentifier());
        String key = id != null
                ? "allergy/" + id
                : ContactMapping.patientScoped("allergy/", identity, allergen.toUpperCase(Locale.ROOT));
        String action = firstOf(text(iam.getAllergyActionCode()), "A").toUpperCase(Locale.ROOT);
        String clinicalStatus =
                firstOf(text(iam.getAllergyClinicalStatusCode()), "").toUpperCase(Locale.ROOT);
        if (action.equals("D") || WITHDRAWN_STATUSES.contains(clinicalStatus)) {
            commands.add(new Hl7Command.CancelItem(
                    Category.ALLERGIES,
                    key,
                    action.equals("D")
                            ? "allergy deleted by the source (IAM-6 D)"
                            : "allergy recorded in error (IAM-17 E)"));
            return;
        }
        if (action.equals("X")) {
            message.note(label + " says nothing changed (IAM-6 X): not applied");
            return;
        }
        CodedConcept code =
                Codes.concept(iam.getAllergenCodeMnemonicDescription()).orElse(null);
        String text = firstOf(Codes.display(iam.getAllergenCodeMnemonicDescription()), "Allergy");
        Map<String, String> details = new LinkedHashMap<>();
        List<String> reactionWords = new ArrayList<>();
        for (ST reaction : iam.getAllergyReactionCode()) {
            if (text(reaction) != null) {
                reactionWords.add(text(reaction));
            }
        }
        String iarSeverity = null;
        for (IAR iar : reactions) {
            String reaction = Codes.display(iar.getAllergyReactionCode());
            if (reaction != null) {
                reactionWords.add(reaction);
            }
            iarSeverity = firstOf(iarSeverity, text(iar.getAllergySeverityCode()));
        }
        Values.detail(details, ItemDetail.REACTION, reactionWords.isEmpty() ? null : String.join("; ", reactionWords));
        Values.detail(details, ItemDetail.SEVERITY, severity(firstOf(text(iam.getAllergySeverityCode()), iarSeverity)));
        Instant onset = message.time(iam.getOnsetDate(), "IAM-11 onset date");
        Instant reported = message.time(iam.getReportedDateTime(), "IAM-13 reported date/time");
        commands.add(new Hl7Command.UpsertItem(
                message.build(
                        label + " allergy",
                        () -> new ItemSubmission(
                                Category.ALLERGIES,
                                key,
                                message.version(),
                                firstOf(onset, reported, message.messageTime()),
                                null,
                                firstOf(reported, message.messageTime()),
                                "active",
                                code,
                                text,
                                null,
                                details)),
                null));
    }

    /** IAM-4 / IAR-2 allergy severity (HL7 table 0128) in words; others as sent. */
    static String severity(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip().toUpperCase(Locale.ROOT)) {
            case "SV" -> "severe";
            case "MO" -> "moderate";
            case "MI" -> "mild";
            case "U" -> null;
            default -> code.strip();
        };
    }
}
