package org.openicr.ingestion.control;

import java.nio.charset.StandardCharsets;

/**
 * One pass over a message's bytes, before any XML parser sees them, that refuses what would cost a
 * parser far more than its size: elements nested deeper than {@link #MAX_DEPTH} (the JDK's parser and
 * schema validator spend time that grows with the square of the depth: 200,000 nested elements in
 * 1.4 MB took 26 s), an element with more than {@link #MAX_ATTRIBUTES} attributes, a name longer than
 * {@link #MAX_NAME} characters, and any DOCTYPE or ENTITY declaration (against XXE and entity
 * expansion). It reads markup only: the contents of comments, CDATA sections, processing
 * instructions and quoted attribute values are skipped, and text is never decoded. Markup is ASCII,
 * so one byte per character finds it in UTF-8; a UTF-16 message is turned into UTF-8 first. A
 * message that names any other encoding (or whose first character is not {@code <}) is refused,
 * because its markup could then hide from this scan. A valid message of the contract nests 7 deep at
 * most (Envelope, Body, ItemBatch, item, code, system). Used by the SOAP inbox before it validates a
 * message, and by {@link RawMessages} before an administrator's replay parses a stored one.
 */
public final class XmlShape {

    /** Deepest element nesting accepted (a valid message of the contract reaches 7). */
    public static final int MAX_DEPTH = 64;

    /** Most attributes (namespace declarations included) on one element. */
    public static final int MAX_ATTRIBUTES = 64;

    /** Longest element or attribute name (with its prefix). */
    public static final int MAX_NAME = 256;

    /** The error code of a refusal (null when the message passes). */
    public static org.openicr.vocabulary.ErrorCode code(Verdict verdict) {
        return switch (verdict) {
            case OK -> null;
            case DECLARATION -> org.openicr.vocabulary.ErrorCode.XML_NOT_ALLOWED;
            case TOO_COMPLEX -> org.openicr.vocabulary.ErrorCode.MESSAGE_TOO_COMPLEX;
            case ENCODING -> org.openicr.vocabulary.ErrorCode.SCHEMA_INVALID;
        };
    }

    /** What the scan found: nothing wrong ({@link #OK}), or a refusal with its reason. */
    public enum Verdict {
        OK,
        DECLARATION,
        ENCODING,
        TOO_COMPLEX
    }

    /** A verdict with a readable reason (null when OK). */
    public record Result(Verdict verdict, String reason) {
        static final Result PASS = new Result(Verdict.OK, null);
    }

    private XmlShape() {}

    /** The scan's verdict on a message, with a readable reason when it is refused. */
    public static Result check(byte[] body) {
        byte[] text = body;
        int start = 0;
        if (body.length > 1) {
            int first = body[0] & 0xFF;
            int second = body[1] & 0xFF;
            if ((first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE)) {
                text = new String(body, StandardCharsets.UTF_16).getBytes(StandardCharsets.UTF_8);
            } else if (first == 0 && second != 0) {
                text = new String(body, StandardCharsets.UTF_16BE).getBytes(StandardCharsets.UTF_8);
            } else if (first != 0 && second == 0) {
                text = new String(body, StandardCharsets.UTF_16LE).getBytes(StandardCharsets.UTF_8);
            } else if (first == 0xEF && second == 0xBB && body.length > 2 && (body[2] & 0xFF) == 0xBF) {
                start = 3;
            }
        }
        return scan(text, start);
    }

    private static Result scan(byte[] b, int from) {
        int n = b.length;
        int i = from;
        while (i < n && isSpace(b[i])) {
            i++;
        }
        if (i < n && b[i] != '<') {
            return new Result(Verdict.ENCODING, "The message must be XML in UTF-8 or UTF-16 and start with '<'.");
        }
        int depth = 0;
        int deepest = 0;
        while (i < n) {
            if (b[i] != '<') {
                i++;
                continue;
            }
            if (i + 1 >= n) {
                break;
            }
            byte next = b[i + 1];
            if (next == '!') {
                if (startsWith(b, i + 2, "--")) {
                    i = indexOf(b, i + 4, "-->") + 3;
                } else if (startsWith(b, i + 2, "[CDATA[")) {
                    i = indexOf(b, i + 9, "]]>") + 3;
                } else if (word(b, i + 2, "DOCTYPE") || word(b, i + 2, "ENTITY")) {
                    return new Result(
                            Verdict.DECLARATION,
                            "The message contains a DOCTYPE or ENTITY declaration; SOAP messages must not contain one.");
                } else {
                    // Not well-formed: the parser refuses it.
                    i += 2;
                }
            } else if (next == '?') {
                int end = indexOf(b, i + 2, "?>");
                if (startsWith(b, i + 2, "xml") && i + 5 < n && isSpace(b[i + 5])) {
                    String problem = encodingProblem(b, i, Math.min(end, n));
                    if (problem != null) {
                        return new Result(Verdict.ENCODING, problem);
                    }
                }
                i = end + 2;
            } else if (next == '/') {
                depth--;
                i = indexOf(b, i + 2, (byte) '>') + 1;
            } else {
                // A start tag: its name, then attributes (quoted values may hold '>'), then > or />.
                int j = i + 1;
                while (j < n && !isSpace(b[j]) && b[j] != '>' && b[j] != '/') {
                    j++;
                }
                if (j - i - 1 > MAX_NAME) {
                    return tooComplex("an element name is longer than " + MAX_NAME + " characters");
                }
                int attributes = 0;
                int nameStart = -1;
                boolean selfClosing = false;
                while (j < n) {
                    byte c = b[j];
                    if (c == '"' || c == '\'') {
                        j = indexOf(b, j + 1, c) + 1;
                        continue;
                    }
                    if (c == '>') {
                        selfClosing = b[j - 1] == '/';
                        break;
                    }
                    if (c == '=') {
                        attributes++;
                        if (attributes > MAX_ATTRIBUTES) {
                            return tooComplex("an element has more than " + MAX_ATTRIBUTES + " attributes");
                        }
                        if (nameStart >= 0 && j - nameStart > MAX_NAME) {
                            return tooComplex("an attribute name is longer than " + MAX_NAME + " characters");
                        }
                        nameStart = -1;
                    } else if (isSpace(c)) {
                        // names start after white space
                    } else if (nameStart < 0) {
                        nameStart = j;
                    }
                    j++;
                }
                if (!selfClosing) {
                    depth++;
                    if (depth > deepest) {
                        deepest = depth;
                        if (depth > MAX_DEPTH) {
                            return tooComplex("elements are nested more than " + MAX_DEPTH + " deep");
                        }
                    }
                }
                i = j + 1;
            }
        }
        return Result.PASS;
    }

    private static Result tooComplex(String what) {
        return new Result(Verdict.TOO_COMPLEX, "The message is refused unread: " + what + ".");
    }

    /** Null when the XML declaration names no encoding or UTF-8, UTF-16 or US-ASCII. */
    private static String encodingProblem(byte[] b, int from, int to) {
        String declaration = new String(b, from, Math.max(0, to - from), StandardCharsets.ISO_8859_1);
        int at = declaration.indexOf("encoding");
        if (at < 0) {
            return null;
        }
        int open = at + 8;
        while (open < declaration.length() && declaration.charAt(open) != '"' && declaration.charAt(open) != '\'') {
            open++;
        }
        if (open >= declaration.length()) {
            return null;
        }
        int close = declaration.indexOf(declaration.charAt(open), open + 1);
        String name =
                close < 0 ? "" : declaration.substring(open + 1, close).strip().toUpperCase(java.util.Locale.ROOT);
        switch (name) {
            case "UTF-8", "UTF8", "UTF-16", "UTF-16LE", "UTF-16BE", "US-ASCII", "ASCII" -> {
                return null;
            }
            default -> {
                return "The message's encoding must be UTF-8 or UTF-16.";
            }
        }
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    /** Whether {@code word} (upper-case ASCII) is at {@code at}, in any case. */
    private static boolean word(byte[] b, int at, String word) {
        if (at + word.length() > b.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            int c = b[at + k];
            if ((c >= 'a' && c <= 'z' ? c - 32 : c) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int at, String word) {
        if (at + word.length() > b.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[at + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code word} starts at or after {@code from}; the end of the message when it does not occur. */
    private static int indexOf(byte[] b, int from, String word) {
        byte first = (byte) word.charAt(0);
        for (int i = from; i + word.length() <= b.length; i++) {
            if (b[i] == first && startsWith(b, i, word)) {
                return i;
            }
        }
        return b.length;
    }

    private static int indexOf(byte[] b, int from, byte c) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return b.length;
    }
}
