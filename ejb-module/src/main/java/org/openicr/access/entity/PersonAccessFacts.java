package org.openicr.access.entity;

import java.util.Objects;
import java.util.Set;

/**
 * What the access decision must know about the person whose record is asked for: the local ICR
 * opt-out, the PDS restricted ("sensitive") flag, and the councils that were refused consent to
 * share their social care information (by organisation id).
 */
public record PersonAccessFacts(boolean optedOut, boolean restricted, Set<Long> councilsRefusingSocialCareConsent) {

    public PersonAccessFacts {
        councilsRefusingSocialCareConsent = Set.copyOf(
                Objects.requireNonNull(councilsRefusingSocialCareConsent, "The refusing councils are required."));
    }

    /** A person with no opt-out, no restriction and no refused social care consent. */
    public static PersonAccessFacts ordinary() {
        return new PersonAccessFacts(false, false, Set.of());
    }
}
