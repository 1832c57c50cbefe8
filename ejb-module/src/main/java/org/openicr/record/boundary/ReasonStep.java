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
 */
public record ReasonStep(PatientSummary patient, List<LegitimateReason> reasons, String refusal)
        implements Serializable {

    public ReasonStep {
        reasons = List.copyOf(reasons);
    }

    public boolean refused() {
        return refusal != null;
    }
}
