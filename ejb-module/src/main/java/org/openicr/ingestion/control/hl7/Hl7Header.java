package org.openicr.ingestion.control.hl7;

import java.time.Instant;

/** What the MSH segment says about a message; any part may be null when the sender left it out. */
record Hl7Header(
        String messageCode,
        String triggerEvent,
        String controlId,
        String sendingApplication,
        String sendingFacility,
        Instant messageTime) {

    /** "ADT^A01", or just the code when the trigger event is missing. */
    String messageType() {
        if (messageCode == null) {
            return null;
        }
        return triggerEvent == null ? messageCode : messageCode + "^" + triggerEvent;
    }
}
