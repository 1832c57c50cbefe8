package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.ingestion.control.hl7.Er7.INVALID_NHS_NUMBER;
import static org.openicr.ingestion.control.hl7.Er7.NHS_NUMBER;
import static org.openicr.ingestion.control.hl7.Er7.message;
import static org.openicr.ingestion.control.hl7.Er7.msh;
import static org.openicr.ingestion.control.hl7.Er7.segment;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.vocabulary.NhsNumber;

/**
 * The forms in which feeds send the NHS Number (issue 21, item 5): PID-3 marked by CX-5 NH or a
 * local spelling, CX-4 NHS or the NHS Number's OID; PID-2 as v2.3 feeds send it. The check digit
 * applies to every form. Messages written for this test (the shared samples carry no NHS Number).
 */
class NhsNumberFormsTest {

    private static final Hl7Mapper MAPPER = new Hl7Mapper();

    private static final String PV1 = segment("PV1", 2, "I", 19, "V1");

    private static Hl7Mapping admit(String pid2, String pid3) {
        return MAPPER.map(message(
                msh("ADT^A01^ADT_A01", "MSG-NHS"),
                segment("EVN", 1, "A01", 2, "20260312101500"),
                segment(
                        "PID",
                        2,
                        pid2 == null ? "" : pid2,
                        3,
                        pid3 == null ? "" : pid3,
                        5,
                        "SMITH^JANE",
                        7,
                        "19700101"),
                PV1));
    }

    @ParameterizedTest(name = "PID-2 [{0}] PID-3 [{1}]: NHS Number {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                // PID-3, the standard and the NHS's own form
                "-                                   | 9434765919^^^NHS^NH                               | 9434765919",
                "-                                   | 9434765919^^^^NH                                  | 9434765919",
                "-                                   | 9434765919^^^NHS                                  | 9434765919",
                // PID-3, local spellings of the identifier type
                "-                                   | 9434765919^^^RX1^NHS                              | 9434765919",
                "-                                   | 9434765919^^^^NHSNO                               | 9434765919",
                "-                                   | 9434765919^^^^NHS_NO                              | 9434765919",
                "-                                   | 9434765919^^^^nhs-nbr                             | 9434765919",
                "-                                   | 9434765919^^^^NHSNUM                              | 9434765919",
                "-                                   | 9434765919^^^^NHS Number                          | 9434765919",
                "-                                   | 9434765919^^^^NHSN                                | 9434765919",
                // PID-3, the OID as assigning authority without CX-5 NH
                "-                                   | 9434765919^^^&2.16.840.1.113883.2.1.4.1&ISO       | 9434765919",
                "-                                   | 9434765919^^^NHS&2.16.840.1.113883.2.1.4.1&ISO^MR | 9434765919",
                "-                                   | 9434765919^^^2.16.840.1.113883.2.1.4.1            | 9434765919",
                // not an NHS Number: another type, another OID, a near spelling
                "-                                   | 9434765919^^^RX1^MR                               | -",
                "-                                   | 9434765919^^^&2.16.840.1.113883.2.1.4.2&ISO^MR    | -",
                "-                                   | 9434765919^^^^NHSX                                | -",
                // PID-2 (v2.3): unmarked ten digits, or marked as in PID-3
                "9434765919                          | RX1-1^^^RX1^MR                                    | 9434765919",
                "943 476 5919                        | RX1-1^^^RX1^MR                                    | 9434765919",
                "9434765919^^^NHS^NH                 | RX1-1^^^RX1^MR                                    | 9434765919",
                "9434765919^^^&2.16.840.1.113883.2.1.4.1&ISO | RX1-1^^^RX1^MR                            | 9434765919",
                "9434765919                          | -                                                 | 9434765919",
                // PID-2 with another type or not ten digits: not read
                "9434765919^^^RX1^MR                 | RX1-1^^^RX1^MR                                    | -",
                "1234567^4^M11^test^MR               | RX1-1^^^RX1^MR                                    | -",
                // both: PID-3's comes first
                "9990000018                          | 9434765919^^^NHS^NH                               | 9434765919",
            })
    void theNhsNumberIsFoundInEachForm(String pid2, String pid3, String expected) {
        Hl7Mapping mapping = admit(pid2, pid3);

        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        NhsNumber found = mapping.identity().nhsNumber();
        assertEquals(expected, found == null ? null : found.value(), mapping.reasons()::toString);
    }

    @ParameterizedTest(name = "{0} / {1}: the check digit applies")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "-                          | 9434765918^^^&2.16.840.1.113883.2.1.4.1&ISO | PID-3",
                "-                          | 9434765918^^^^NHSNO                        | PID-3",
                "9434765918                 | RX1-1^^^RX1^MR                             | PID-2",
                "9434765918^^^NHS^NH        | RX1-1^^^RX1^MR                             | PID-2",
            })
    void aNumberFailingTheCheckIsNotUsedAndNotQuoted(String pid2, String pid3, String field) {
        Hl7Mapping mapping = admit(pid2, pid3);

        assertEquals(
                null, mapping.identity() == null ? null : mapping.identity().nhsNumber());
        assertTrue(
                mapping.reasons()
                        .contains(field + " carries an NHS Number that is not 10 digits or fails the Modulus 11"
                                + " check: it is not used"),
                mapping.reasons()::toString);
        assertFalse(String.join(" ", mapping.reasons()).contains(INVALID_NHS_NUMBER), "never quote the number");
    }

    @ParameterizedTest(name = "[{0}] marks an NHS Number: {1}")
    @CsvSource({
        "NH,true",
        "nh,true",
        "NHS,true",
        "NHS Number,true",
        "NHS_NUMBER,true",
        "nhs.no,true",
        "NHSNBR,true",
        "MR,false",
        "NHSX,false",
        "N H S,true",
        "'',false"
    })
    void spellingsOfTheIdentifierType(String spelling, boolean marks) {
        assertEquals(marks, NhsNumberForms.isSpelling(spelling.isEmpty() ? null : spelling));
    }

    @ParameterizedTest(name = "PID-2 {0} and PID-3 {1}")
    @CsvSource(
            delimiter = '|',
            value = {"9990000018 | 9434765919^^^NHS^NH"})
    void differentNumbersInPid2AndPid3AreNoted(String pid2, String pid3) {
        Hl7Mapping mapping = admit(pid2, pid3);

        assertEquals(NhsNumber.of(NHS_NUMBER), mapping.identity().nhsNumber());
        assertEquals(
                List.of("PID-2 and PID-3 carry different NHS Numbers: PID-3's is used"),
                mapping.reasons().stream().filter(r -> r.startsWith("PID-2")).toList());
    }
}
