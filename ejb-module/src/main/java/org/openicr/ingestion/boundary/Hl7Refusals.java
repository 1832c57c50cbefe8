package org.openicr.ingestion.boundary;

import java.time.Instant;
import org.openicr.ingestion.control.hl7.Hl7Ack;

/**
 * The HL7 v2 ACK (ER7 text) of an HL7 message refused with AE or AR, for the web service layer,
 * which sees only boundaries: MSH and MSA from the sender's text where it can be read, and one ERR of
 * error severity with the stable code and the reason.
 */
public final class Hl7Refusals {

    private Hl7Refusals() {}

    public static String ack(String er7, String acknowledgementCode, String errorCode, String reason) {
        return Hl7Ack.refusal(
                er7,
                acknowledgementCode,
                errorCode,
                reason,
                "ICR" + Long.toString(System.nanoTime(), 36).toUpperCase(),
                Instant.now());
    }
}
