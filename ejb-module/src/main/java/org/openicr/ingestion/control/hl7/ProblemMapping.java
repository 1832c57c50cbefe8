package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.firstOf;
import static org.openicr.ingestion.control.hl7.Values.text;

import ca.uhn.hl7v2.model.v28.segment.DG1;
import ca.uhn.hl7v2.model.v28.segment.PID;
import ca.uhn.hl7v2.model.v28.segment.PRB;
import ca.uhn.hl7v2.model.v28.segment.PV1;
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
 * Problems (issue 21, item 4): PPR^PC1 (add), PC2 (update), PC3 (delete) with one PROBLEMS item per
 * PRB segment, and DG1 diagnoses in ADT A01-A08 as the encounter's diagnoses.
 *
 * <p>PRB: the problem is PRB-3 (coded as OBX-3 is); key {@code problem/<PRB-4 instance id>}, else
 * {@code problem/<PRB-3 code>} scoped to the patient by a hash; effectiveAt PRB-16 onset, else PRB-7
 * established, else PRB-2 action time, else MSH-7; effectiveEnd PRB-9 resolution; status PRB-14
 * life cycle status (its code or text in lower case: active, resolved, inactive...), else resolved
 * when PRB-9 is given, else active. PC3, or PRB-1 action DE, withdraws the problem; PRB-1 UC
 * (unchanged) and LI/UN (links) change nothing.
 *
 * <p>DG1: the diagnosis is DG1-3; key {@code diagnosis/<PV1-19>/<DG1-20 identifier, else DG1-3
 * code>} (a diagnosis of that visit); text the diagnosis's name (DG1-3, else DG1-4); effectiveAt
 * DG1-5, else MSH-7; status active; details CLINICIAN DG1-16 and ENCOUNTER_CLASS, which says it is a
 * diagnosis of the encounter and DG1-6's type in words ("final diagnosis of the encounter"; A
 * admitting, W working, F final). DG1-21 action D withdraws it. Without a visit number (PV1-19) a diagnosis
 * cannot be tied to its encounter and is skipped with a reason.
 */
final class ProblemMapping {

    private ProblemMapping() {}

    static Hl7Mapping problems(Hl7Message message) {
        PID pid = message.required(PID.class, "the problem cannot be attached to a person");
        PatientIdentity identity = PersonMapping.identity(message, pid);
        List<PRB> prbs = message.all(PRB.class);
        if (prbs.isEmpty()) {
            throw message.reject(message.messageType() + " has no PRB segment: there is no problem to record");
        }
        List<Hl7Command> commands = new ArrayList<>();
        int number = 0;
        for (PRB prb : prbs) {
            number++;
            problem(message, identity, prb, number, commands);
        }
        return message.result(identity, commands);
    }

    private static void problem(
            Hl7Message message, PatientIdentity identity, PRB prb, int number, List<Hl7Command> commands) {
        String label = "PRB " + number;
        String problem = text(prb.getProblemID());
        if (problem == null) {
            message.note(label + " names no problem (PRB-3): skipped");
            return;
        }
        String instance = text(prb.getProblemInstanceID());
        String key = instance != null
                ? "problem/" + instance
                : ContactMapping.patientScoped("problem/", identity, problem.toUpperCase(Locale.ROOT));
        String action = firstOf(text(prb.getActionCode()), "").toUpperCase(Locale.ROOT);
        if (message.triggerEvent().equals("PC3") || action.equals("DE")) {
            commands.add(new Hl7Command.CancelItem(
                    Category.PROBLEMS,
                    key,
                    "problem deleted by the source (" + (action.equals("DE") ? "PRB-1 DE" : "PPR^PC3") + ")"));
            return;
        }
        if (action.equals("UC") || action.equals("LI") || action.equals("UN")) {
            message.note(label + " changes no problem (PRB-1 " + action + "): not applied");
            return;
        }
        Instant end = message.time(prb.getActualProblemResolutionDateTime(), "PRB-9 resolution date/time");
        Instant start = firstOf(
                message.time(prb.getProblemDateOfOnset(), "PRB-16 onset date/time"),
                message.time(prb.getProblemEstablishedDateTime(), "PRB-7 established date/time"),
                message.time(prb.getActionDateTime(), "PRB-2 action date/time"),
                message.messageTime());
        if (end != null && end.isBefore(start)) {
            message.note(label + " resolution (PRB-9) is before its onset: ignored");
            end = null;
        }
        String lifeCycle =
                firstOf(Values.component(prb.getProblemLifeCycleStatus(), 1), text(prb.getProblemLifeCycleStatus()));
        String status = lifeCycle != null ? lifeCycle.toLowerCase(Locale.ROOT) : end != null ? "resolved" : "active";
        CodedConcept code = Codes.concept(prb.getProblemID()).orElse(null);
        String text = firstOf(Codes.display(prb.getProblemID()), "Problem");
        Instant endAt = end;
        commands.add(new Hl7Command.UpsertItem(
                message.build(
                        label + " problem",
                        () -> new ItemSubmission(
                                Category.PROBLEMS,
                                key,
                                message.version(),
                                start,
                                endAt,
                                message.messageTime(),
                                status,
                                code,
                                text,
                                null,
                                Map.of())),
                null));
    }

    /** The encounter's diagnoses (DG1) of an ADT message; none when it has no DG1. */
    static List<Hl7Command> diagnoses(Hl7Message message, PV1 pv1) {
        List<DG1> dg1s = message.all(DG1.class);
        if (dg1s.isEmpty()) {
            return List.of();
        }
        String visit = pv1 == null ? null : text(pv1.getVisitNumber().getIDNumber());
        if (visit == null) {
            message.note("DG1 diagnoses need the visit number (PV1-19) to belong to an encounter: skipped");
            return List.of();
        }
        List<Hl7Command> commands = new ArrayList<>();
        int number = 0;
        for (DG1 dg1 : dg1s) {
            number++;
            String label = "DG1 " + number;
            String diagnosis = text(dg1.getDiagnosisCodeDG1());
            String text = firstOf(Codes.display(dg1.getDiagnosisCodeDG1()), text(dg1.getDiagnosisDescription()));
            if (diagnosis == null && text == null) {
                message.note(label + " names no diagnosis (DG1-3): skipped");
                continue;
            }
            String key = "diagnosis/" + visit + "/"
                    + firstOf(text(dg1.getDiagnosisIdentifier()), diagnosis, text)
                            .toUpperCase(Locale.ROOT);
            if ("D".equalsIgnoreCase(text(dg1.getDiagnosisActionCode()))) {
                commands.add(new Hl7Command.CancelItem(
                        Category.PROBLEMS, key, "diagnosis deleted by the source (DG1-21 D)"));
                continue;
            }
            CodedConcept code = diagnosis == null
                    ? null
                    : Codes.concept(dg1.getDiagnosisCodeDG1()).orElse(null);
            Map<String, String> details = new LinkedHashMap<>();
            Values.detail(details, ItemDetail.CLINICIAN, Values.person(dg1.getDiagnosingClinician()));
            Values.detail(details, ItemDetail.ENCOUNTER_CLASS, diagnosisType(text(dg1.getDiagnosisType())));
            Instant at = firstOf(
                    message.time(dg1.getDiagnosisDateTime(), "DG1-5 diagnosis date/time"), message.messageTime());
            String shown = firstOf(text, "Diagnosis");
            commands.add(new Hl7Command.UpsertItem(
                    message.build(
                            label + " diagnosis",
                            () -> new ItemSubmission(
                                    Category.PROBLEMS,
                                    key,
                                    message.version(),
                                    at,
                                    null,
                                    message.messageTime(),
                                    "active",
                                    code,
                                    shown,
                                    null,
                                    details)),
                    null));
        }
        return commands;
    }

    /** DG1-6 diagnosis type (HL7 table 0052) in words, as the encounter's diagnosis it is. */
    static String diagnosisType(String code) {
        if (code == null) {
            return "diagnosis of the encounter";
        }
        return switch (code.strip().toUpperCase(Locale.ROOT)) {
            case "A" -> "admitting diagnosis of the encounter";
            case "W" -> "working diagnosis of the encounter";
            case "F" -> "final diagnosis of the encounter";
            default -> "diagnosis of the encounter";
        };
    }
}
