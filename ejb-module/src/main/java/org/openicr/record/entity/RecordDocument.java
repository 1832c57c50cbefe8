package org.openicr.record.entity;

import java.io.Serializable;

/** A document a reader may open, as the scoped document read returns it: its item, title and content. */
public record RecordDocument(long itemId, String title, DocumentContent content) implements Serializable {

    /** The item and the content's type and size only: the content is clinical text and must not reach a log. */
    @Override
    public String toString() {
        return "RecordDocument[item " + itemId + ", " + content + "]";
    }
}
