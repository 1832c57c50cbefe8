package org.openicr.ingestion.control.hl7;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An HL7 v2 ACK in ER7 text for an accepted message (issue 21, item 1): MSH, MSA with the
 * acknowledgement code and the message's control id, and one ERR segment per part of the message
 * that was not applied, of warning severity (ERR-4 {@code W}) with HL7 error code 0 (message
 * accepted, table 0357), the record's own outcome as the application error code (ERR-5), the item's
 * key as its parameter (ERR-6) and the reason as the user message (ERR-8). Values are escaped with
 * the standard delimiters; the reasons carry no patient data.
 */
public final class Hl7Ack {

    /** One part of the message not applied: its key (or null for the person), the outcome and why. */
    public record Warning(String key, String outcome, String reason) {}

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").withZone(ZoneOffset.UTC);

    private Hl7Ack() {}

    /**
     * @param messageType the acknowledged message's type ("ADT^A08"), or null
     * @param ackControlId the ACK's own control id (MSH-10)
     */
    public static String er7(
            String sendingApplication,
            String sendingFacility,
            String messageType,
            String controlId,
            String acknowledgementCode,
            String ackControlId,
            Instant at,
            List<Warning> warnings) {
        String trigger = messageType == null || !messageType.contains("^")
                ? ""
                : messageType.substring(messageType.indexOf('^') + 1);
        List<String> segments = new ArrayList<>();
        segments.add("MSH|^~\\&|OPENICR|ICR|" + escape(sendingApplication) + "|" + escape(sendingFacility) + "|"
                + TIME.format(at) + "||ACK^" + escape(trigger) + "^ACK|" + escape(ackControlId) + "|P|2.5.1");
        segments.add("MSA|" + acknowledgementCode + "|" + escape(controlId));
        for (Warning w : warnings) {
            segments.add("ERR|||0^Message accepted^HL70357|W|" + escape(w.outcome()) + "^" + escape(w.outcome())
                    + "^99OICR|" + escape(w.key()) + "||" + escape(w.reason()));
        }
        return String.join("\r", segments) + "\r";
    }

    /** HL7 escape sequences for the standard delimiters; line breaks become spaces. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '\\' -> out.append("\\E\\");
                case '|' -> out.append("\\F\\");
                case '^' -> out.append("\\S\\");
                case '&' -> out.append("\\T\\");
                case '~' -> out.append("\\R\\");
                case '\r', '\n' -> out.append(' ');
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
