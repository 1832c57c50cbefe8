package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.ingestion.control.hl7.Er7.PID_UK;
import static org.openicr.ingestion.control.hl7.Er7.msh;
import static org.openicr.ingestion.control.hl7.Er7.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openicr.ingestion.control.hl7.Hl7Command.UpsertItem;

/** What any input does: separators, framing, broken headers, garbage. Nothing may throw. */
class Hl7MapperTest {

    private static final Hl7Mapper MAPPER = new Hl7Mapper();

    private static final String PV1 = segment("PV1", 2, "I", 3, "WARD7", 19, "V1", 44, "20240612140000");

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\r\n", "\n\n", "\r\n\r\n"})
    void acceptsEverySegmentSeparator(String separator) {
        String er7 = String.join(separator, msh("ADT^A01", "M1"), PID_UK, PV1) + separator;
        Hl7Mapping mapping = MAPPER.map(er7);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        assertEquals(2, mapping.commands().size());
    }

    @Test
    void acceptsMllpFramingAndAByteOrderMark() {
        String er7 = "\u000b\uFEFF" + String.join("\r", msh("ADT^A01", "M1"), PID_UK, PV1) + "\r\u001c\r";
        assertEquals(Hl7Outcome.MAPPED, MAPPER.map(er7).outcome());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" \r\n ", "garbage", "Hello, this is not HL7", "PID|1||123", "MSH", "MSH|^~"})
    void refusesWhatIsNotAMessage(String text) {
        Hl7Mapping mapping = assertDoesNotThrow(() -> MAPPER.map(text));
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(1, mapping.reasons().size());
        assertNull(mapping.messageType());
        assertTrue(mapping.commands().isEmpty());
    }

    @Test
    void saysWhyTextIsRefused() {
        assertEquals(List.of("the message is empty"), MAPPER.map("").reasons());
        assertEquals(
                List.of("the text is not an HL7 v2 message: it must start with an MSH segment"),
                MAPPER.map("PID|1||123").reasons());
    }

    @Test
    void refusesAStrayLineWithoutQuotingIt() {
        String er7 = String.join("\r", msh("ADT^A01", "M1"), PID_UK, "Jane Smith was admitted", PV1);
        Hl7Mapping mapping = MAPPER.map(er7);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(
                List.of("segment 3 is not an HL7 v2 segment: a segment starts with a three-character name and the"
                        + " field separator"),
                mapping.reasons());
        assertEquals("ADT^A01", mapping.messageType(), "what the header said is kept");
    }

    @Test
    void refusesTwoMessagesInOne() {
        String er7 = String.join("\r", msh("ADT^A01", "M1"), PID_UK, PV1, msh("ADT^A01", "M2"), PID_UK, PV1);
        Hl7Mapping mapping = MAPPER.map(er7);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(List.of("segment 4 starts another message (MSH): send one message at a time"), mapping.reasons());
    }

    @Test
    void refusesAHeaderWithoutMessageType() {
        Hl7Mapping mapping = MAPPER.map("MSH|^~\\&|PAS|RX1|ICR|QXX|20240612143000|||M1|P|2.5.1\r" + PID_UK);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(List.of("MSH-9 message type is missing"), mapping.reasons());
        assertEquals("M1", mapping.controlId());
    }

    @Test
    void refusesAHeaderWithoutTriggerEvent() {
        assertEquals(
                List.of("MSH-9 names no trigger event (e.g. ADT^A01)"),
                MAPPER.map(msh("ADT", "M1") + "\r" + PID_UK).reasons());
    }

    @Test
    void refusesAHeaderWithoutControlId() {
        assertEquals(
                List.of("MSH-10 message control id is missing"),
                MAPPER.map(msh("ADT^A01", "") + "\r" + PID_UK).reasons());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "20241345", "yesterday"})
    void refusesAMessageWithoutUsableTime(String time) {
        Hl7Mapping mapping = MAPPER.map(msh("ADT^A01", "M1", time) + "\r" + PID_UK + "\r" + PV1);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(
                List.of("MSH-7 message date/time is missing or not a valid HL7 date/time: without it newer and"
                        + " older messages cannot be told apart"),
                mapping.reasons());
    }

    @Test
    void messageTimeIsTheVersionOfEveryItem() {
        Hl7Mapping mapping = MAPPER.map(String.join("\r", msh("ADT^A01", "M1", "20240112143000+0100"), PID_UK, PV1));
        Instant time = Instant.parse("2024-01-12T13:30:00Z");
        assertEquals(time, mapping.messageTime());
        assertEquals(
                time.toEpochMilli(),
                mapping.commands(UpsertItem.class).get(0).item().version());
    }

    @Test
    void unusedTypeIsAcknowledgedWithoutBeingRead() {
        // The body of a type the record does not use is never parsed, so its faults do not matter.
        Hl7Mapping mapping = MAPPER.map(msh("OMG^O19^OMG_O19", "M1") + "\rORC|||||\u0000broken");
        assertEquals(Hl7Outcome.NOT_USED, mapping.outcome());
        assertEquals(List.of("message type OMG^O19 is not used by the shared care record"), mapping.reasons());
        assertEquals("OMG^O19", mapping.messageType());
        assertNull(mapping.identity());
    }

    @Test
    void typeIsReadWhateverItsCase() {
        assertEquals(
                "ADT^A01",
                MAPPER.map(String.join("\r", msh("adt^a01", "M1"), PID_UK, PV1)).messageType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.3", "2.4", "2.5", "2.6", "2.7.1", "2.8", "2.9", ""})
    void readsEveryVersion(String version) {
        String header = "MSH|^~\\&|PAS|RX1|ICR|QXX|20240612143000||ADT^A01|M1|P|" + version;
        Hl7Mapping mapping = MAPPER.map(String.join("\r", header, PID_UK, PV1));
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
    }

    @Test
    void readsOtherEncodingCharacters() {
        String er7 = String.join(
                "\r",
                "MSH#*~\\&#PAS#RX1#ICR#QXX#20240612143000##ADT*A01#M1#P#2.5.1",
                "PID###9434765919***NHS*NH##SMITH*JANE##19700101#F",
                "PV1##I#WARD7################V1");
        Hl7Mapping mapping = MAPPER.map(er7);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        assertEquals("9434765919", mapping.identity().nhsNumber().value());
        assertEquals(
                "visit/V1", mapping.commands(UpsertItem.class).get(0).item().sourceKey());
    }

    @Test
    void neverThrowsOnDamagedMessages() throws IOException {
        // Every sample, cut short and with characters dropped at random, must come back as a mapping.
        Random random = new Random(20240612);
        List<String> samples;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/hl7v2"))) {
            samples = files.filter(p -> p.toString().endsWith(".hl7"))
                    .sorted()
                    .map(Hl7MapperTest::read)
                    .toList();
        }
        for (String sample : samples) {
            for (int i = 0; i < 20; i++) {
                StringBuilder damaged = new StringBuilder(sample.substring(0, random.nextInt(sample.length())));
                for (int j = 0; j < 5 && damaged.length() > 0; j++) {
                    damaged.deleteCharAt(random.nextInt(damaged.length()));
                }
                String text = damaged.toString();
                Hl7Mapping mapping = assertDoesNotThrow(() -> MAPPER.map(text));
                assertNotNull(mapping.outcome());
                assertTrue(mapping.outcome() == Hl7Outcome.MAPPED
                        || !mapping.reasons().isEmpty());
            }
        }
    }

    @Test
    void oneMapperServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Hl7Mapping>> futures = IntStream.range(0, 200)
                    .mapToObj(i -> pool.submit(() -> MAPPER.map(
                            String.join("\r", msh("ADT^A01", "M" + i), PID_UK, segment("PV1", 2, "I", 19, "V" + i)))))
                    .toList();
            for (int i = 0; i < futures.size(); i++) {
                Hl7Mapping mapping = futures.get(i).get();
                assertEquals("M" + i, mapping.controlId());
                assertEquals(
                        "visit/V" + i,
                        mapping.commands(UpsertItem.class).get(0).item().sourceKey());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
