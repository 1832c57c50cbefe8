package org.openicr.ingestion.control.hl7;

/** What became of a received HL7 v2 message. */
public enum Hl7Outcome {
    /** The message gave at least one command for the record. */
    MAPPED,
    /**
     * A valid message the shared record has no use for (its type, or nothing in it that can be
     * shown): acknowledge it, keep it, change nothing.
     */
    NOT_USED,
    /**
     * The message could not be read or lacks a piece it needs: nothing of it is applied; the
     * reasons tell the interface team what to fix before it is sent again.
     */
    REJECTED
}
