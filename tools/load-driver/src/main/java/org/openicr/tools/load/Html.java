package org.openicr.tools.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough reading of JSF pages to post their forms as a browser does: a form's action and
 * fields (hidden inputs such as {@code jakarta.faces.ViewState}, text inputs, checked radios), its
 * submit buttons, and the view state of an Ajax partial response. Deliberately tolerant of layout:
 * it looks at form and input elements and their attributes only, never at the markup around them.
 */
public final class Html {

    private Html() {}

    /** A form: where it posts, its fields with their current values, and its submit buttons. */
    public record Form(String id, String action, Map<String, String> fields, List<Button> buttons) {

        public Optional<Button> button(String idOrNameSuffix) {
            return buttons.stream()
                    .filter(b -> b.name().equals(idOrNameSuffix) || b.name().endsWith(":" + idOrNameSuffix))
                    .findFirst();
        }
    }

    /** A submit button: the name it posts and the label it shows. */
    public record Button(String name, String label) {}

    public static final String VIEW_STATE = "jakarta.faces.ViewState";

    private static final Pattern FORM =
            Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUTTON =
            Pattern.compile("<button\\b([^>]*)>(.*?)</button>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXTAREA =
            Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE =
            Pattern.compile("([A-Za-z_:][-A-Za-z0-9_:.]*)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
    private static final Pattern PARTIAL_VIEW_STATE = Pattern.compile(
            "<update id=\"[^\"]*" + Pattern.quote(VIEW_STATE) + "[^\"]*\"><!\\[CDATA\\[(.*?)]]></update>",
            Pattern.DOTALL);
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    /** The attributes of a start tag's inside ({@code id="a" name='b'}), entity-decoded, names in lower case. */
    static Map<String, String> attributes(String inside) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(inside);
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            attributes.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), decode(value));
        }
        // Boolean attributes written bare (checked, selected).
        String bare = ATTRIBUTE.matcher(inside).replaceAll(" ");
        for (String word : bare.trim().split("[\\s/]+")) {
            if (!word.isEmpty()) {
                attributes.putIfAbsent(word.toLowerCase(Locale.ROOT), "");
            }
        }
        return attributes;
    }

    /** The form with this id (JSF renders {@code <form id="login" name="login" ...>}), if the page has it. */
    public static Optional<Form> form(String html, String formId) {
        Matcher m = FORM.matcher(html);
        while (m.find()) {
            Map<String, String> attributes = attributes(m.group(1));
            if (formId.equals(attributes.get("id"))) {
                return Optional.of(parseForm(formId, attributes.getOrDefault("action", ""), m.group(2)));
            }
        }
        return Optional.empty();
    }

    private static Form parseForm(String id, String action, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<Button> buttons = new ArrayList<>();
        Matcher inputs = INPUT.matcher(body);
        while (inputs.find()) {
            Map<String, String> a = attributes(inputs.group(1));
            String name = a.get("name");
            if (name == null || a.containsKey("disabled")) {
                continue;
            }
            String type = a.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
            String value = a.getOrDefault("value", "");
            switch (type) {
                case "submit", "image" -> buttons.add(new Button(name, value));
                case "button", "reset", "file" -> {}
                case "radio", "checkbox" -> {
                    if (a.containsKey("checked")) {
                        fields.put(name, value.isEmpty() ? "on" : value);
                    }
                }
                default -> fields.put(name, value);
            }
        }
        Matcher textareas = TEXTAREA.matcher(body);
        while (textareas.find()) {
            Map<String, String> a = attributes(textareas.group(1));
            if (a.get("name") != null) {
                fields.put(a.get("name"), decode(textareas.group(2)));
            }
        }
        Matcher submitButtons = BUTTON.matcher(body);
        while (submitButtons.find()) {
            Map<String, String> a = attributes(submitButtons.group(1));
            String type = a.getOrDefault("type", "submit").toLowerCase(Locale.ROOT);
            if (a.get("name") != null && type.equals("submit")) {
                buttons.add(new Button(a.get("name"), text(submitButtons.group(2))));
            }
        }
        return new Form(id, action, fields, List.copyOf(buttons));
    }

    private static final Pattern CSP_NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    /**
     * The CSP nonce PrimeFaces rendered into a page ({@code PrimeFaces.csp.init('...')}): its Ajax
     * requests send it back as {@code primefaces.nonce}, and the server refuses an Ajax request without it.
     */
    public static Optional<String> cspNonce(String page) {
        Matcher m = CSP_NONCE.matcher(page);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The view state of a full page or of an Ajax partial response. */
    public static Optional<String> viewState(String page) {
        Matcher partial = PARTIAL_VIEW_STATE.matcher(page);
        if (partial.find()) {
            return Optional.of(partial.group(1));
        }
        Matcher inputs = INPUT.matcher(page);
        while (inputs.find()) {
            Map<String, String> a = attributes(inputs.group(1));
            if (VIEW_STATE.equals(a.get("name"))) {
                return Optional.ofNullable(a.get("value"));
            }
        }
        return Optional.empty();
    }

    /** Visible text of a fragment: tags removed, entities decoded, white space collapsed. */
    public static String text(String fragment) {
        return decode(TAGS.matcher(fragment).replaceAll(" "))
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** The NHS Number as the pages show it (3-3-4, e.g. "943 476 5919"), from ten digits. */
    public static String nhsNumber334(String digits) {
        String d = digits.replace(" ", "");
        if (!d.matches("[0-9]{10}")) {
            throw new IllegalArgumentException("an NHS Number is ten digits: " + digits);
        }
        return d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
    }

    static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String entity = s.substring(i + 1, semi);
                String replacement =
                        switch (entity) {
                            case "amp" -> "&";
                            case "lt" -> "<";
                            case "gt" -> ">";
                            case "quot" -> "\"";
                            case "apos" -> "'";
                            case "nbsp" -> "\u00a0";
                            default -> numeric(entity);
                        };
                if (replacement != null) {
                    out.append(replacement);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String numeric(String entity) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
            }
            if (entity.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
            }
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
        return null;
    }
}
