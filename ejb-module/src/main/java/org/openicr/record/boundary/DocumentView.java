package org.openicr.record.boundary;

import java.io.Serializable;
import org.openicr.record.entity.DocumentContent;

/** A document the reader may open: its item and its content, as the in-page viewer serves it. */
public record DocumentView(long itemId, String title, DocumentContent content) implements Serializable {

    @Override
    public String toString() {
        return "DocumentView[item " + itemId + ", " + content + "]";
    }
}
