package org.openicr.record.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

class DocumentContentTest {

    private static final byte[] LETTER = "Dear Dr Jones".getBytes(StandardCharsets.UTF_8);

    @Test
    void cannotBeChangedAfterItWasMade() {
        byte[] data = LETTER.clone();
        DocumentContent content = new DocumentContent("text/plain", data);
        data[0] = 'X';
        content.data()[1] = 'X';
        assertArrayEquals(LETTER, content.data());
    }

    @Test
    void equalWhenTypeAndBytesAreEqual() {
        assertEquals(new DocumentContent("TEXT/PLAIN ", LETTER), new DocumentContent("text/plain", LETTER.clone()));
        assertEquals(
                new DocumentContent("text/plain", LETTER).hashCode(),
                new DocumentContent("text/plain", LETTER.clone()).hashCode());
        assertNotEquals(new DocumentContent("text/plain", LETTER), new DocumentContent("application/pdf", LETTER));
    }

    @Test
    void printsNoContent() {
        assertEquals("DocumentContent[text/plain, 13 bytes]", new DocumentContent("text/plain", LETTER).toString());
    }

    @Test
    void needsATypeAndContent() {
        IcrException noType = assertThrows(IcrException.class, () -> new DocumentContent("pdf", LETTER));
        assertEquals(ErrorCode.INVALID_INPUT, noType.code());
        assertThrows(IcrException.class, () -> new DocumentContent(null, LETTER));
        assertThrows(IcrException.class, () -> new DocumentContent("text/plain", new byte[0]));
        assertThrows(IcrException.class, () -> new DocumentContent("text/plain", null));
    }
}
