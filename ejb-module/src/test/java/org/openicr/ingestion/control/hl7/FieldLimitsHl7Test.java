package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.ingestion.control.hl7.Er7.NHS_NUMBER;
import static org.openicr.ingestion.control.hl7.Er7.message;
import static org.openicr.ingestion.control.hl7.Er7.msh;
import static org.openicr.ingestion.control.hl7.Er7.segment;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An HL7 field longer than the column it is stored in rejects the message, naming the field and its limit. */
class FieldLimitsHl7Test {

    private static final Hl7Mapper MAPPER = new Hl7Mapper();

    private static String pid(String name, String address, String phone) {
        return segment("PID", 3, NHS_NUMBER + "^^^NHS^NH", 5, name, 7, "19800229", 8, "F", 11, address, 13, phone);
    }

    static Stream<Arguments> table() {
        String ok = "SMITH^ANN^^^MS";
        return Stream.of(
                Arguments.of("A31", pid("Y".repeat(201) + "^ANN", "", ""), "PID-5.1 family name", 200),
                Arguments.of("A31", pid("SMITH^" + "G".repeat(201), "", ""), "PID-5.2 and PID-5.3 given names", 200),
                Arguments.of("A31", pid("SMITH^ANN^^^" + "T".repeat(41), "", ""), "PID-5.5 title", 40),
                Arguments.of("A08", pid(ok, "^^^^" + "P".repeat(11), ""), "PID-11.5 postcode", 10),
                Arguments.of(
                        "A31",
                        pid(ok, "A".repeat(200) + "^" + "B".repeat(200) + "^" + "C".repeat(100), ""),
                        "PID-11 address",
                        500),
                Arguments.of("A08", pid(ok, "", "0".repeat(41)), "PID-13 phone", 40));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("table")
    void aFieldOverItsColumnRejectsTheMessage(String event, String pid, String field, int max) {
        Hl7Mapping mapping = MAPPER.map(message(msh("ADT^" + event, "C1"), pid, segment("PV1", 2, "N")));
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome(), mapping.reasons()::toString);
        assertTrue(
                mapping.reasons().stream()
                        .anyMatch(r -> r.startsWith(field + " is longer than its limit of " + max + " characters")),
                mapping.reasons()::toString);
    }
}
