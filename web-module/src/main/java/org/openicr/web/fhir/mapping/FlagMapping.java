package org.openicr.web.fhir.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Flag.FlagStatus;
import org.openicr.record.boundary.ItemView;

/**
 * SAFEGUARDING alerts as UKCore-Flag, category safety (docs/fhir.md). A Flag has no note: an
 * uncoded alert's words are its code's text (the title), a coded alert's further free text is not
 * carried.
 */
public final class FlagMapping {

    static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/flag-category";

    private FlagMapping() {}

    public static Flag map(ItemView item, long patientId) {
        Flag flag = Items.common(new Flag(), item, "Flag");
        flag.setSubject(Items.subject(patientId));
        flag.setCode(Items.code(item));
        if (item.withheld()) {
            // Status is required and has no "unknown": as for an alert without a status, active.
            flag.setStatus(status(null));
            return flag;
        }
        flag.setStatus(status(item.status()));
        flag.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, "safety", "Safety")));
        flag.setPeriod(Items.period(item));
        flag.setAuthor(Items.organisation(item.sourceOrganisation()));
        return flag;
    }

    /**
     * Active unless the source says it no longer stands (inactive, resolved, closed, ended,
     * cancelled, revoked): the record lists an alert as standing unless told otherwise.
     */
    public static FlagStatus status(String status) {
        String s = Items.lower(status);
        if (s == null) {
            return FlagStatus.ACTIVE;
        }
        return switch (s) {
            case "inactive", "resolved", "closed", "ended", "cancelled", "revoked", "expired" -> FlagStatus.INACTIVE;
            case "entered-in-error" -> FlagStatus.ENTEREDINERROR;
            default -> FlagStatus.ACTIVE;
        };
    }
}
