package org.openicr.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/** An administrator's replay refuses a stored depth bomb unread, as the inbox did, and an oversized message whose body was not kept. */
class RawMessagesLimitsTest {

    @Test
    void aStoredDepthBombIsRefusedUnread() {
        byte[] bomb = XmlShapeTest.nested(200_000).getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        IcrException refused = assertThrows(IcrException.class, () -> RawMessages.payload(bomb));
        assertEquals(ErrorCode.MESSAGE_TOO_COMPLEX, refused.code());
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "refused without parsing");
    }

    @Test
    void anOversizedMessageHasNoBodyToReplay() {
        IcrException refused = assertThrows(IcrException.class, () -> RawMessages.payload(new byte[0]));
        assertEquals(ErrorCode.MESSAGE_TOO_LARGE, refused.code());
    }
}
