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

    /**
     * The ACK for a refused message (AE or AR): the sender's MSH fields read straight from the text
     * (empty where it cannot be read) and one ERR of error severity ({@code E}) with the HL7 error
     * code of {@link #hl7ErrorCode} and the record's stable code as the application error code.
     */
    public static String refusal(
            String er7, String acknowledgementCode, String errorCode, String reason, String ackControlId, Instant at) {
        String application = null;
        String facility = null;
        String type = null;
        String controlId = null;
        try {
            String msh = Er7Text.segments(er7).get(0);
            application = Er7Text.mshField(msh, 3, 1);
            facility = Er7Text.mshField(msh, 4, 1);
            String code = Er7Text.mshField(msh, 9, 1);
            String trigger = Er7Text.mshField(msh, 9, 2);
            type = code == null ? null : trigger == null ? code : code + "^" + trigger;
            controlId = Er7Text.mshField(msh, 10, 1);
        } catch (RuntimeException unreadable) {
            // Not an HL7 message, or its MSH cannot be split: the ACK names nothing of it.
        }
        String ack = er7(application, facility, type, controlId, acknowledgementCode, ackControlId, at, List.of());
        return ack + "ERR|||" + hl7ErrorCode(errorCode) + "|E|" + escape(errorCode) + "^" + escape(errorCode)
                + "^99OICR|||" + escape(reason) + "\r";
    }

    /**
     * HL7 table 0357 for the record's stable codes: the nearest standard meaning; the record's own
     * code is in ERR-5.
     */
    static String hl7ErrorCode(String errorCode) {
        return switch (errorCode == null ? "" : errorCode) {
            case "HL7_REJECTED",
                    "INVALID_INPUT",
                    "INVALID_NHS_NUMBER",
                    "UNKNOWN_CODE_SYSTEM",
                    "UNKNOWN_CATEGORY" -> "102^Data type error^HL70357";
            case "NOT_FOUND" -> "204^Unknown key identifier^HL70357";
            case "LOCAL_IDENTIFIER_CONFLICT", "SOURCE_KEY_CONFLICT" -> "205^Duplicate key identifier^HL70357";
            default -> "207^Application internal error^HL70357";
        };
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
