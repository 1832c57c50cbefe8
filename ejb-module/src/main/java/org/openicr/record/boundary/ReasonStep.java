package org.openicr.record.boundary;

import java.io.Serializable;
import java.util.List;
import org.openicr.patient.boundary.PatientSummary;
import org.openicr.vocabulary.LegitimateReason;

/**
 * The reason step before a record opens: whose record it is (the banner, as a patient search lists
 * the person: without contact details for a restricted person, "not available for viewing" for an
 * opted-out one), the reasons this reader's role profile may give, in their order, and, when no
 * reason could open the record, why (then nothing else is shown).
 *
 * @param patient the banner's person; null when the record cannot be opened or the role does not
 *     read demographics
 * @param reasons the reasons offered; empty with {@code refusal}
 * @param refusal the plain-English reason no reason is offered, or null
 * @param inferred the reason a care relationship found in the record offers as the default (one of
 *     {@code reasons}), or null when the record shows none (docs/care-relationships.md)
 * @param relationship that relationship in plain English ("Registered at your practice, Riverside
 *     Medical Practice"), or null
 */
public record ReasonStep(
        PatientSummary patient,
        List<LegitimateReason> reasons,
        String refusal,
        LegitimateReason inferred,
        String relationship)
        implements Serializable {

    public ReasonStep {
        reasons = List.copyOf(reasons);
        if ((inferred == null) != (relationship == null) || (inferred != null && !reasons.contains(inferred))) {
            throw new IllegalArgumentException("An inferred reason is one of those offered, with its relationship.");
        }
    }

    /** A step with no relationship found in the record. */
    public ReasonStep(PatientSummary patient, List<LegitimateReason> reasons, String refusal) {
        this(patient, reasons, refusal, null, null);
    }

    /** Whether the record shows a relationship whose reason is pre-selected. */
    public boolean hasInferred() {
        return inferred != null;
    }

    public boolean refused() {
        return refusal != null;
    }
}
