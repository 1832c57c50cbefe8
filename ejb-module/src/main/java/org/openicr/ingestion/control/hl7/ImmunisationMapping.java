package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.firstOf;
import static org.openicr.ingestion.control.hl7.Values.text;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v28.segment.ORC;
import ca.uhn.hl7v2.model.v28.segment.PID;
import ca.uhn.hl7v2.model.v28.segment.RXA;
import ca.uhn.hl7v2.model.v28.segment.RXR;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ItemDetail;

/**
 * VXU^V04 (unsolicited vaccination record update): one IMMUNISATIONS item per RXA (issue 21, item
 * 4). The vaccine is RXA-5 (coded as OBX-3 is; CVX and NDC are kept as local codes with their
 * names), given at RXA-3; details DOSE (RXA-6 with RXA-7's unit; 999, "amount unknown", is left
 * out), LOT_NUMBER (RXA-15), CLINICIAN (RXA-10), LOCATION (RXA-27), and from the RXR that follows
 * the RXA, ROUTE (RXR-1) and SITE (RXR-2), in words. The status is RXA-20 (table 0322) in words;
 * RXA-21 action D (delete) withdraws the item. The key is the order that the vaccination fills:
 * {@code immunisation/<ORC-3 filler order number>}, else ORC-2's placer number, else a hash of the
 * patient, the vaccine code and the date given (the same vaccination sent again updates one item).
 * The OBX segments after an RXA (funding, eligibility, information sheets given: US registry
 * reporting) are not kept.
 */
final class ImmunisationMapping {

    private ImmunisationMapping() {}

    static Hl7Mapping vaccinations(Hl7Message message) {
        PID pid = message.required(PID.class, "the vaccination cannot be attached to a person");
        PatientIdentity identity = PersonMapping.identity(message, pid);
        if (message.all(RXA.class).isEmpty()) {
            throw message.reject("VXU^V04 has no RXA segment: there is no vaccination to record");
        }
        List<Hl7Command> commands = new ArrayList<>();
        ORC orc = null;
        RXA rxa = null;
        int number = 0;
        for (Segment segment : message.segments()) {
            if (segment instanceof ORC o) {
                add(message, identity, orc, rxa, null, number, commands);
                rxa = null;
                orc = o;
            } else if (segment instanceof RXA a) {
                add(message, identity, orc, rxa, null, number, commands);
                rxa = a;
                number++;
            } else if (segment instanceof RXR r && rxa != null) {
                add(message, identity, orc, rxa, r, number, commands);
                rxa = null;
            }
        }
        add(message, identity, orc, rxa, null, number, commands);
        return message.result(identity, commands);
    }

    private static void add(
            Hl7Message message,
            PatientIdentity identity,
            ORC orc,
            RXA rxa,
            RXR rxr,
            int number,
            List<Hl7Command> commands) {
        if (rxa == null) {
            return;
        }
        String label = "RXA " + number;
        String vaccine = text(rxa.getAdministeredCode());
        if (vaccine == null) {
            message.note(label + " names no vaccine (RXA-5): skipped");
            return;
        }
        Instant given = message.time(rxa.getDateTimeStartOfAdministration(), "RXA-3 date/time of administration");
        String order = orc == null ? null : firstOf(text(orc.getFillerOrderNumber()), text(orc.getPlacerOrderNumber()));
        String key = order != null
                ? "immunisation/" + order
                : ContactMapping.patientScoped(
                        "immunisation/", identity, vaccine + "|" + (given == null ? "" : given.toString()));
        if ("D".equalsIgnoreCase(text(rxa.getActionCodeRXA()))) {
            commands.add(new Hl7Command.CancelItem(
                    Category.IMMUNISATIONS, key, "vaccination record deleted by the source (RXA-21 D)"));
            return;
        }
        CodedConcept code = Codes.concept(rxa.getAdministeredCode()).orElse(null);
        String text = firstOf(Codes.display(rxa.getAdministeredCode()), "Vaccination");
        Map<String, String> details = new LinkedHashMap<>();
        String amount = text(rxa.getAdministeredAmount());
        if (amount != null && !amount.equals("999")) {
            Values.detail(details, ItemDetail.DOSE, PharmacyMapping.amount(amount, rxa.getAdministeredUnits()));
        }
        Values.detail(
                details,
                ItemDetail.LOT_NUMBER,
                rxa.getSubstanceLotNumber().length == 0 ? null : text(rxa.getSubstanceLotNumber(0)));
        Values.detail(details, ItemDetail.CLINICIAN, Values.person(rxa.getAdministeringProvider()));
        Values.detail(details, ItemDetail.LOCATION, Values.location(rxa.getAdministerAt()));
        if (rxr != null) {
            Values.detail(details, ItemDetail.ROUTE, Codes.display(rxr.getRoute()));
            Values.detail(details, ItemDetail.SITE, Codes.display(rxr.getAdministrationSite()));
        }
        String status = status(text(rxa.getCompletionStatus()));
        Instant at = firstOf(given, message.messageTime());
        commands.add(new Hl7Command.UpsertItem(
                message.build(
                        label + " vaccination",
                        () -> new ItemSubmission(
                                Category.IMMUNISATIONS,
                                key,
                                message.version(),
                                at,
                                null,
                                firstOf(
                                        message.time(rxa.getSystemEntryDateTime(), "RXA-22 system entry date/time"),
                                        message.messageTime()),
                                status,
                                code,
                                text,
                                null,
                                details)),
                null));
    }

    /** RXA-20 completion status (HL7 table 0322) in words; empty means given. */
    static String status(String code) {
        if (code == null) {
            return "completed";
        }
        return switch (code.strip().toUpperCase(Locale.ROOT)) {
            case "CP" -> "completed";
            case "PA" -> "partially given";
            case "RE" -> "refused";
            case "NA" -> "not given";
            default -> "completed";
        };
    }
}
