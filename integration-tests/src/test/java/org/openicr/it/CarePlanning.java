package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Care planning items (issue 18) as a GP system posts them over SOAP, for the contract and browser
 * tests: a ReSPECT form, a frailty assessment, a reasonable adjustment, a carer.
 */
final class CarePlanning {

    static final String GP = "sys.riverside-gp";
    static final String GP_PASSWORD = "Source-demo-gp-1";

    private CarePlanning() {}

    static String batch(String messageId, String nhsNumber, String... items) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:icr=\"urn:openicr:ingestion:v1\"><soapenv:Body><icr:ItemBatch><icr:messageId>" + messageId
                + "</icr:messageId><icr:patient><icr:nhsNumber>" + nhsNumber + "</icr:nhsNumber></icr:patient>"
                + String.join("", items) + "</icr:ItemBatch></soapenv:Body></soapenv:Envelope>";
    }

    /** An item; details as name, value pairs. */
    static String item(String category, String key, String effective, String status, String text, String... details) {
        StringBuilder xml = new StringBuilder("<icr:item><icr:category>" + category + "</icr:category><icr:sourceKey>"
                + key + "</icr:sourceKey><icr:version>1</icr:version><icr:effectiveAt>" + effective
                + "T10:00:00Z</icr:effectiveAt>");
        if (status != null) {
            xml.append("<icr:status>").append(status).append("</icr:status>");
        }
        xml.append("<icr:text>").append(text).append("</icr:text>");
        for (int i = 0; i + 1 < details.length; i += 2) {
            xml.append("<icr:detail><icr:name>")
                    .append(details[i])
                    .append("</icr:name><icr:value>")
                    .append(details[i + 1])
                    .append("</icr:value></icr:detail>");
        }
        return xml.append("</icr:item>").toString();
    }

    static Soap.Response submit(String envelope) throws Exception {
        return Soap.post(TestEnvironment.ingestionUrl(), "SubmitItems", envelope, GP, GP_PASSWORD);
    }

    /** Posts a whole care planning story for a person and checks that it was accepted. */
    static void postStory(String nhsNumber) throws Exception {
        Soap.Response r = submit(batch(
                "care-planning-" + nhsNumber + "-" + System.nanoTime(),
                nhsNumber,
                item(
                        "CARE_PLANS",
                        "respect-2024-" + nhsNumber,
                        "2024-05-02",
                        "superseded",
                        "ReSPECT form (first)",
                        "planType",
                        "respect",
                        "cprDecision",
                        "for-cpr"),
                item(
                        "CARE_PLANS",
                        "respect-" + nhsNumber,
                        "2026-03-12",
                        "active",
                        "ReSPECT form: ward-based care, not for intensive care",
                        "planType",
                        "respect",
                        "cprDecision",
                        "not-for-cpr",
                        "formLocation",
                        "With the patient at home (kitchen drawer)",
                        "decidedBy",
                        "Dr A Hart with the patient and her daughter",
                        "reviewDate",
                        "2026-10-12"),
                item(
                        "CARE_PLANS",
                        "frailty-" + nhsNumber,
                        "2026-02-20",
                        "active",
                        "Clinical Frailty Scale",
                        "planType",
                        "frailty",
                        "frailtyScore",
                        "6"),
                item(
                        "ADJUSTMENTS",
                        "ra-bsl-" + nhsNumber,
                        "2025-11-01",
                        "active",
                        "British Sign Language interpreter for every appointment",
                        "adjustmentCategory",
                        "communication"),
                item(
                        "CONTACTS",
                        "carer-" + nhsNumber,
                        "2025-11-01",
                        "active",
                        "Grace Okonjo",
                        "relationship",
                        "Daughter",
                        "caring",
                        "carer",
                        "contactPhone",
                        "07700 900123")));
        assertEquals(200, r.status(), r::toString);
        assertEquals("ACCEPTED", r.element("outcome"), r::toString);
    }
}
