package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.ingestion.control.hl7.Er7.NHS_NUMBER;
import static org.openicr.ingestion.control.hl7.Er7.PID_UK;
import static org.openicr.ingestion.control.hl7.Er7.message;
import static org.openicr.ingestion.control.hl7.Er7.msh;
import static org.openicr.ingestion.control.hl7.Er7.segment;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.ingestion.control.hl7.Hl7Command.ChangeIdentifier;
import org.openicr.ingestion.control.hl7.Hl7Command.MoveVisit;
import org.openicr.vocabulary.NhsNumber;

/** ADT^A47 (change a source's local identifier) and ADT^A45 (move a visit), issue 16. */
class VisitAndIdentifierMappingTest {

    private static final Hl7Mapper MAPPER = new Hl7Mapper();

    /**
     * Which identifier replaces which. Identifiers are written authority:value, several separated by
     * spaces; the expected answer is previous>current, or the start of the refusal.
     */
    @ParameterizedTest(name = "PID-3 [{0}], MRG-1 [{1}] -> {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                // The same assigning authority wins, whatever else PID-3 carries.
                "RX1:NEW; RX1:OLD; RX1:OLD>RX1:NEW",
                "RX2:OTHER RX1:NEW; RX1:OLD; RX1:OLD>RX1:NEW",
                // No identifier of that authority: PID-3's only local identifier.
                "RX2:NEW; RX1:OLD; RX1:OLD>RX2:NEW",
                // Unclear which one replaces MRG-1: refused rather than guessed.
                "RX2:A RX3:B; RX1:OLD; PID-3 holds several",
                "RX1:A RX1:B; RX1:OLD; PID-3 holds several",
                "; RX1:OLD; PID-3 holds no local identifier",
                // MRG-1 must name exactly one local identifier.
                "RX1:NEW; ; MRG-1 holds no local identifier",
                "RX1:NEW; RX1:OLD RX1:OLDER; MRG-1 holds several",
                // The same identifier in both: mapped, the record then changes nothing.
                "RX1:SAME; RX1:SAME; RX1:SAME>RX1:SAME"
            })
    void theIdentifierThatChanges(String now, String before, String expected) {
        String answer;
        try {
            ChangeIdentifier change = AdtMapping.identifierChange(ids(now), ids(before));
            answer = text(change.previous()) + ">" + text(change.current());
        } catch (MessageRejected rejected) {
            answer = rejected.reason();
        }
        assertTrue(answer.equals(expected) || answer.startsWith("ADT^A47 " + expected), answer);
    }

    @Test
    void changeOfIdentifierIsMappedWithoutLinkingTheNewOne() {
        Hl7Mapping mapping = map("ADT^A47^ADT_A30", PID_UK, segment("MRG", 1, "RX1-999^^^RX1^MR"));
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        assertEquals(
                List.of(new ChangeIdentifier(
                        new LocalIdentifier("RX1", "MR", "RX1-999"), new LocalIdentifier("RX1", "MR", "RX1-123456"))),
                mapping.commands());
        // No identity: the processor must check the change before anything links the new identifier.
        assertNull(mapping.identity());
    }

    @Test
    void changeOfIdentifierNeedsTheOldOne() {
        Hl7Mapping mapping = map("ADT^A47", PID_UK);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(
                "ADT^A47 has no MRG segment: the identifier to change is unknown",
                mapping.reasons().get(0));
        Hl7Mapping nhsOnly = map("ADT^A47", PID_UK, segment("MRG", 1, "9990000018^^^NHS^NH"));
        assertEquals(Hl7Outcome.REJECTED, nhsOnly.outcome());
    }

    @Test
    void visitMovesFromTheMrgRecordToThePid() {
        Hl7Mapping mapping = map(
                "ADT^A45^ADT_A45",
                PID_UK,
                segment("MRG", 1, "RX1-999^^^RX1^MR", 5, "V77^^^RX1^VN"),
                segment("PV1", 2, "I", 19, "V77^^^RX1^VN"));
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        MoveVisit move = mapping.commands(MoveVisit.class).get(0);
        assertEquals("visit/V77", move.visitKey());
        assertEquals(NhsNumber.of(NHS_NUMBER), move.to().nhsNumber());
        assertEquals(
                List.of(new LocalIdentifier("RX1", "MR", "RX1-999")),
                move.from().localIdentifiers());
        assertEquals(1, mapping.commands().size(), "a move, not a person update");
    }

    @ParameterizedTest(name = "MRG-5 {0}, PV1-19 {1} -> {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "V1; V1; visit/V1",
                "V1; ; visit/V1",
                "; V2; visit/V2",
                // The visit keeps the number it was recorded under.
                "V1; V2; visit/V1",
                "; ; REJECTED"
            })
    void theVisitThatMoves(String prior, String current, String expected) {
        List<String> segments = new ArrayList<>(List.of(PID_UK, segment("MRG", 1, "RX1-9^^^RX1^MR", 5, blank(prior))));
        segments.add(segment("PV1", 2, "I", 19, blank(current)));
        Hl7Mapping mapping = map("ADT^A45", segments.toArray(String[]::new));
        String answer = mapping.outcome() == Hl7Outcome.MAPPED
                ? mapping.commands(MoveVisit.class).get(0).visitKey()
                : mapping.outcome().name();
        assertEquals(expected, answer, mapping.reasons()::toString);
    }

    @Test
    void anEmptyMrg1MovesTheVisitFromWhoeverHoldsIt() {
        Hl7Mapping mapping = map("ADT^A45", PID_UK, segment("MRG", 5, "V5^^^RX1^VN"));
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        assertNull(mapping.commands(MoveVisit.class).get(0).from());
        assertTrue(mapping.reasons().contains("MRG-1 is empty: the visit moves from the record that holds it"));
    }

    @Test
    void aMoveNeedsTheMrg() {
        Hl7Mapping mapping = map("ADT^A45", PID_UK, segment("PV1", 19, "V5"));
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
    }

    private static String blank(String value) {
        return value == null ? "" : value + "^^^RX1^VN";
    }

    private static List<LocalIdentifier> ids(String text) {
        List<LocalIdentifier> ids = new ArrayList<>();
        if (text != null) {
            for (String id : text.strip().split("\\s+")) {
                String[] parts = id.split(":");
                ids.add(new LocalIdentifier(parts[0], "MR", parts[1]));
            }
        }
        return ids;
    }

    private static String text(LocalIdentifier id) {
        return id.assigningAuthority() + ":" + id.value();
    }

    private static Hl7Mapping map(String type, String... segments) {
        String[] all = new String[segments.length + 1];
        all[0] = msh(type, "MSG1");
        System.arraycopy(segments, 0, all, 1, segments.length);
        return MAPPER.map(message(all));
    }
}
