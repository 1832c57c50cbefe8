package org.openicr.web.fhir.mapping;

import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.openicr.record.boundary.ItemView;

/** PROBLEMS as UKCore-Condition (docs/fhir.md). */
public final class ConditionMapping {

    static final Set<String> CLINICAL_STATUSES =
            Set.of("active", "recurrence", "relapse", "inactive", "remission", "resolved");

    private ConditionMapping() {}

    public static Condition map(ItemView item, long patientId) {
        Condition condition = Items.common(new Condition(), item, "Condition");
        condition.setSubject(Items.subject(patientId));
        condition.setCode(Items.code(item));
        if (item.withheld()) {
            return condition;
        }
        condition.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item")));
        String status = Items.lower(item.status());
        if (status != null && CLINICAL_STATUSES.contains(status)) {
            condition.setClinicalStatus(new CodeableConcept(
                    new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", status, null)));
        }
        condition.setOnset(Items.dateTime(item.effectiveAt()));
        condition.setAbatement(Items.dateTime(item.effectiveEnd()));
        if (Items.note(item) != null) {
            condition.addNote().setText(Items.note(item));
        }
        return condition;
    }
}
