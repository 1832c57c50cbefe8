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

    @Test
    void aRefusalNamesTheSendersMessageAndGivesAnErrOfErrorSeverity() {
        String ack = Hl7Ack.refusal(
                "MSH|^~\\&|PAS|RX901|ICR|ICB90|202601100900||ADT^A40^ADT_A39|CTRL-9|P|2.5.1\rEVN|A40",
                "AE",
                "SOURCE_NOT_PERMITTED",
                "Source PAS may not merge these records",
                "ICR7",
                Instant.parse("2026-01-10T09:00:01Z"));
        assertEquals(
                "MSH|^~\\&|OPENICR|ICR|PAS|RX901|20260110090001+0000||ACK^A40^ACK|ICR7|P|2.5.1\r"
                        + "MSA|AE|CTRL-9\r"
                        + "ERR|||207^Application internal error^HL70357|E|SOURCE_NOT_PERMITTED^SOURCE_NOT_PERMITTED"
                        + "^99OICR|||Source PAS may not merge these records\r",
                ack);
    }

    @Test
    void garbageIsAnsweredWithAnAckThatNamesNothingOfIt() {
        String ack = Hl7Ack.refusal("this is not HL7", "AR", "HL7_REJECTED", "not HL7", "ICR8", Instant.EPOCH);
        assertEquals(
                "MSH|^~\\&|OPENICR|ICR|||19700101000000+0000||ACK^^ACK|ICR8|P|2.5.1\rMSA|AR|\r"
                        + "ERR|||102^Data type error^HL70357|E|HL7_REJECTED^HL7_REJECTED^99OICR|||not HL7\r",
                ack);
    }

    @ParameterizedTest
    @CsvSource({
        "HL7_REJECTED, 102",
        "INVALID_INPUT, 102",
        "NOT_FOUND, 204",
        "LOCAL_IDENTIFIER_CONFLICT, 205",
        "SOURCE_NOT_PERMITTED, 207",
        "INTERNAL_ERROR, 207"
    })
    void recordCodesMapToTable0357(String code, String hl7) {
        assertEquals(hl7, Hl7Ack.hl7ErrorCode(code).substring(0, 3));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {"a|b; a\\F\\b", "a^b&c~d; a\\S\\b\\T\\c\\R\\d", "back\\slash; back\\E\\slash", "plain; plain"})
    void delimitersAreEscaped(String value, String escaped) {
        assertEquals(escaped, Hl7Ack.escape(value));
    }
}
