package org.openicr.ingestion.control.hl7;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference range as laboratories write it in OBX-7 (issue 21, item 6), read into a numeric low
 * and high limit where it is numeric. Forms read:
 *
 * <ul>
 *   <li>two limits: {@code 70-105}, {@code 70 - 105}, {@code 70_105} (the underscore some laboratory
 *       systems use), {@code 70 to 105}, decimals and negative limits ({@code -2.5-2.5});
 *   <li>an upper limit only: {@code <5}, {@code <=5}, {@code ≤5} (high 5);
 *   <li>a lower limit only: {@code >60}, {@code >=60}, {@code ≥60} (low 60).
 * </ul>
 *
 * A one-sided range keeps its text as written beside its limit (it says whether the limit is
 * included, which low/high alone does not, and the viewer shows it); a two-sided one is said in full
 * by its limits. A range that is not numeric ("negative", "see report") is kept as text alone.
 */
record ReferenceRange(String low, String high, String text) {

    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    private static final Pattern BOTH =
            Pattern.compile("\\s*" + NUMBER + "\\s*(?:-|_|to)\\s*" + NUMBER + "\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPPER = Pattern.compile("\\s*(?:<|<=|=<|\u2264)\\s*" + NUMBER + "\\s*");
    private static final Pattern LOWER = Pattern.compile("\\s*(?:>|>=|=>|\u2265)\\s*" + NUMBER + "\\s*");

    /** The range of an OBX-7 value; null when there is none. */
    static ReferenceRange parse(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String text = written.strip();
        Matcher both = BOTH.matcher(text);
        if (both.matches()) {
            return new ReferenceRange(both.group(1), both.group(2), null);
        }
        Matcher upper = UPPER.matcher(text);
        if (upper.matches()) {
            return new ReferenceRange(null, upper.group(1), text);
        }
        Matcher lower = LOWER.matcher(text);
        if (lower.matches()) {
            return new ReferenceRange(lower.group(1), null, text);
        }
        return new ReferenceRange(null, null, text);
    }
}
