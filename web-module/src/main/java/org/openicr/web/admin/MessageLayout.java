package org.openicr.web.admin;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A received message laid out for a person to read (pure: no state, no I/O). XML is indented two
 * spaces a level, an element holding only text on one line; it is parsed safely (no DOCTYPE, so no
 * entity of any kind, external or internal; no XInclude). HL7 v2 (ER7 text, alone or in an element
 * such as {@code er7}) is one segment per line, each followed by its non-empty fields numbered as
 * HL7 numbers them ({@code PID-5  SMITH^JOHN}). Anything else, or XML that cannot be parsed, is
 * answered as it came.
 */
public final class MessageLayout {

    private static final Pattern SEGMENT_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern SEGMENT_NAME = Pattern.compile("[A-Z][A-Z0-9]{2}");
    private static final String INDENT = "  ";

    private MessageLayout() {}

    /** The message laid out for reading; null stays null. */
    public static String format(String raw) {
        if (raw == null || raw.isBlank()) {
            return raw;
        }
        String text = raw.strip();
        if (isHl7(text)) {
            return String.join("\n", hl7(text, ""));
        }
        if (text.startsWith("<")) {
            try {
                StringBuilder out = new StringBuilder();
                element(out, parse(text).getDocumentElement(), 0);
                return out.toString().stripTrailing();
            } catch (SAXException | java.io.IOException | ParserConfigurationException notXml) {
                return raw;
            }
        }
        return raw;
    }

    /** Whether the text is an HL7 v2 message in ER7 (it starts with an MSH segment). */
    static boolean isHl7(String text) {
        return text.startsWith("MSH") && text.length() > 8;
    }

    /** The segments one a line, each followed by its non-empty fields (with {@code indent} before every line). */
    static List<String> hl7(String text, String indent) {
        char separator = text.charAt(3);
        List<String> lines = new ArrayList<>();
        for (String segment : SEGMENT_BREAK.split(text.strip())) {
            String s = segment.strip();
            if (s.isEmpty()) {
                continue;
            }
            lines.add(indent + s);
            String[] fields = s.split(Pattern.quote(String.valueOf(separator)), -1);
            String name = fields[0];
            if (!SEGMENT_NAME.matcher(name).matches()) {
                continue;
            }
            // MSH-1 is the field separator itself, so MSH's fields are numbered one higher.
            int offset = name.equals("MSH") ? 1 : 0;
            if (offset == 1) {
                lines.add(indent + INDENT + pad("MSH-1") + separator);
            }
            for (int i = 1; i < fields.length; i++) {
                if (!fields[i].isEmpty()) {
                    lines.add(indent + INDENT + pad(name + "-" + (i + offset)) + fields[i]);
                }
            }
        }
        return lines;
    }

    private static String pad(String label) {
        return String.format("%-8s", label);
    }

    /** Parsed with every route to an entity or another document closed. */
    static Document parse(String xml) throws ParserConfigurationException, SAXException, java.io.IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }
        });
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("No external entity is read.");
        });
        return builder.parse(new InputSource(new StringReader(xml)));
    }

    private static void element(StringBuilder out, Element element, int depth) {
        String indent = INDENT.repeat(depth);
        out.append(indent).append('<').append(element.getNodeName());
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            out.append(' ')
                    .append(a.getNodeName())
                    .append("=\"")
                    .append(escape(a.getNodeValue(), true))
                    .append('"');
        }
        List<Node> children = new ArrayList<>();
        NodeList nodes = element.getChildNodes();
        boolean elements = false;
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                elements = true;
                children.add(n);
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (!n.getNodeValue().isBlank()) {
                    children.add(n);
                }
            } else if (n.getNodeType() == Node.COMMENT_NODE) {
                children.add(n);
            }
        }
        if (children.isEmpty()) {
            out.append("/>\n");
            return;
        }
        if (!elements && children.size() == 1 && children.get(0).getNodeType() != Node.COMMENT_NODE) {
            String text = children.get(0).getNodeValue().strip();
            if (isHl7(text)) {
                out.append(">\n");
                for (String line : hl7(text, INDENT.repeat(depth + 1))) {
                    out.append(escape(line, false)).append('\n');
                }
                out.append(indent).append("</").append(element.getNodeName()).append(">\n");
            } else {
                out.append('>')
                        .append(escape(children.get(0).getNodeValue(), false))
                        .append("</")
                        .append(element.getNodeName())
                        .append(">\n");
            }
            return;
        }
        out.append(">\n");
        for (Node child : children) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> element(out, (Element) child, depth + 1);
                case Node.COMMENT_NODE -> out.append(INDENT.repeat(depth + 1))
                        .append("<!--")
                        .append(child.getNodeValue())
                        .append("-->\n");
                default -> out.append(INDENT.repeat(depth + 1))
                        .append(escape(child.getNodeValue().strip(), false))
                        .append('\n');
            }
        }
        out.append(indent).append("</").append(element.getNodeName()).append(">\n");
    }

    private static String escape(String text, boolean attribute) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append(attribute ? "&quot;" : "\"");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
