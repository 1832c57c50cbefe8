package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.firstOf;
import static org.openicr.ingestion.control.hl7.Values.text;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v28.segment.EVN;
import ca.uhn.hl7v2.model.v28.segment.MRG;
import ca.uhn.hl7v2.model.v28.segment.PID;
import ca.uhn.hl7v2.model.v28.segment.PV1;
import ca.uhn.hl7v2.model.v28.segment.PV2;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.CarePlanning;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.vocabulary.Sensitivity;

/**
 * ADT: patient administration. Admissions, attendances, transfers and discharges become one
 * ENCOUNTERS item per visit, keyed by the visit number (PV1-19), which each later event about the
 * visit updates; cancellations withdraw or restore it; A28/A31 update the person only; A40 merges;
 * A45 moves a visit to another person; A47 changes the source's local identifier for a person.
 */
final class AdtMapping {

    private AdtMapping() {}

    /** A01 admit, A02 transfer, A03 discharge, A04 register, A05 pre-admit, A08 update. */
    static Hl7Mapping encounter(Hl7Message message) {
        PID pid = requirePid(message);
        PatientIdentity identity = PersonMapping.identity(message, pid);
        List<Hl7Command> commands = new ArrayList<>();
        PersonMapping.upsertPerson(message, pid, identity, false).ifPresent(commands::add);
        advanceDirective(message, identity).ifPresent(commands::add);
        // Next of kin and carers (NK1) after the visit: the encounter stays the message's first item.
        List<Hl7Command> contacts = ContactMapping.contacts(message, identity);
        String event = message.triggerEvent();
        PV1 pv1 = message.first(PV1.class).orElse(null);
        if (event.equals("A08")) {
            // An update often carries no visit at all; only a visit number names an encounter to update.
            if (pv1 == null || visitNumber(pv1) == null) {
                message.note("ADT^A08 names no visit (PV1-19): only the person is updated");
                commands.addAll(ProblemMapping.diagnoses(message, pv1));
                commands.addAll(contacts);
                return message.result(identity, commands);
            }
        } else if (pv1 == null) {
            throw message.reject(message.messageType() + " has no PV1 segment: the encounter cannot be recorded");
        }
        String key = visitKey(message, pv1);
        Encounter encounter = new Encounter(message, pv1);
        String status;
        String text;
        Instant start = encounter.admitted();
        Instant end = encounter.discharged();
        switch (event) {
            case "A01" -> {
                status = "in-progress";
                text = encounter.named("admission", "Admission");
            }
            case "A02" -> {
                status = "in-progress";
                text = encounter.location() == null ? "Transfer" : "Transfer to " + encounter.location();
            }
            case "A03" -> {
                status = "finished";
                text = "Discharge";
                end = end != null ? end : encounter.eventTime();
            }
            case "A04" -> {
                status = "in-progress";
                text = encounter.named("attendance", "Attendance");
            }
            case "A05" -> {
                status = "planned";
                text = "Planned " + encounter.named("admission", "admission").toLowerCase(Locale.ROOT);
                start = firstOf(encounter.expectedAdmission(), encounter.admittedAsSent(), encounter.plannedEvent());
            }
            default -> { // A08: the status follows what the visit record now says
                text = encounter.named("encounter", "Encounter");
                if (end != null) {
                    status = "finished";
                } else if (encounter.admittedAsSent() == null && encounter.expectedAdmission() != null) {
                    status = "planned";
                    start = encounter.expectedAdmission();
                } else {
                    status = "in-progress";
                }
            }
        }
        commands.add(
                new Hl7Command.UpsertItem(encounter.item(key, status, text, start, end, encounter.location()), null));
        // The encounter's diagnoses (DG1), as problems of the person tied to this visit.
        commands.addAll(ProblemMapping.diagnoses(message, pv1));
        commands.addAll(contacts);
        return message.result(identity, commands);
    }

    /** A11: the admission or visit was entered in error or did not happen; it leaves the record. */
    static Hl7Mapping cancelAdmission(Hl7Message message) {
        PID pid = requirePid(message);
        PatientIdentity identity = PersonMapping.identity(message, pid);
        PV1 pv1 = message.required(PV1.class, "the visit to cancel is named in PV1-19");
        String key = requiredVisitKey(message, pv1, "the visit to cancel");
        return message.result(
                identity,
                List.of(new Hl7Command.CancelItem(
                        Category.ENCOUNTERS, key, "admission or visit cancelled by the source (ADT^A11)")));
    }

    /**
     * A12: the transfer did not happen. The standard puts the location the patient is back at (the
     * one before the cancelled transfer) in PV1-3; PV1-6 is used only when PV1-3 is empty.
     */
    static Hl7Mapping cancelTransfer(Hl7Message message) {
        PID pid = requirePid(message);
        PatientIdentity identity = PersonMapping.identity(message, pid);
        PV1 pv1 = message.required(PV1.class, "the visit whose transfer is cancelled is named in PV1-19");
        String key = requiredVisitKey(message, pv1, "the visit whose transfer is cancelled");
        Encounter encounter = new Encounter(message, pv1);
        String location = firstOf(encounter.location(), Values.location(pv1.getPriorPatientLocation()));
        String text = location == null ? "Transfer cancelled" : "Transfer cancelled: at " + location;
        return message.result(
                identity,
                List.of(new Hl7Command.UpsertItem(
                        encounter.item(key, "in-progress", text, encounter.admitted(), null, location), null)));
    }

    /** A13: the discharge did not happen; the encounter is in progress again, with no end. */
    static Hl7Mapping cancelDischarge(Hl7Message message) {
        PID pid = requirePid(message);
        PatientIdentity identity = PersonMapping.identity(message, pid);
        PV1 pv1 = message.required(PV1.class, "the visit whose discharge is cancelled is named in PV1-19");
        String key = requiredVisitKey(message, pv1, "the visit whose discharge is cancelled");
        Encounter encounter = new Encounter(message, pv1);
        String text = encounter.named("admission", "Admission") + " (discharge cancelled)";
        return message.result(
                identity,
                List.of(new Hl7Command.UpsertItem(
                        encounter.item(key, "in-progress", text, encounter.admitted(), null, encounter.location()),
                        null)));
    }

    /**
     * The source key of the DNACPR decision a source sends in PD1-15: one per source and person, so
     * the person is in it ("advance-directive/DNR/" and a hash: a source's keys are unique across all
     * its people, and a fixed key made the second person's decision a SOURCE_KEY_CONFLICT).
     */
    static String advanceDirectiveKey(PatientIdentity identity) {
        return ContactMapping.patientScoped("advance-directive/DNR/", identity, "DNR");
    }

    /**
     * PD1-15 advance directive code (HL7 table 0435): a repetition coded DNR (do not resuscitate) is
     * the person's DNACPR decision, a CARE_PLANS item with the decision not for CPR, dated PD1-22
     * (advance directive last verified date), else MSH-7; any other code ("N", no directive) withdraws that item, because the
     * source now says there is none; an empty PD1-15 says nothing and changes nothing. The
     * original form's location is not carried by HL7 v2.
     */
    static java.util.Optional<Hl7Command> advanceDirective(Hl7Message message, PatientIdentity identity) {
        ca.uhn.hl7v2.model.v28.segment.PD1 pd1 =
                message.first(ca.uhn.hl7v2.model.v28.segment.PD1.class).orElse(null);
        if (pd1 == null || pd1.getAdvanceDirectiveCodeReps() == 0) {
            return java.util.Optional.empty();
        }
        ca.uhn.hl7v2.model.Type dnr = null;
        boolean anyCode = false;
        for (ca.uhn.hl7v2.model.v28.datatype.CWE code : pd1.getAdvanceDirectiveCode()) {
            String value = Values.component(code, 0);
            if (value != null) {
                anyCode = true;
                if ("DNR".equalsIgnoreCase(value.strip())) {
                    dnr = code;
                }
            }
        }
        if (!anyCode) {
            return java.util.Optional.empty();
        }
        if (dnr == null) {
            return java.util.Optional.of(new Hl7Command.CancelItem(
                    Category.CARE_PLANS,
                    advanceDirectiveKey(identity),
                    "PD1-15 advance directive: no do-not-resuscitate directive any longer"));
        }
        Instant verified =
                firstOf(message.time(pd1.getAdvanceDirectiveLastVerifiedDate(), "PD1-22"), message.messageTime());
        Map<String, String> details = new LinkedHashMap<>();
        Values.detail(details, ItemDetail.PLAN_TYPE, CarePlanning.PlanType.DNACPR.key());
        Values.detail(details, ItemDetail.CPR_DECISION, CarePlanning.CprDecision.NOT_FOR_CPR.key());
        String display = Values.component(dnr, 1);
        String text = display == null || display.isBlank() ? "Do not resuscitate" : display.strip();
        return java.util.Optional.of(new Hl7Command.UpsertItem(
                message.build(
                        "the advance directive",
                        () -> new ItemSubmission(
                                Category.CARE_PLANS,
                                advanceDirectiveKey(identity),
                                message.version(),
                                verified,
                                null,
                                message.messageTime(),
                                "active",
                                null,
                                text,
                                Sensitivity.NORMAL,
                                details)),
                null));
    }

    /** A28 add person, A31 update person: the patient index (and a DNACPR decision in PD1-15). */
    static Hl7Mapping person(Hl7Message message) {
        PID pid = requirePid(message);
        PatientIdentity identity = PersonMapping.identity(message, pid);
        List<Hl7Command> commands = new ArrayList<>();
        PersonMapping.upsertPerson(message, pid, identity, true).ifPresent(commands::add);
        boolean personAdded = !commands.isEmpty();
        advanceDirective(message, identity).ifPresent(commands::add);
        if (personAdded) {
            commands.addAll(ContactMapping.contacts(message, identity));
        }
        if (!personAdded) {
            message.note("the patient index is keyed by NHS Number, so a person without one is not added");
        }
        return message.result(identity, commands);
    }

    /**
     * A40: each PID (the surviving record) followed by its MRG (the retired record's identifiers in
     * MRG-1) is one merge. A message may carry several pairs.
     */
    static Hl7Mapping merge(Hl7Message message) {
        requirePid(message);
        List<PidMrg> pairs = pidMrgPairs(message, "the surviving record", "the record to merge away");
        List<Hl7Command> commands = new ArrayList<>();
        for (PidMrg pair : pairs) {
            commands.add(new Hl7Command.MergePersons(pair.pid(), pair.mrg()));
        }
        return message.result(pairs.get(0).pid(), commands);
    }

    /** A PID and the MRG after it: the identity PID-3 names and the one MRG-1 names. */
    private record PidMrg(PatientIdentity pid, PatientIdentity mrg) {}

    /**
     * A40 and A47 carry pairs: each PID followed by its MRG. In message order; an MRG before any PID,
     * or no MRG at all, rejects the message ({@code pidIs} and {@code mrgIs} say what each names).
     */
    private static List<PidMrg> pidMrgPairs(Hl7Message message, String pidIs, String mrgIs) {
        String event = "ADT^" + message.triggerEvent();
        List<PidMrg> pairs = new ArrayList<>();
        PID current = null;
        for (Segment segment : message.segments()) {
            if (segment instanceof PID pid) {
                current = pid;
            } else if (segment instanceof MRG mrg) {
                if (current == null) {
                    throw message.reject(event + " has an MRG segment before any PID: " + pidIs + " is unknown");
                }
                pairs.add(new PidMrg(
                        PersonMapping.identity(message, current),
                        PersonMapping.identity(message, mrg.getPriorPatientIdentifierList(), "MRG-1")));
                current = null;
            }
        }
        if (pairs.isEmpty()) {
            throw message.reject(event + " has no MRG segment: " + mrgIs + " is unknown");
        }
        return pairs;
    }

    /**
     * A47: each PID (the identifier now used, PID-3) followed by its MRG (the identifier used until
     * now, MRG-1) is one change of the sending source's local identifier for a person.
     */
    static Hl7Mapping changeIdentifier(Hl7Message message) {
        requirePid(message);
        List<Hl7Command> commands = new ArrayList<>();
        for (PidMrg pair : pidMrgPairs(message, "the new identifier", "the identifier to change")) {
            commands.add(
                    identifierChange(pair.pid().localIdentifiers(), pair.mrg().localIdentifiers()));
        }
        // No identity: the new identifier must not be linked before the change has been checked.
        return message.result(null, commands);
    }

    /**
     * Which identifier changes to which: MRG-1 must name exactly one local identifier (the NHS
     * Number is not the source's to change); the new one is the PID-3 local identifier of the same
     * assigning authority, else PID-3's only local identifier. Anything else is ambiguous and
     * refused, since relabelling the wrong identifier would point a hospital number at a stranger.
     */
    static Hl7Command.ChangeIdentifier identifierChange(List<LocalIdentifier> now, List<LocalIdentifier> before) {
        if (before.isEmpty()) {
            throw new MessageRejected("ADT^A47 MRG-1 holds no local identifier: an NHS Number is not changed by A47");
        }
        if (before.size() > 1) {
            throw new MessageRejected("ADT^A47 MRG-1 holds several local identifiers: send one change per MRG");
        }
        LocalIdentifier previous = before.get(0);
        List<LocalIdentifier> sameAuthority = now.stream()
                .filter(id -> java.util.Objects.equals(id.assigningAuthority(), previous.assigningAuthority()))
                .toList();
        List<LocalIdentifier> candidates = sameAuthority.isEmpty() ? now : sameAuthority;
        if (candidates.isEmpty()) {
            throw new MessageRejected("ADT^A47 PID-3 holds no local identifier to change to");
        }
        if (candidates.size() > 1) {
            throw new MessageRejected("ADT^A47 PID-3 holds several local identifiers of the assigning authority"
                    + " in MRG-1 (or several of others): which one replaces MRG-1 is unclear");
        }
        return new Hl7Command.ChangeIdentifier(previous, candidates.get(0));
    }

    /**
     * A45: the visit named by MRG-5 (prior visit number; PV1-19 when MRG-5 is empty) moves from the
     * record MRG-1 names to the PID's. An empty MRG-1 moves the visit from whoever holds it.
     */
    static Hl7Mapping moveVisit(Hl7Message message) {
        PID pid = requirePid(message);
        PatientIdentity to = PersonMapping.identity(message, pid);
        MRG mrg = message.required(MRG.class, "the record the visit moves from is unknown");
        PV1 pv1 = message.first(PV1.class).orElse(null);
        String prior = text(mrg.getPriorVisitNumber().getIDNumber());
        String current = pv1 == null ? null : visitNumber(pv1);
        String visit = firstOf(prior, current);
        if (visit == null) {
            throw message.reject("ADT^A45 names no visit: MRG-5 prior visit number and PV1-19 are both empty");
        }
        if (prior != null && current != null && !prior.equals(current)) {
            message.note("PV1-19 differs from MRG-5: the visit keeps the number it was recorded under (MRG-5)");
        }
        boolean fromGiven = false;
        for (ca.uhn.hl7v2.model.v28.datatype.CX cx : mrg.getPriorPatientIdentifierList()) {
            fromGiven |= text(cx.getIDNumber()) != null;
        }
        PatientIdentity from =
                fromGiven ? PersonMapping.identity(message, mrg.getPriorPatientIdentifierList(), "MRG-1") : null;
        if (from == null) {
            message.note("MRG-1 is empty: the visit moves from the record that holds it");
        }
        return message.result(to, List.of(new Hl7Command.MoveVisit(to, from, "visit/" + visit)));
    }

    private static PID requirePid(Hl7Message message) {
        return message.required(PID.class, "the message does not say who it is about");
    }

    private static String visitNumber(PV1 pv1) {
        return text(pv1.getVisitNumber().getIDNumber());
    }

    /** "visit/" + PV1-19, or the message control id when the sender gives no visit number. */
    private static String visitKey(Hl7Message message, PV1 pv1) {
        String visit = visitNumber(pv1);
        if (visit != null) {
            return "visit/" + visit;
        }
        message.note("PV1-19 visit number is empty: the encounter is keyed by the message control id,"
                + " so later messages about the same visit cannot update it");
        return "message/" + message.controlId();
    }

    private static String requiredVisitKey(Hl7Message message, PV1 pv1, String what) {
        String visit = visitNumber(pv1);
        if (visit == null) {
            throw message.reject(message.messageType() + " has no visit number in PV1-19: " + what + " is unknown");
        }
        return "visit/" + visit;
    }

    /** The visit as PV1, PV2 and EVN describe it. */
    private static final class Encounter {

        private final Hl7Message message;
        private final PV1 pv1;
        private final PV2 pv2;
        private final EVN evn;

        Encounter(Hl7Message message, PV1 pv1) {
            this.message = message;
            this.pv1 = pv1;
            this.pv2 = message.first(PV2.class).orElse(null);
            this.evn = message.first(EVN.class).orElse(null);
        }

        /** PV1-44 as sent. */
        Instant admittedAsSent() {
            return message.time(pv1.getAdmitDateTime(), "PV1-44 admit date/time");
        }

        /** PV1-44, else when the event occurred (EVN-6), else when it was recorded (EVN-2). */
        Instant admitted() {
            return firstOf(admittedAsSent(), eventTime());
        }

        Instant discharged() {
            return message.time(pv1.getDischargeDateTime(), "PV1-45 discharge date/time");
        }

        Instant expectedAdmission() {
            return pv2 == null ? null : message.time(pv2.getExpectedAdmitDateTime(), "PV2-8 expected admit date/time");
        }

        Instant plannedEvent() {
            return evn == null ? null : message.time(evn.getDateTimePlannedEvent(), "EVN-3 planned event date/time");
        }

        Instant eventTime() {
            if (evn == null) {
                return null;
            }
            return firstOf(
                    message.time(evn.getEventOccurred(), "EVN-6 event occurred"),
                    message.time(evn.getRecordedDateTime(), "EVN-2 recorded date/time"));
        }

        Instant recorded() {
            Instant recorded = evn == null ? null : message.time(evn.getRecordedDateTime(), "EVN-2 recorded date/time");
            return recorded != null ? recorded : message.messageTime();
        }

        String location() {
            return Values.location(pv1.getAssignedPatientLocation());
        }

        /** PV1-2 patient class (HL7 table 0004) in words. */
        String encounterClass() {
            String code = text(pv1.getPatientClass());
            if (code == null) {
                return null;
            }
            return switch (code.toUpperCase(Locale.ROOT)) {
                case "I" -> "inpatient";
                case "O" -> "outpatient";
                case "E" -> "emergency";
                case "P" -> "pre-admission";
                case "R" -> "recurring";
                case "B" -> "obstetrics";
                case "C" -> "commercial";
                case "N" -> "not applicable";
                case "U" -> "unknown";
                default -> code;
            };
        }

        /**
         * "Inpatient admission", "Emergency attendance": the patient class names the kind of visit
         * when it is one people say; otherwise (pre-admit, commercial, unknown) {@code otherwise}.
         */
        String named(String noun, String otherwise) {
            String code = text(pv1.getPatientClass());
            String kind = code == null
                    ? null
                    : switch (code.toUpperCase(Locale.ROOT)) {
                        case "I" -> "Inpatient";
                        case "O" -> "Outpatient";
                        case "E" -> "Emergency";
                        case "B" -> "Obstetric";
                        case "R" -> "Recurring";
                        default -> null;
                    };
            return kind == null ? otherwise : kind + " " + noun;
        }

        /** PV2-22 visit protection indicator: the source asks that the visit be seen only by those entitled. */
        Sensitivity sensitivity() {
            return pv2 != null && Values.isYes(pv2.getVisitProtectionIndicator())
                    ? Sensitivity.SEALED
                    : Sensitivity.NORMAL;
        }

        ItemSubmission item(String key, String status, String text, Instant start, Instant end, String location) {
            Map<String, String> details = new LinkedHashMap<>();
            Values.detail(details, ItemDetail.LOCATION, location);
            Values.detail(details, ItemDetail.CLINICIAN, Values.person(pv1.getAttendingDoctor()));
            Values.detail(details, ItemDetail.ENCOUNTER_CLASS, encounterClass());
            Values.detail(details, ItemDetail.SPECIALTY, Codes.display(pv1.getHospitalService()));
            return message.build(
                    "the encounter",
                    () -> new ItemSubmission(
                            Category.ENCOUNTERS,
                            key,
                            message.version(),
                            start,
                            end,
                            recorded(),
                            status,
                            null,
                            text,
                            sensitivity(),
                            details));
        }
    }
}
