package org.openicr.ingestion.entity;

/** Where a received message stands. Stored by name. */
public enum MessageStatus {
    /** Stored raw, not processed (yet, or the server stopped while processing it). */
    RECEIVED,
    ACCEPTED,
    /** Refused for a reason the sender must fix (the fault's code says which). */
    REJECTED,
    /** Failed inside the record; the sender may resend and an administrator may replay it. */
    FAILED,
    /** No person matches yet; kept for follow-up and replay. */
    UNMATCHED,
    /** A message type the shared record does not use (HL7 v2); acknowledged and kept. */
    NOT_USED,
    /** A repeat of a message id already answered; it got the first answer and changed nothing. */
    DUPLICATE;

    /** Whether a repeat of the message id gets this answer again instead of being processed. */
    public boolean isFinal() {
        return this == ACCEPTED || this == REJECTED || this == UNMATCHED || this == NOT_USED;
    }
}
