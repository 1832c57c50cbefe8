package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Hl7AckTest {

    @Test
    void anAcceptedMessageWithAnItemNotAppliedGetsAnErrOfWarningSeverity() {
        String ack = Hl7Ack.er7(
                "PAS",
                "RX901",
                "SIU^S17",
                "CTRL-1",
                "AA",
                "ICR42",
                Instant.parse("2026-01-10T09:00:01Z"),
                List.of(new Hl7Ack.Warning("appointment/A1", "IGNORED_OLDER_VERSION", "not applied: newer")));
        assertEquals(
                "MSH|^~\\&|OPENICR|ICR|PAS|RX901|20260110090001+0000||ACK^S17^ACK|ICR42|P|2.5.1\r"
                        + "MSA|AA|CTRL-1\r"
                        + "ERR|||0^Message accepted^HL70357|W|IGNORED_OLDER_VERSION^IGNORED_OLDER_VERSION^99OICR"
                        + "|appointment/A1||not applied: newer\r",
                ack);
    }

    @Test
    void everythingAppliedGivesNoErr() {
        String ack = Hl7Ack.er7(null, null, null, "C", "AA", "ICR1", Instant.EPOCH, List.of());
        assertEquals("MSH|^~\\&|OPENICR|ICR|||19700101000000+0000||ACK^^ACK|ICR1|P|2.5.1\rMSA|AA|C\r", ack);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {"a|b; a\\F\\b", "a^b&c~d; a\\S\\b\\T\\c\\R\\d", "back\\slash; back\\E\\slash", "plain; plain"})
    void delimitersAreEscaped(String value, String escaped) {
        assertEquals(escaped, Hl7Ack.escape(value));
    }
}
