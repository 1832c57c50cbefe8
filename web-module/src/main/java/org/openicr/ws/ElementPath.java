package org.openicr.ws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The path of the element a validator complained about, from the line and column it reported, in
 * the contract's terms: {@code ItemBatch/item[2]/code/code} (the SOAP envelope and body left out,
 * prefixes dropped, repeated elements numbered from 1). Only run for a refused message, so it may
 * decode the message and scan its markup again.
 */
final class ElementPath {

    private static final Set<String> REPEATED = Set.of("item", "withdrawal", "line", "detail");

    private ElementPath() {}

    static String at(byte[] message, int line, int column) {
        String text = new String(message, StandardCharsets.UTF_8);
        int offset = offset(text, line, column);
        Deque<String> open = new ArrayDeque<>();
        Deque<Map<String, Integer>> counts = new ArrayDeque<>();
        counts.push(new HashMap<>());
        String lastClosed = null;
        int i = 0;
        while (i < offset) {
            int lt = text.indexOf('<', i);
            if (lt < 0 || lt >= offset) {
                break;
            }
            if (text.startsWith("<!--", lt)) {
                i = end(text, lt, "-->");
            } else if (text.startsWith("<![CDATA[", lt)) {
                i = end(text, lt, "]]>");
            } else if (text.startsWith("<?", lt) || text.startsWith("<!", lt)) {
                i = end(text, lt, ">");
            } else if (text.startsWith("</", lt)) {
                lastClosed = String.join("/", reversed(open));
                if (!open.isEmpty()) {
                    open.pop();
                    counts.pop();
                }
                i = end(text, lt, ">");
            } else {
                int nameEnd = lt + 1;
                while (nameEnd < text.length() && " \t\r\n/>".indexOf(text.charAt(nameEnd)) < 0) {
                    nameEnd++;
                }
                String name = text.substring(lt + 1, nameEnd);
                name = name.substring(name.indexOf(':') + 1);
                int n = counts.peek().merge(name, 1, Integer::sum);
                String step = REPEATED.contains(name) ? name + "[" + n + "]" : name;
                int gt = end(text, lt, ">");
                if (text.charAt(gt - 2) == '/') {
                    open.push(step);
                    lastClosed = String.join("/", reversed(open));
                    open.pop();
                } else {
                    open.push(step);
                    counts.push(new HashMap<>());
                }
                i = gt;
            }
        }
        String path = lastClosed != null ? lastClosed : String.join("/", reversed(open));
        return path.replaceFirst("^Envelope/Body/", "");
    }

    private static List<String> reversed(Deque<String> open) {
        List<String> steps = new ArrayList<>(open);
        java.util.Collections.reverse(steps);
        return steps;
    }

    private static int end(String text, int from, String close) {
        int at = text.indexOf(close, from + 1);
        return at < 0 ? text.length() : at + close.length();
    }

    /** The character offset of a 1-based line and column (line ends: LF, CR LF or CR). */
    private static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line && at < text.length(); l++) {
            int lf = text.indexOf('\n', at);
            int cr = text.indexOf('\r', at);
            if (lf < 0 && cr < 0) {
                return text.length();
            }
            int next = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
            at = next + (text.startsWith("\r\n", next) ? 2 : 1);
        }
        return Math.min(text.length(), at + Math.max(0, column - 1));
    }
}
