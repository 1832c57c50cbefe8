package org.openicr.record.entity;

import java.util.Objects;
import java.util.Set;
import org.openicr.platform.ErrorCode;
import org.openicr.platform.IcrException;

/** The content of a document item: text or PDF, as the source sent it. */
public record DocumentContent(String contentType, byte[] data) {

    /** What the in-page viewer can show safely. */
    public static final Set<String> CONTENT_TYPES = Set.of("text/plain", "text/html", "application/pdf");

    public DocumentContent {
        Objects.requireNonNull(data, "Document data is required.");
        contentType = contentType == null ? null : contentType.strip().toLowerCase();
        if (!CONTENT_TYPES.contains(contentType)) {
            throw new IcrException(
                    ErrorCode.INVALID_INPUT, "Document contentType must be one of " + CONTENT_TYPES + ".");
        }
        if (data.length == 0) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Document data is empty.");
        }
    }
}
