package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.llp.HL7Reader;
import ca.uhn.hl7v2.llp.HL7Writer;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.net.Socket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box: HL7 v2 over MLLP (issue 21, item 7). Real MLLP frames (HAPI's own framing) over a TCP
 * socket to the deployed server's listener; every ACK parsed with HAPI. The test server's senders
 * (integration-tests/pom.xml, OPENICR_MLLP_SENDERS): PAS^RX901 as the demo PAS from this machine,
 * GP^Y90001 allowed only from 192.0.2.10, OLD^RX901 set to send as a source that is not registered.
 */
@ExtendWith(ArquillianExtension.class)
class MllpIngestionIT {

    private static final HapiContext HAPI = new DefaultHapiContext(new CanonicalModelClassFactory("2.8"));

    static {
        HAPI.setValidationContext(ValidationContextFactory.noValidation());
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void directory() throws Exception {
        TestEnvironment.seedDirectory();
    }

    static int port() {
        return Integer.parseInt(System.getProperty("icr.mllp.port.base", "29000")) + 75;
    }

    /** Sends each message in order on one connection, framed by HAPI; answers each ACK's text. */
    static String[] send(String... messages) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(60_000);
            MinLowerLayerProtocol llp = new MinLowerLayerProtocol();
            HL7Writer writer = llp.getWriter(socket.getOutputStream());
            HL7Reader reader = llp.getReader(socket.getInputStream());
            String[] acks = new String[messages.length];
            for (int i = 0; i < messages.length; i++) {
                writer.writeMessage(messages[i]);
                acks[i] = reader.getMessage();
            }
            return acks;
        }
    }

    record Ack(String code, String controlId, String errorCode, String reason, String text) {}

    static Ack parse(String ack) throws Exception {
        Message message = HAPI.getGenericParser().parse(ack);
        Terser terser = new Terser(message);
        boolean err = ack.contains("\rERR|");
        return new Ack(
                terser.get("/MSA-1"),
                terser.get("/MSA-2"),
                err ? terser.get("/ERR-5-1") : null,
                err ? terser.get("/ERR-8") : null,
                ack);
    }

    static String a28(String sender, String controlId, String nhsNumber) {
        String msh = Hl7IngestionSoapIT.msh("ADT^A28^ADT_A05", controlId);
        if (sender != null) {
            msh = msh.replace("|PAS|RX901|", "|" + sender + "|");
        }
        return msh + "\r" + "EVN|A28\r" + Hl7IngestionSoapIT.pid(nhsNumber, "M" + controlId, "MLLPTEST") + "\r";
    }

    @Test
    void anA28IsAcceptedStoredByTheMllpDoorAndAReplayIsAnsweredAsBeforeWithoutAChange() throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        String control = "MLLP-" + Hl7IngestionSoapIT.unique();
        String message = a28(null, control, nhs);
        String[] acks = send(message, message);
        Ack first = parse(acks[0]);
        assertEquals("AA", first.code(), acks[0]);
        assertEquals(control, first.controlId(), acks[0]);
        assertEquals(
                1,
                TestEnvironment.count("select count(*) from person where nhs_number = ?", nhs),
                "the person the A28 registered");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from inbound_message m join source_system s on s.id = m.source_system_id"
                                + " where m.message_id = ? and m.door = 'MLLP' and m.status = 'ACCEPTED'"
                                + " and m.operation = 'SubmitHl7' and s.code = 'avonvale-pas'"
                                + " and m.account_username = 'sys.avonvale-pas'",
                        control),
                "stored once, raw, as the PAS's, by the MLLP door");
        assertTrue(
                TestEnvironment.count(
                                "select count(*) from inbound_message where message_id = ? and door = 'MLLP'"
                                        + " and convert_from(raw, 'UTF8') like 'MSH|%'",
                                control)
                        >= 1,
                "the raw HL7 v2 text is kept");
        Ack again = parse(acks[1]);
        assertEquals("AA", again.code(), acks[1]);
        assertEquals(control, again.controlId(), acks[1]);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from inbound_message where message_id = ? and status <> 'DUPLICATE'", control),
                "the replay is not processed again");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from inbound_message where message_id = ? and status = 'DUPLICATE'", control),
                "the replay is kept as a duplicate of the first");
        assertEquals(1, TestEnvironment.count("select count(*) from person where nhs_number = ?", nhs));
    }

    @Test
    void theSameMessageIdOverSoapAndMllpIsOneMessage() throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        String control = "BOTH-" + Hl7IngestionSoapIT.unique();
        String message = a28(null, control, nhs);
        Soap.Response soap = Hl7IngestionSoapIT.post(null, message);
        assertEquals("AA", soap.element("acknowledgementCode"), soap::toString);
        Ack mllp = parse(send(message)[0]);
        assertEquals("AA", mllp.code(), mllp::text);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from inbound_message where message_id = ? and status <> 'DUPLICATE'",
                        control));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from inbound_message where message_id = ? and status = 'DUPLICATE'"
                                + " and door = 'MLLP'",
                        control));
    }

    @Test
    void aMessageThatCannotBeUsedIsAnsweredArWithItsReasonAndKept() throws Exception {
        String control = "BAD-" + Hl7IngestionSoapIT.unique();
        // An A28 without its PID: refused by the same HL7 v2 rules as over SOAP.
        String message = Hl7IngestionSoapIT.msh("ADT^A28^ADT_A05", control) + "\rEVN|A28\r";
        Ack ack = parse(send(message)[0]);
        assertEquals("AR", ack.code(), ack.text());
        assertEquals(control, ack.controlId(), ack.text());
        assertEquals("HL7_REJECTED", ack.errorCode(), ack.text());
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from inbound_message where message_id = ? and door = 'MLLP'"
                                + " and status = 'REJECTED' and error_code = 'HL7_REJECTED'",
                        control));
    }

    @Test
    void anUnknownSenderIsRefusedArKeptAndAudited() throws Exception {
        String control = "UNK-" + Hl7IngestionSoapIT.unique();
        Ack ack = parse(send(a28("ELSEWHERE|ZZ999", control, TestEnvironment.freshNhsNumber()))[0]);
        assertEquals("AR", ack.code(), ack.text());
        assertEquals("UNKNOWN_SOURCE", ack.errorCode(), ack.text());
        assertTrue(String.valueOf(ack.reason()).contains("ELSEWHERE^ZZ999"), ack.text());
        assertRefusedAndAudited(control, "UNKNOWN_SOURCE");
    }

    @Test
    void aSenderFromAnAddressNotAllowedIsRefused() throws Exception {
        String control = "ADDR-" + Hl7IngestionSoapIT.unique();
        String nhs = TestEnvironment.freshNhsNumber();
        Ack ack = parse(send(a28("GP|Y90001", control, nhs))[0]);
        assertEquals("AR", ack.code(), ack.text());
        assertEquals("NOT_PERMITTED", ack.errorCode(), ack.text());
        assertTrue(String.valueOf(ack.reason()).contains("from address 127.0.0.1"), ack.text());
        assertRefusedAndAudited(control, "NOT_PERMITTED");
        assertEquals(0, TestEnvironment.count("select count(*) from person where nhs_number = ?", nhs));
    }

    @Test
    void aSenderSetToSendAsAnUnregisteredSourceIsRefused() throws Exception {
        String control = "OLD-" + Hl7IngestionSoapIT.unique();
        Ack ack = parse(send(a28("OLD|RX901", control, TestEnvironment.freshNhsNumber()))[0]);
        assertEquals("AR", ack.code(), ack.text());
        assertTrue(String.valueOf(ack.reason()).contains("retired-pas"), ack.text());
        assertRefusedAndAudited(control, "UNKNOWN_SOURCE");
    }

    /** Kept raw under no source (it may not take up a source's message id) and audited as denied. */
    private static void assertRefusedAndAudited(String control, String code) throws Exception {
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from inbound_message where message_id = ? and door = 'MLLP'"
                                + " and status = 'REJECTED' and error_code = ? and source_system_id is null"
                                + " and account_username = 'mllp:unresolved' and length(raw) > 0",
                        control,
                        code));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'MESSAGE_INGESTED' and outcome = 'DENIED'"
                                + " and username = 'mllp:unresolved' and detail like ?",
                        "SubmitHl7 " + control + " (inbox %): " + code + " over MLLP: %"));
    }
}
