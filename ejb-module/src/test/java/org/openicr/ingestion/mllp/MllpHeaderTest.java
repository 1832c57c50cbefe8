package org.openicr.ingestion.mllp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the listener reads of MSH before it knows the sender: MSH-3, MSH-4 (first components), MSH-10. */
class MllpHeaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            nullValues = "-",
            value = {
                "MSH|^~\\&|PAS|RX901|ICR|ICB90|20260110090000||ADT^A28|C1|P|2.5.1 => PAS => RX901 => C1",
                "MSH|^~\\&|PAS^1.2.3^ISO|RX901^^L|ICR|ICB90|20260110090000||ADT^A28|C2|P|2.5.1 => PAS => RX901 => C2",
                "MSH#$~\\&#PAS#RX901#ICR#ICB90#20260110090000##ADT$A28#C3#P#2.5.1 => PAS => RX901 => C3",
                "MSH|^~\\&||RX901|ICR|ICB90|20260110090000||ADT^A28||P|2.5.1 => - => RX901 => -",
                "PID|1||123 => - => - => -",
                "MSH => - => - => -",
            })
    void readsTheSenderAndControlId(String er7, String application, String facility, String controlId) {
        MllpHeader header = MllpHeader.of(er7 + "\rPID|1");
        assertEquals(application, header.sendingApplication());
        assertEquals(facility, header.sendingFacility());
        assertEquals(controlId, header.controlId());
    }
}
