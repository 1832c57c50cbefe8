package org.openicr.ingestion.control.hl7;

/**
 * Thrown inside the mapping when a message lacks something it needs; {@link Hl7Mapper} turns it
 * into a REJECTED mapping, so it never reaches a caller. The reason carries no patient data.
 */
final class MessageRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MessageRejected(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
