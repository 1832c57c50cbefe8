package org.openicr.ingestion.control.hl7;

import java.util.Objects;

/**
 * A patient identifier local to a source, such as a hospital number: {@code value} (CX-1) is unique
 * only within {@code assigningAuthority} (CX-4, or the sending facility when the message names no
 * authority). {@code identifierType} is the HL7 identifier type (CX-5, e.g. MR), or null.
 */
public record LocalIdentifier(String assigningAuthority, String identifierType, String value) {

    public LocalIdentifier {
        Objects.requireNonNull(value, "A local identifier needs its value.");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A local identifier needs its value.");
        }
        assigningAuthority = blankToNull(assigningAuthority);
        identifierType = blankToNull(identifierType);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Masked like the NHS Number, since a hospital number identifies a patient too. */
    @Override
    public String toString() {
        String tail = value.length() <= 4 ? "" : value.substring(value.length() - 4);
        return "LocalIdentifier[" + assigningAuthority + " " + identifierType + " ****" + tail + "]";
    }
}
