package org.openicr.tools.load;

import java.util.List;
import java.util.Map;

/**
 * Builds the SOAP 1.1 envelopes of the ingestion contract (ingestion-v1.xsd) as text, the way a
 * source system's interface engine would post them. Element order follows the schema's sequences:
 * The service validates every request, so an element out of order is a SCHEMA_INVALID fault.
 */
public final class Envelopes {

    public static final String SUBMIT_DEMOGRAPHICS = "\"urn:openicr:ingestion:v1:SubmitDemographics\"";
    public static final String SUBMIT_ITEMS = "\"urn:openicr:ingestion:v1:SubmitItems\"";

    private static final String OPEN = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:icr=\"urn:openicr:ingestion:v1\"><soapenv:Body>";
    private static final String CLOSE = "</soapenv:Body></soapenv:Envelope>";

    private Envelopes() {}

    /** A synthetic person as SubmitDemographics carries it. */
    public record Person(
            String nhsNumber,
            String title,
            String givenNames,
            String familyName,
            String dateOfBirth,
            String gender,
            List<String> addressLines,
            String postcode,
            String gpPracticeOds) {}

    /** One record item; code may be null (then text is required by the service). */
    public record Item(
            String category,
            String sourceKey,
            long version,
            String effectiveAt,
            String status,
            String codeSystem,
            String code,
            String display,
            String text,
            Map<String, String> details) {}

    public static String demographics(String messageId, Person p) {
        StringBuilder xml = new StringBuilder(800).append(OPEN).append("<icr:DemographicsSubmission>");
        element(xml, "messageId", messageId);
        xml.append("<icr:person>");
        element(xml, "nhsNumber", p.nhsNumber());
        if (p.title() != null) {
            element(xml, "title", p.title());
        }
        element(xml, "givenNames", p.givenNames());
        element(xml, "familyName", p.familyName());
        element(xml, "dateOfBirth", p.dateOfBirth());
        element(xml, "gender", p.gender());
        xml.append("<icr:address>");
        for (String line : p.addressLines()) {
            element(xml, "line", line);
        }
        element(xml, "postcode", p.postcode());
        xml.append("</icr:address>");
        element(xml, "gpPracticeOds", p.gpPracticeOds());
        xml.append("</icr:person></icr:DemographicsSubmission>").append(CLOSE);
        return xml.toString();
    }

    public static String itemBatch(String messageId, String nhsNumber, List<Item> items) {
        StringBuilder xml =
                new StringBuilder(300 + 700 * items.size()).append(OPEN).append("<icr:ItemBatch>");
        element(xml, "messageId", messageId);
        xml.append("<icr:patient>");
        element(xml, "nhsNumber", nhsNumber);
        xml.append("</icr:patient>");
        for (Item item : items) {
            xml.append("<icr:item>");
            element(xml, "category", item.category());
            element(xml, "sourceKey", item.sourceKey());
            element(xml, "version", Long.toString(item.version()));
            if (item.effectiveAt() != null) {
                element(xml, "effectiveAt", item.effectiveAt());
                element(xml, "recordedAt", item.effectiveAt());
            }
            if (item.status() != null) {
                element(xml, "status", item.status());
            }
            if (item.code() != null) {
                xml.append("<icr:code>");
                element(xml, "system", item.codeSystem());
                element(xml, "code", item.code());
                if (item.display() != null) {
                    element(xml, "display", item.display());
                }
                xml.append("</icr:code>");
            }
            if (item.text() != null) {
                element(xml, "text", item.text());
            }
            for (Map.Entry<String, String> detail : item.details().entrySet()) {
                xml.append("<icr:detail>");
                element(xml, "name", detail.getKey());
                element(xml, "value", detail.getValue());
                xml.append("</icr:detail>");
            }
            xml.append("</icr:item>");
        }
        xml.append("</icr:ItemBatch>").append(CLOSE);
        return xml.toString();
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append("<icr:").append(name).append('>');
        escape(xml, value);
        xml.append("</icr:").append(name).append('>');
    }

    /** Escapes text content (and attribute values) for XML 1.0. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(out, text);
        return out.toString();
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // Control characters other than tab, CR and LF cannot appear in XML 1.0 at all.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        throw new IllegalArgumentException("control character U+" + Integer.toHexString(c));
                    }
                    out.append(c);
                }
            }
        }
    }
}
