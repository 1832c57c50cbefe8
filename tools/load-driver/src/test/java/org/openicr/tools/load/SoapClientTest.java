package org.openicr.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoapClientTest {

    @Test
    void anAcknowledgementIsHttp200WithItsOutcome() {
        String ack = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
                + "<ns2:ItemBatchAcknowledgement xmlns:ns2=\"urn:openicr:ingestion:v1\"><ns2:messageId>m</ns2:messageId>"
                + "<ns2:outcome>ACCEPTED</ns2:outcome><ns2:personReference>7</ns2:personReference>"
                + "<ns2:itemOutcome><ns2:sourceKey>k</ns2:sourceKey><ns2:outcome>CREATED</ns2:outcome>"
                + "</ns2:itemOutcome></ns2:ItemBatchAcknowledgement></S:Body></S:Envelope>";
        assertEquals(new SoapClient.Answer(SoapClient.Kind.ACK, "ACCEPTED"), SoapClient.classify(200, ack));
    }

    @Test
    void anElementsTextIsFoundWithOrWithoutAPrefixAndNeverFromAClosingOrLongerName() {
        assertEquals("A", SoapClient.firstElementText("<r><outcome>A</outcome></r>", "outcome"));
        assertEquals("B", SoapClient.firstElementText("<r><x:outcome>B</x:outcome></r>", "outcome"));
        assertEquals(
                "C",
                SoapClient.firstElementText("<r><itemOutcome>no</itemOutcome><outcome>C</outcome></r>", "outcome"));
        assertEquals(
                "D",
                SoapClient.firstElementText("<r><x:myoutcome>no</x:myoutcome><outcome>D</outcome></r>", "outcome"));
        assertEquals(null, SoapClient.firstElementText("<r>outcome> </x:outcome></r>", "outcome"));
        assertEquals(null, SoapClient.firstElementText("<r><other>A</other></r>", "outcome"));
    }

    @Test
    void aFaultIsSortedByItsStableCode() {
        String fault = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><S:Fault>"
                + "<faultcode>S:Server</faultcode><faultstring>INVALID_INPUT: x</faultstring><detail>"
                + "<IngestionFaultDetail xmlns=\"urn:openicr:ingestion:v1\"><code>INVALID_INPUT</code>"
                + "<reason>x</reason></IngestionFaultDetail></detail></S:Fault></S:Body></S:Envelope>";
        assertEquals(new SoapClient.Answer(SoapClient.Kind.FAULT, "INVALID_INPUT"), SoapClient.classify(500, fault));
        assertEquals(new SoapClient.Answer(SoapClient.Kind.FAULT, "HTTP_500"), SoapClient.classify(500, "oops"));
    }

    @Test
    void anythingElseIsAnErrorNamedByStatus() {
        assertEquals(new SoapClient.Answer(SoapClient.Kind.ERROR, "HTTP_401"), SoapClient.classify(401, ""));
        assertEquals(
                new SoapClient.Answer(SoapClient.Kind.ERROR, "HTTP_200_WITHOUT_ACK"),
                SoapClient.classify(200, "<html>hello</html>"));
    }
}
