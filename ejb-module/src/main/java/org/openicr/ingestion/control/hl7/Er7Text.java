package org.openicr.ingestion.control.hl7;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The received text cut into segments, before any parser sees it. Real feeds end segments with CR
 * (the standard), LF or CRLF, wrap messages in MLLP framing characters or start them with a byte
 * order mark; all of that is accepted. What cannot be one HL7 v2 message is refused with a reason
 * that says where, never what: the text may be patient data.
 */
final class Er7Text {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern SEGMENT_NAME = Pattern.compile("[A-Z][A-Z0-9]{2}");

    private Er7Text() {}

    /** The segments of one message, MSH first, each without its terminator. */
    static List<String> segments(String er7) {
        if (er7 == null || er7.isBlank()) {
            throw new MessageRejected("the message is empty");
        }
        String text = er7.replace("\u000b", "").replace("\u001c", "").replace("\uFEFF", "");
        List<String> segments = new ArrayList<>();
        for (String line : LINE_BREAK.split(text)) {
            if (!line.isBlank()) {
                segments.add(segments.isEmpty() ? line.stripLeading() : line);
            }
        }
        if (segments.isEmpty()
                || !segments.get(0).startsWith("MSH")
                || segments.get(0).length() < 8) {
            throw new MessageRejected("the text is not an HL7 v2 message: it must start with an MSH segment");
        }
        return segments;
    }

    /** Checks that every segment after MSH looks like one, so the parser is given nothing else. */
    static void checkSegments(List<String> segments) {
        char fieldSeparator = segments.get(0).charAt(3);
        for (int i = 1; i < segments.size(); i++) {
            String segment = segments.get(i);
            String name = segment.length() < 3 ? segment : segment.substring(0, 3);
            if (!SEGMENT_NAME.matcher(name).matches()
                    || (segment.length() > 3 && segment.charAt(3) != fieldSeparator)) {
                throw new MessageRejected("segment " + (i + 1)
                        + " is not an HL7 v2 segment: a segment starts with a three-character name"
                        + " and the field separator");
            }
            if (name.equals("MSH") || name.equals("BHS") || name.equals("FHS")) {
                throw new MessageRejected(
                        "segment " + (i + 1) + " starts another message (" + name + "): send one message at a time");
            }
        }
    }

    /**
     * MSH field {@code number} (MSH-1 being the field separator itself), component {@code component}
     * (1-based), read directly from the text: for the header fields the parser cannot do without.
     */
    static String mshField(String msh, int number, int component) {
        String[] fields = msh.split(Pattern.quote(String.valueOf(msh.charAt(3))), -1);
        int index = number - 1;
        if (index >= fields.length || fields[1].isEmpty()) {
            return null;
        }
        String[] components = fields[index].split(Pattern.quote(String.valueOf(fields[1].charAt(0))), -1);
        return component > components.length ? null : Values.clean(components[component - 1]);
    }
}
