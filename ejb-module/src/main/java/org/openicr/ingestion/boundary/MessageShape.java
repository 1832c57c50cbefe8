package org.openicr.ingestion.boundary;

import org.openicr.ingestion.control.XmlShape;
import org.openicr.vocabulary.ErrorCode;

/**
 * The SOAP inbox's check of a message's shape before any XML parser sees it ({@link XmlShape}: depth,
 * attributes, names, encoding, no DOCTYPE or ENTITY declaration), as the web layer's filter needs it.
 */
public final class MessageShape {

    /** Why a message was refused: the error code of its fault and a readable reason. */
    public record Refusal(ErrorCode code, String reason) {}

    private MessageShape() {}

    /** The refusal of a message whose shape fails the check; null when it passes. */
    public static Refusal refusal(byte[] body) {
        XmlShape.Result shape = XmlShape.check(body);
        return shape.verdict() == XmlShape.Verdict.OK
                ? null
                : new Refusal(XmlShape.code(shape.verdict()), shape.reason());
    }

    /** Whether the message has a DOCTYPE or ENTITY declaration, in any case and in UTF-8 or UTF-16. */
    public static boolean hasDeclaration(byte[] body) {
        return XmlShape.check(body).verdict() == XmlShape.Verdict.DECLARATION;
    }
}
