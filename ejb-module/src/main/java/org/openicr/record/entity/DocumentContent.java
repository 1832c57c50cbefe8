package org.openicr.record.entity;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * The body of a document a source sent with a record item: a letter as plain text, a report as
 * PDF. Kept apart from {@link ItemSubmission} because only documents carry one and it can be large.
 * The bytes are copied in and out, so a holder cannot change the document after it was checked.
 */
public record DocumentContent(String contentType, byte[] data) implements Serializable {

    /**
     * What the record accepts: what the in-page viewer can show safely. Anything else (executables,
     * office formats with macros) could harm the workstation of whoever opens it.
     */
    public static final Set<String> CONTENT_TYPES = Set.of("text/plain", "text/html", "application/pdf");

    public DocumentContent {
        if (contentType == null || contentType.isBlank() || !contentType.contains("/")) {
            throw new IcrException(
                    ErrorCode.INVALID_INPUT, "A document needs its content type (e.g. application/pdf).");
        }
        if (data == null || data.length == 0) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "A document needs content.");
        }
        contentType = contentType.strip().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.contains(contentType)) {
            throw new IcrException(
                    ErrorCode.INVALID_INPUT, "Document contentType must be text/plain, text/html or application/pdf.");
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentContent that
                && contentType.equals(that.contentType)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * contentType.hashCode() + Arrays.hashCode(data);
    }

    /** Type and size only: the content is clinical text and must not reach a log. */
    @Override
    public String toString() {
        return "DocumentContent[" + contentType + ", " + data.length + " bytes]";
    }
}
