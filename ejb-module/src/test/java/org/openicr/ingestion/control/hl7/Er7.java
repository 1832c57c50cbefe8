package org.openicr.ingestion.control.hl7;

import java.util.ArrayList;
import java.util.List;

/** Small UK-style HL7 v2 messages for the tests, built field by field so positions are explicit. */
final class Er7 {

    /** The NHS Data Dictionary's example: valid (check digit 9). */
    static final String NHS_NUMBER = "9434765919";

    /** The same with a wrong check digit. */
    static final String INVALID_NHS_NUMBER = "9434765918";

    static final String PID_UK = segment(
            "PID",
            3,
            NHS_NUMBER + "^^^NHS^NH~RX1-123456^^^RX1^MR",
            5,
            "SMITH^JANE^ANNE^^MRS^^L~JONES^JANE^^^^^M",
            7,
            "19700101",
            8,
            "F",
            11,
            "1 HIGH STREET^FLAT 2^LEEDS^WEST YORKSHIRE^ls1 1aa^GBR^H",
            13,
            "^NET^Internet^jane@example.org~0113 496 0000^PRN^PH");

    private Er7() {}

    static String msh(String type, String controlId) {
        return msh(type, controlId, "20240612143000");
    }

    static String msh(String type, String controlId, String time) {
        return "MSH|^~\\&|PAS|RX1|ICR|QXX|" + time + "||" + type + "|" + controlId + "|P|2.5.1";
    }

    /** A segment with the given values at the given field positions: segment("PV1", 2, "I", 19, "V1"). */
    static String segment(String name, Object... positionsAndValues) {
        List<String> fields = new ArrayList<>();
        fields.add(name);
        for (int i = 0; i < positionsAndValues.length; i += 2) {
            int position = (Integer) positionsAndValues[i];
            while (fields.size() <= position) {
                fields.add("");
            }
            fields.set(position, (String) positionsAndValues[i + 1]);
        }
        return String.join("|", fields);
    }

    static String message(String... segments) {
        return String.join("\r", segments);
    }
}
