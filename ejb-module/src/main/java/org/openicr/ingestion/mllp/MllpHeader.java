package org.openicr.ingestion.mllp;

/**
 * What the listener reads of a message before it knows who sent it: MSH-3 and MSH-4 (first
 * components) and MSH-10. Anything unreadable is null; the message itself is then read, mapped and
 * refused by ingestion's own HL7 v2 rules, as over SOAP.
 */
record MllpHeader(String sendingApplication, String sendingFacility, String controlId) {

    static MllpHeader of(String er7) {
        String text = er7 == null ? "" : er7.stripLeading();
        if (!text.startsWith("MSH") || text.length() < 8) {
            return new MllpHeader(null, null, null);
        }
        char field = text.charAt(3);
        char component = text.charAt(4);
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                end = i;
                break;
            }
        }
        // MSH-1 is the field separator itself: after splitting, MSH-n is at index n - 1.
        String[] fields = text.substring(0, end).split(java.util.regex.Pattern.quote(String.valueOf(field)), -1);
        return new MllpHeader(first(fields, 2, component), first(fields, 3, component), whole(fields, 9));
    }

    private static String first(String[] fields, int index, char component) {
        String value = whole(fields, index);
        if (value == null) {
            return null;
        }
        int cut = value.indexOf(component);
        String first = (cut < 0 ? value : value.substring(0, cut)).strip();
        return first.isEmpty() ? null : first;
    }

    private static String whole(String[] fields, int index) {
        if (index >= fields.length) {
            return null;
        }
        String value = fields[index].strip();
        return value.isEmpty() ? null : value;
    }
}
