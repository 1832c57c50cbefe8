package org.openicr.web.fhir.mapping;

import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;

/** ENCOUNTERS as UKCore-Encounter (docs/fhir.md). */
public final class EncounterMapping {

    public static final String ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    /** The record's encounter classes (HL7 v2 PV1-2 in words, SOAP encounterClass) as v3 ActCode. */
    public static final Map<String, Coding> CLASSES = Map.of(
            "inpatient", new Coding(ACT_CODE_SYSTEM, "IMP", "inpatient encounter"),
            "outpatient", new Coding(ACT_CODE_SYSTEM, "AMB", "ambulatory"),
            "ambulatory", new Coding(ACT_CODE_SYSTEM, "AMB", "ambulatory"),
            "emergency", new Coding(ACT_CODE_SYSTEM, "EMER", "emergency"),
            "pre-admission", new Coding(ACT_CODE_SYSTEM, "PRENC", "pre-admission"),
            "home", new Coding(ACT_CODE_SYSTEM, "HH", "home health"),
            "virtual", new Coding(ACT_CODE_SYSTEM, "VR", "virtual"));

    private EncounterMapping() {}

    public static Encounter map(ItemView item, long patientId) {
        Encounter encounter = Items.common(new Encounter(), item, "Encounter");
        encounter.setSubject(Items.subject(patientId));
        if (item.withheld()) {
            encounter.setStatus(EncounterStatus.UNKNOWN);
            encounter.setClass_(Items.masked(new Coding()));
            encounter.addType(Items.code(item));
            return encounter;
        }
        encounter.setStatus(status(item.status()));
        encounter.setClass_(encounterClass(item.detail(ItemDetail.ENCOUNTER_CLASS)));
        encounter.addType(Items.code(item));
        encounter.setPeriod(Items.period(item));
        encounter.setServiceType(Items.text(item.detail(ItemDetail.SPECIALTY)));
        if (item.detail(ItemDetail.CLINICIAN) != null) {
            encounter.addParticipant().setIndividual(Items.named("Practitioner", item.detail(ItemDetail.CLINICIAN)));
        }
        if (item.detail(ItemDetail.LOCATION) != null) {
            encounter.addLocation().setLocation(Items.named("Location", item.detail(ItemDetail.LOCATION)));
        }
        encounter.setServiceProvider(Items.organisation(item.sourceOrganisation()));
        return encounter;
    }

    /** The class in v3 ActCode, or a Coding marked unknown (data-absent-reason) for any other. */
    public static Coding encounterClass(String encounterClass) {
        String key = Items.lower(encounterClass);
        Coding coding = key == null ? null : CLASSES.get(key);
        return coding == null ? Items.absent(new Coding(), "unknown") : coding.copy();
    }

    public static EncounterStatus status(String status) {
        String s = Items.lower(status);
        if (s == null) {
            return EncounterStatus.UNKNOWN;
        }
        return switch (s) {
            case "finished", "completed", "discharged", "ended" -> EncounterStatus.FINISHED;
            case "in-progress", "active", "admitted" -> EncounterStatus.INPROGRESS;
            case "planned", "booked", "pending" -> EncounterStatus.PLANNED;
            case "arrived" -> EncounterStatus.ARRIVED;
            case "triaged" -> EncounterStatus.TRIAGED;
            case "onleave", "on-leave" -> EncounterStatus.ONLEAVE;
            case "cancelled" -> EncounterStatus.CANCELLED;
            default -> EncounterStatus.UNKNOWN;
        };
    }
}
