package org.openicr.platform;

/**
 * LIKE patterns built from what a user typed. Every LIKE in a query whose pattern comes from input
 * is written {@code like :param escape '\'} and its parameter made here, so that {@code %}, {@code _}
 * and {@code \} in the input match themselves and never act as wildcards (issue 16, item 13: a
 * postcode search for "%%" listed everyone at that postcode, bypassing the two-letter rule).
 */
public final class LikePattern {

    /** The escape character every query using these patterns declares: {@code escape '\'}. */
    public static final char ESCAPE = '\\';

    private LikePattern() {}

    /** The text with {@code \}, {@code %} and {@code _} escaped, so that it matches only itself. */
    public static String literal(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE || c == '%' || c == '_') {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Matches values that start with the text, taken literally. */
    public static String startingWith(String text) {
        return literal(text) + "%";
    }

    /** Matches values that contain the text, taken literally (everything for empty text). */
    public static String containing(String text) {
        return "%" + literal(text) + "%";
    }
}
