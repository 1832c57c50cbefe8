package org.openicr.ws;

import org.openicr.vocabulary.ErrorCode;

/** The contract's fault as XML, for refusals made before Metro reads a message. */
final class Faults {

    private Faults() {}

    static String soapFault(ErrorCode code, String reason, String messageId) {
        return "<?xml version='1.0' encoding='UTF-8'?>"
                + "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><S:Fault>"
                + "<faultcode>S:Client</faultcode><faultstring>" + escape(code.name() + ": " + reason)
                + "</faultstring>"
                + "<detail><IngestionFaultDetail xmlns=\"urn:openicr:ingestion:v1\"><code>" + code.name() + "</code>"
                + "<reason>" + escape(reason) + "</reason>"
                + (messageId == null ? "" : "<messageId>" + escape(messageId) + "</messageId>")
                + "</IngestionFaultDetail></detail></S:Fault></S:Body></S:Envelope>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
