package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openicr.vocabulary.NhsNumber;
import org.openqa.selenium.By;

/**
 * Black-box: two A40 merges in a chain (C into B, then B into A) are reversed by an administrator in
 * Chromium, in the only order that keeps the record consistent; each reversal moves the items back,
 * restores the earlier merge, and is audited.
 */
class MergeAdministrationBrowserIT extends BrowserTest {

    private static void person(String nhs, String mrn, String family) throws Exception {
        Soap.Response r = Hl7IngestionSoapIT.post(
                null,
                String.join(
                        "\r",
                        Hl7IngestionSoapIT.msh("ADT^A28^ADT_A05", "A28-" + mrn),
                        "EVN|A28|20260110090000",
                        Hl7IngestionSoapIT.pid(nhs, mrn, family)));
        assertEquals("ACCEPTED", r.element("outcome"), r::toString);
    }

    private static void result(String mrn, String order) throws Exception {
        Soap.Response r = Hl7IngestionSoapIT.post(
                null,
                String.join(
                        "\r",
                        Hl7IngestionSoapIT.msh("ORU^R01^ORU_R01", "ORU-" + order),
                        Hl7IngestionSoapIT.segment("PID", 1, "1", 3, mrn + "^^^RX901^MR"),
                        Hl7IngestionSoapIT.segment(
                                "OBR",
                                1,
                                "1",
                                3,
                                order + "^LIMS",
                                4,
                                "UE^Urea and electrolytes^L",
                                7,
                                "20260110083000"),
                        "OBX|1|NM|2823-3^Potassium^LN||4.1|mmol/L|3.5-5.3|N|||F"));
        assertEquals("ACCEPTED", r.element("outcome"), r::toString);
    }

    private static void merge(String survivorNhs, String survivorMrn, String retiredMrn) throws Exception {
        Soap.Response r = Hl7IngestionSoapIT.post(
                null,
                String.join(
                        "\r",
                        Hl7IngestionSoapIT.msh("ADT^A40^ADT_A39", "A40-" + retiredMrn),
                        "EVN|A40|20260110110000",
                        Hl7IngestionSoapIT.pid(survivorNhs, survivorMrn, "MERGESURVIVOR"),
                        "MRG|" + retiredMrn + "^^^RX901^MR"));
        assertEquals("ACCEPTED", r.element("outcome"), r::toString);
    }

    private static long items(String nhs) throws Exception {
        return TestEnvironment.count(
                "select count(*) from record_item i join person p on p.id = i.person_id where p.nhs_number = ?", nhs);
    }

    private static long mergedInto(String retiredNhs, String survivorNhs) throws Exception {
        return TestEnvironment.count(
                "select count(*) from person r join person s on s.id = r.merged_into_id"
                        + " where r.nhs_number = ? and s.nhs_number = ?",
                retiredNhs,
                survivorNhs);
    }

    private void reverse(String retiredNhs, String note) {
        browser.open("admin/merges.xhtml");
        String row = "//tr[td[contains(., '" + NhsNumber.of(retiredNhs).formatted() + "')]]";
        browser.waitFor(By.xpath(row + "//button[contains(@id, 'undo')]")).click();
        browser.waitFor(By.id("merges:note")).sendKeys(note);
        browser.driver.findElement(By.id("merges:confirmUndo")).click();
    }

    @Test
    void chainedMergesAreReversedInOrderAndAudited() throws Exception {
        String u = Hl7IngestionSoapIT.unique();
        String nhsA = TestEnvironment.freshNhsNumber();
        String nhsB = TestEnvironment.freshNhsNumber();
        String nhsC = TestEnvironment.freshNhsNumber();
        person(nhsA, "MA" + u, "MERGEA");
        person(nhsB, "MB" + u, "MERGEB");
        person(nhsC, "MC" + u, "MERGEC");
        result("MB" + u, "OB" + u);
        result("MC" + u, "OC" + u);
        merge(nhsB, "MB" + u, "MC" + u);
        merge(nhsA, "MA" + u, "MB" + u);
        assertEquals(2, items(nhsA));
        assertEquals(1, mergedInto(nhsC, nhsA), "C follows B into A");

        signInAs("admin.khan", "Admin-demo-1");

        // C into B cannot be reversed first: B has since been merged into A.
        reverse(nhsC, "Wrong person");
        browser.waitForText(By.id("merges:feedback"), "reverse that later merge first");
        assertEquals(1, mergedInto(nhsC, nhsA));
        assertEquals(2, items(nhsA));

        reverse(nhsB, "Different people: dates of birth differ (ticket 4411)");
        browser.waitForText(By.id("merges:feedback"), "2 item(s) are back");
        assertEquals(0, items(nhsA));
        assertEquals(2, items(nhsB), "B's result and C's, still merged into B");
        assertEquals(1, mergedInto(nhsC, nhsB), "C points at B again");
        assertEquals(0, mergedInto(nhsB, nhsA));

        reverse(nhsC, "Different people too");
        browser.waitForText(By.id("merges:feedback"), "1 item(s) are back");
        assertEquals(1, items(nhsB));
        assertEquals(1, items(nhsC));
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from person where nhs_number = ? and merged_into_id is not null", nhsC));
        assertEquals(
                2,
                TestEnvironment.count(
                        "select count(*) from person_merge m join person r on r.id = m.retired_person_id"
                                + " where r.nhs_number in (?, ?) and m.reversed_by = 'admin.khan'",
                        nhsB,
                        nhsC));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event e join person p on p.id = e.person_id"
                                + " where e.action = 'MERGE_REVERSED' and e.outcome = 'SUCCESS'"
                                + " and e.username = 'admin.khan' and p.nhs_number = ? and e.detail like ?",
                        nhsB,
                        "%ticket 4411%"));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event e join person p on p.id = e.person_id"
                                + " where e.action = 'MERGE_REVERSED' and e.outcome = 'DENIED' and p.nhs_number = ?",
                        nhsC),
                "the refused reversal is audited as a denial");
        assertTrue(browser.page().contains("by admin.khan"), "the list shows who reversed");
    }
}
