package org.openicr.ws;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContractValidationTest {

    private static final ContractValidation VALIDATION = validation();

    private static final String OPEN = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:icr=\"urn:openicr:ingestion:v1\">";

    private static String batch(String item) {
        return OPEN + "<soapenv:Header/><soapenv:Body><icr:ItemBatch><icr:messageId>m-1</icr:messageId>"
                + "<icr:patient><icr:nhsNumber>9990000018</icr:nhsNumber></icr:patient>" + item
                + "</icr:ItemBatch></soapenv:Body></soapenv:Envelope>";
    }

    private static final String ITEM =
            "<icr:item><icr:category>PROBLEMS</icr:category><icr:sourceKey>k-1</icr:sourceKey>"
                    + "<icr:version>1</icr:version><icr:text>Asthma</icr:text></icr:item>";

    @Test
    void aValidBatchPasses() {
        assertNull(VALIDATION.problem(bytes(batch(ITEM))));
        // the validator is reused on the same thread: a second message is checked afresh
        assertNull(VALIDATION.problem(bytes(batch(ITEM + ITEM.replace("k-1", "k-2")))));
    }

    @Test
    void envelopeAttributesOfOlderToolkitsAreAccepted() {
        String encoded = batch(ITEM)
                .replace(
                        "<soapenv:Body>",
                        "<soapenv:Body soapenv:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\">");
        assertNull(VALIDATION.problem(bytes(encoded)));
    }

    @Test
    void anElementOutOfOrderIsNamed() {
        String swapped = "<icr:item><icr:sourceKey>k-1</icr:sourceKey><icr:category>PROBLEMS</icr:category>"
                + "<icr:version>1</icr:version><icr:text>Asthma</icr:text></icr:item>";
        String problem = VALIDATION.problem(bytes(batch(swapped))).reason();
        assertNotNull(problem);
        assertTrue(problem.contains("sourceKey"), problem);
        assertNull(VALIDATION.problem(bytes(batch(ITEM))), "a refusal leaves the validator usable");
    }

    @Test
    void aBadValueIsRefused() {
        assertNotNull(VALIDATION.problem(bytes(batch(ITEM.replace("<icr:version>1<", "<icr:version>one<")))));
    }

    @Test
    void theBodyMustHoldOneElementOfTheContract() {
        assertNotNull(VALIDATION.problem(bytes(OPEN + "<soapenv:Body/></soapenv:Envelope>")));
        assertNotNull(VALIDATION.problem(
                bytes(OPEN + "<soapenv:Body><other xmlns=\"urn:x\"/></soapenv:Body></soapenv:Envelope>")));
        assertNotNull(VALIDATION.problem(bytes("<icr:ItemBatch xmlns:icr=\"urn:openicr:ingestion:v1\"/>")));
    }

    @Test
    void malformedXmlIsRefused() {
        assertNotNull(VALIDATION.problem(bytes(OPEN + "<soapenv:Body>")));
        assertNotNull(VALIDATION.problem(new byte[0]));
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static ContractValidation validation() {
        try {
            return new ContractValidation(Path.of("src/main/webapp/WEB-INF/wsdl/ingestion-v1.xsd")
                    .toUri()
                    .toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
