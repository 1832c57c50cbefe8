package org.openicr.record.boundary;

import java.io.Serializable;
import java.util.Arrays;
import org.openicr.record.entity.RecordDocument;

/**
 * A document the reader may open, as the in-page viewer serves it: its item, title, content type
 * (one of those the record accepts) and bytes. The bytes are copied in and out.
 */
public record DocumentView(long itemId, String title, String contentType, byte[] data) implements Serializable {

    public DocumentView {
        data = data.clone();
    }

    static DocumentView of(RecordDocument document) {
        return new DocumentView(
                document.itemId(),
                document.title(),
                document.content().contentType(),
                document.content().data());
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentView that
                && itemId == that.itemId
                && java.util.Objects.equals(title, that.title)
                && contentType.equals(that.contentType)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(itemId) * 31 + Arrays.hashCode(data);
    }

    /** Type and size only: the content is clinical text and must not reach a log. */
    @Override
    public String toString() {
        return "DocumentView[item " + itemId + ", " + contentType + ", " + data.length + " bytes]";
    }
}
