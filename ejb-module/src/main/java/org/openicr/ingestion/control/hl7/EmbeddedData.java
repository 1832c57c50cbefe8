package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.component;

import ca.uhn.hl7v2.model.Type;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openicr.record.entity.DocumentContent;

/**
 * A document carried in an ED value (OBX-5 of type ED: source^type^subtype^encoding^data), such as a
 * PDF letter in Base64. Senders name the type either with HL7 table 0191 codes (AP, IM, TEXT) or
 * with MIME names (application, pdf); both give a MIME content type.
 */
final class EmbeddedData {

    private static final Set<String> MIME_TYPES =
            Set.of("application", "audio", "image", "message", "model", "multipart", "text", "video");

    private EmbeddedData() {}

    /**
     * The document, or empty when the value carries no data. Data that cannot be decoded throws
     * {@link IllegalArgumentException} with a reason free of the data itself.
     */
    static Optional<DocumentContent> decode(Type ed) {
        String data = component(ed, 4);
        if (data == null) {
            return Optional.empty();
        }
        String encoding = component(ed, 3);
        byte[] bytes = bytes(encoding == null ? "A" : encoding.toUpperCase(Locale.ROOT), data);
        if (bytes.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new DocumentContent(contentType(component(ed, 1), component(ed, 2)), bytes));
    }

    private static byte[] bytes(String encoding, String data) {
        return switch (encoding) {
            case "BASE64", "B64" -> {
                try {
                    yield Base64.getDecoder().decode(data.replaceAll("\\s", ""));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the embedded data is not valid Base64");
                }
            }
            case "HEX" -> {
                try {
                    yield HexFormat.of().parseHex(data.replaceAll("\\s", ""));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the embedded data is not valid hexadecimal");
                }
            }
            case "A", "NONE", "ASCII" -> data.getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(
                    "the embedded data has an encoding the record does not read (ED-4 must be Base64, Hex or A)");
        };
    }

    static String contentType(String type, String subtype) {
        String main = type == null ? null : type.strip().toLowerCase(Locale.ROOT);
        String sub = subtype == null ? null : subtype.strip().toLowerCase(Locale.ROOT);
        if (main != null) {
            main = switch (main) {
                case "ap" -> "application";
                case "im" -> "image";
                case "au" -> "audio";
                case "tx", "text" -> "text";
                default -> main;
            };
        }
        if (sub != null && sub.contains("/")) {
            return sub;
        }
        if (main == null || !MIME_TYPES.contains(main)) {
            if ("pdf".equals(sub)) {
                return "application/pdf";
            }
            return "application/octet-stream";
        }
        if (sub == null) {
            return main.equals("text") ? "text/plain" : main + "/octet-stream";
        }
        return main + "/" + sub;
    }
}
