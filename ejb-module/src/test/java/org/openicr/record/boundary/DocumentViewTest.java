package org.openicr.record.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openicr.record.entity.DocumentContent;
import org.openicr.record.entity.RecordDocument;

/** The document the web module serves: the entity's content, copied, and never printed. */
class DocumentViewTest {

    private static final byte[] LETTER = "Dear Dr Hart, seen in clinic".getBytes(StandardCharsets.UTF_8);

    @Test
    void itCarriesTheContentTypeAndBytesOfTheStoredDocument() {
        DocumentView view =
                DocumentView.of(new RecordDocument(7, "Clinic letter", new DocumentContent("TEXT/PLAIN ", LETTER)));
        assertEquals(7, view.itemId());
        assertEquals("Clinic letter", view.title());
        assertEquals("text/plain", view.contentType());
        assertArrayEquals(LETTER, view.data());
    }

    @Test
    void itsBytesCannotBeChangedByAHolder() {
        byte[] data = LETTER.clone();
        DocumentView view = new DocumentView(7, "Clinic letter", "text/plain", data);
        data[0] = 'X';
        view.data()[1] = 'X';
        assertArrayEquals(LETTER, view.data());
    }

    @Test
    void itsTextNeverShowsTheContent() {
        String text = new DocumentView(7, "Clinic letter", "text/plain", LETTER).toString();
        assertEquals("DocumentView[item 7, text/plain, 28 bytes]", text);
        assertFalse(text.contains("Dear"));
    }
}
