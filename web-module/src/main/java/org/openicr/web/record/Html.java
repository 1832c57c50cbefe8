package org.openicr.web.record;

import jakarta.faces.context.ResponseWriter;
import java.io.IOException;

/**
 * A thin, escaping front on the response writer for the record page's components: elements,
 * attributes and text written in Java, once per request, instead of an EL evaluation per cell
 * (docs/decision-log.md, "Session 12: the record page rendered in Java"). Every attribute value and
 * every text goes through {@link ResponseWriter#writeAttribute} / {@link ResponseWriter#writeText},
 * which escape it as Facelets escapes an EL value; nothing is ever written unescaped but the fixed
 * markup of the caller.
 */
final class Html {

    private final ResponseWriter writer;

    Html(ResponseWriter writer) {
        this.writer = writer;
    }

    /** Starts an element; its attributes follow as name, value pairs (a null value is left out). */
    Html open(String element, String... attributes) throws IOException {
        writer.startElement(element, null);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                writer.writeAttribute(attributes[i], attributes[i + 1], null);
            }
        }
        return this;
    }

    Html close(String element) throws IOException {
        writer.endElement(element);
        return this;
    }

    /** Text, escaped; null writes nothing. */
    Html text(Object text) throws IOException {
        if (text != null) {
            writer.writeText(text, null);
        }
        return this;
    }

    /** An element holding only text: {@code <span class="icr-flag">High</span>}. */
    Html element(String element, String cssClass, Object text) throws IOException {
        return open(element, "class", cssClass).text(text).close(element);
    }

    /** A link holding only text. */
    Html link(String cssClass, String href, String text) throws IOException {
        return open("a", "class", cssClass, "href", href).text(text).close("a");
    }
}
