package org.openicr.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A value over its xs:maxLength is named by its path and limit, never quoted. */
class ContractLimitsTest {

    private static final ContractValidation VALIDATION = validation();

    private static ContractValidation validation() {
        try {
            return new ContractValidation(new File("src/main/webapp/WEB-INF/wsdl/ingestion-v1.xsd")
                    .toURI()
                    .toURL());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String batch(String code, String display) {
        String item = "<icr:item><icr:category>MEDICATIONS</icr:category><icr:sourceKey>k</icr:sourceKey>"
                + "<icr:version>1</icr:version><icr:code><icr:system>DMD</icr:system><icr:code>" + code
                + "</icr:code><icr:display>" + display + "</icr:display></icr:code></icr:item>";
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:icr=\"urn:openicr:ingestion:v1\"><soapenv:Body><icr:ItemBatch><icr:messageId>m</icr:messageId>"
                + "<icr:patient><icr:nhsNumber>9990000018</icr:nhsNumber></icr:patient>" + item + "\n" + item
                + "</icr:ItemBatch></soapenv:Body></soapenv:Envelope>";
    }

    private static ContractValidation.Problem check(String xml) {
        return VALIDATION.problem(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidBatchPasses() {
        assertNull(check(batch("x".repeat(40), "d".repeat(500))));
    }

    @Test
    void anOverlongCodeIsNamedWithItsLimit() {
        String xml =
                batch("x".repeat(40), "d").replaceFirst("(?s)(.*)<icr:code>x{40}", "$1<icr:code>" + "y".repeat(41));
        ContractValidation.Problem problem = check(xml);
        // An item's length is answered by the processor (on its own in a partial batch, issue 21).
        assertTrue(problem.itemsOnly(), problem::toString);
        assertEquals(
                java.util.Map.of(
                        1, "ItemBatch/item[2]/code/code is longer than its limit of 40 characters (it has 41)."),
                problem.itemFaults());
    }

    @Test
    void aTooLongValueOutsideTheItemsStillRefusesTheMessage() {
        ContractValidation.Problem problem =
                check(batch("c", "d").replace("<icr:messageId>m<", "<icr:messageId>" + "m".repeat(101) + "<"));
        assertTrue(problem.tooLong() && !problem.itemsOnly(), problem::toString);
        assertEquals(
                "messageId is longer than its limit of 100 characters (it has 101).",
                problem.reason().replaceFirst("^ItemBatch/", ""));
    }

    @Test
    void anItemsLengthThenAnotherSchemaProblemIsAnsweredWithTheFirstAsBefore() {
        String xml = batch("y".repeat(41), "d").replaceFirst("(?s)(.*)<icr:version>1</icr:version>", "$1<icr:x/>");
        ContractValidation.Problem problem = check(xml);
        assertTrue(problem.tooLong() && !problem.itemsOnly(), problem::toString);
        assertEquals(
                "ItemBatch/item[1]/code/code is longer than its limit of 40 characters (it has 41).", problem.reason());
    }

    @Test
    void anOverlongDisplayIsNamedWithItsLimit() {
        ContractValidation.Problem problem = check(batch("c", "d".repeat(501)));
        assertTrue(problem.itemsOnly(), problem::toString);
        assertEquals(
                "ItemBatch/item[1]/code/display is longer than its limit of 500 characters (it has 501).",
                problem.itemFaults().get(0));
        assertEquals(
                "ItemBatch/item[2]/code/display is longer than its limit of 500 characters (it has 501).",
                problem.itemFaults().get(1));
        assertTrue(!problem.itemFaults().toString().contains("ddd"), "the value is not quoted");
    }

    @Test
    void otherProblemsStaySchemaProblems() {
        ContractValidation.Problem problem = check(batch("c", "d").replace("<icr:version>1</icr:version>", "<icr:x/>"));
        assertTrue(!problem.tooLong(), problem.reason());
    }
}
