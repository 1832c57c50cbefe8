package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.it.Hl7IngestionSoapIT.msh;
import static org.openicr.it.Hl7IngestionSoapIT.segment;
import static org.openicr.it.Hl7IngestionSoapIT.unique;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 18 (closing): carers and next of kin from HL7 v2. A PAS's ADT^A04 with two NK1 segments (a
 * wife who is next of kin and the patient's carer, NK1-3 CGV; a son, next of kin) puts both on the
 * contacts card of the summary, the carer read as "Carer of this person", as a SOAP contact is.
 */
class Hl7CarersBrowserIT extends BrowserTest {

    @Test
    void aCareGiverSentInNk1ReadsAsACarerOnTheSummary() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        String er7 = String.join(
                "\r",
                msh("ADT^A04^ADT_A01", "NK1-" + unique()),
                segment("EVN", 1, "A04", 2, "20260110090000"),
                segment(
                        "PID",
                        1,
                        "1",
                        3,
                        nhsNumber + "^^^NHS^NH~M" + unique() + "^^^RX901^MR",
                        5,
                        "CARESENT^Arthur^^^MR^^L",
                        7,
                        "19400315",
                        8,
                        "M",
                        11,
                        "3 Orchard Close^^Yate^^BS37 5ZZ^GBR^H"),
                segment("PD1", 3, "RIVERSIDE MEDICAL PRACTICE^^^^^^^^^Y90001"),
                segment(
                        "NK1",
                        1,
                        "1",
                        2,
                        "CARESENT^Margaret^^^MRS",
                        3,
                        "CGV^Care giver^HL70063",
                        5,
                        "01454 000301^PRN^PH",
                        7,
                        "N^Next-of-Kin^HL70131",
                        8,
                        "20200101"),
                segment("NK1", 1, "2", 2, "CARESENT^David^^^MR", 3, "CHD^Child^HL70063", 5, "07700 900302^PRN^CP"),
                segment("PV1", 1, "1", 2, "O", 3, "OPD^^^RX901", 19, "V" + unique()));
        Soap.Response r = Hl7IngestionSoapIT.post("nk1-" + unique(), er7);
        assertEquals("AA", r.element("acknowledgementCode"), r::toString);
        long personId = TestEnvironment.count("select id from person where nhs_number = ?", nhsNumber);

        signInAs("gp.hart", "Clinician-demo-1");
        openRecordForCare(personId);
        String contacts = browser.waitFor(By.id("summary-CONTACTS")).getText();
        assertTrue(contacts.contains("Next of kin and carer: Margaret CARESENT"), contacts);
        assertTrue(contacts.contains("Carer of this person"), contacts);
        assertTrue(contacts.contains("01454 000301"), contacts);
        assertTrue(contacts.contains("Next of kin: David CARESENT (child)"), contacts);
        assertFalse(contacts.contains("CGV"), contacts);
        browser.screenshot("hl7-carer-summary");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item i join person p on p.id = i.person_id where p.nhs_number = ?"
                                + " and i.category = 'CONTACTS' and i.details->>'caring' = 'carer'",
                        nhsNumber));
    }
}
