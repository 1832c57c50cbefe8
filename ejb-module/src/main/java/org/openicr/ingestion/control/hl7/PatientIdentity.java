package org.openicr.ingestion.control.hl7;

import java.util.List;
import org.openicr.vocabulary.NhsNumber;

/**
 * Who a message is about, as far as the message says: the NHS Number when it carries a valid one,
 * and the source's own identifiers. The patient index is keyed by NHS Number; the local identifiers
 * let the caller match a message without one, or hold it as unmatched.
 */
public record PatientIdentity(NhsNumber nhsNumber, List<LocalIdentifier> localIdentifiers) {

    public PatientIdentity {
        localIdentifiers = localIdentifiers == null ? List.of() : List.copyOf(localIdentifiers);
    }

    /** Whether the message gave nothing at all to find the person by. */
    public boolean isEmpty() {
        return nhsNumber == null && localIdentifiers.isEmpty();
    }
}
