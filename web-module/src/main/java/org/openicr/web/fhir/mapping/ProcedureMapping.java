package org.openicr.web.fhir.mapping;

import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;

/** PROCEDURES as UKCore-Procedure (docs/fhir.md). */
public final class ProcedureMapping {

    private ProcedureMapping() {}

    public static Procedure map(ItemView item, long patientId) {
        Procedure procedure = Items.common(new Procedure(), item, "Procedure");
        procedure.setSubject(Items.subject(patientId));
        procedure.setCode(Items.code(item));
        if (item.withheld()) {
            procedure.setStatus(ProcedureStatus.UNKNOWN);
            return procedure;
        }
        procedure.setStatus(status(item.status()));
        if (item.effectiveEnd() != null) {
            procedure.setPerformed(Items.period(item));
        } else {
            procedure.setPerformed(Items.dateTime(item.effectiveAt()));
        }
        if (item.detail(ItemDetail.CLINICIAN) != null) {
            procedure.addPerformer().setActor(Items.named("Practitioner", item.detail(ItemDetail.CLINICIAN)));
        }
        procedure.setLocation(Items.named("Location", item.detail(ItemDetail.LOCATION)));
        if (Items.note(item) != null) {
            procedure.addNote().setText(Items.note(item));
        }
        return procedure;
    }

    /** The source's status as Procedure.status; unknown when it is not one of FHIR's (or none). */
    public static ProcedureStatus status(String status) {
        String s = Items.lower(status);
        if (s == null) {
            return ProcedureStatus.UNKNOWN;
        }
        return switch (s) {
            case "completed", "complete", "done", "performed", "finished" -> ProcedureStatus.COMPLETED;
            case "in-progress", "active" -> ProcedureStatus.INPROGRESS;
            case "not-done", "not done", "cancelled" -> ProcedureStatus.NOTDONE;
            case "stopped", "abandoned" -> ProcedureStatus.STOPPED;
            case "on-hold", "suspended" -> ProcedureStatus.ONHOLD;
            case "preparation", "planned", "scheduled" -> ProcedureStatus.PREPARATION;
            default -> ProcedureStatus.UNKNOWN;
        };
    }
}
