package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Black-box, issue 16: administrators see which source supplied each shown field of a person
 * (audited as a view) and mark sources authoritative on the source systems page (audited before
 * and after); other roles are refused the page.
 */
class DemographicsSourcesBrowserIT extends BrowserTest {

    @Test
    void administratorsSeeEachSourcesVersionAndWhichFieldsAreShownFromIt() throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        String u = Long.toString(System.nanoTime());
        DemographicsOwnershipSoapIT.submit(
                DemographicsOwnershipSoapIT.GP,
                DemographicsOwnershipSoapIT.GP_PASSWORD,
                DemographicsOwnershipSoapIT.demographics(
                        "bs-gp-" + u, nhs, "GPVERSION", "1 GP ROAD", "BS1 1AA", "Y90001", null, null));
        DemographicsOwnershipSoapIT.submit(
                DemographicsOwnershipSoapIT.COUNCIL,
                DemographicsOwnershipSoapIT.COUNCIL_PASSWORD,
                DemographicsOwnershipSoapIT.demographics(
                        "bs-la-" + u, nhs, "COUNCILVERSION", "9 COUNCIL ROAD", "BS9 9ZZ", null, null, null));

        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/demographics.xhtml");
        browser.waitFor(By.id("lookup:nhs")).sendKeys(nhs);
        browser.driver.findElement(By.id("lookup:show")).click();
        browser.waitForText(By.id("result"), "COUNCILVERSION");
        String gpShows = browser.driver
                .findElement(By.className("supplies-riverside-gp"))
                .getText();
        assertTrue(gpShows.contains("name") && gpShows.contains("address"), gpShows);
        assertEquals(
                "",
                browser.driver
                        .findElement(By.className("supplies-northavon-lcs"))
                        .getText()
                        .strip(),
                "the council supplies nothing the GP practice has");
        assertTrue(browser.page().contains("GPVERSION"));
        browser.screenshot("admin-demographics-by-source");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'DEMOGRAPHICS_SOURCES_VIEWED'"
                                + " and outcome = 'SUCCESS' and username = ?"
                                + " and person_id = (select id from person where nhs_number = ?)",
                        ADMIN,
                        nhs));

        // Marking the council authoritative for the patient index, and back, audited before and after.
        browser.open("admin/sources.xhtml");
        browser.waitFor(By.className("index-on-northavon-lcs")).click();
        browser.waitForText(By.className("authority-northavon-lcs"), "patient index: authoritative");
        assertEquals(
                1,
                TestEnvironment.count("select count(*) from source_system where code = 'northavon-lcs'"
                        + " and authoritative_patient_index"));
        browser.waitFor(By.className("index-off-northavon-lcs")).click();
        browser.waitForText(By.className("authority-northavon-lcs"), "patient index: no");
        assertEquals(
                0,
                TestEnvironment.count("select count(*) from source_system where code = 'northavon-lcs'"
                        + " and authoritative_patient_index"));
        assertTrue(TestEnvironment.count(
                        "select count(*) from audit_event where action = 'SOURCE_SYSTEM_CHANGED'"
                                + " and username = ? and detail like ?",
                        ADMIN,
                        "source northavon-lcs: before {%authoritativePatientIndex=false, active=%}"
                                + " after {%authoritativePatientIndex=true, active=%}")
                >= 1);
    }

    /**
     * Issue 21, item 6: an administrator marks a source's HL7 v2 feed as sending LOINC codes in OBX-3
     * without a coding system, and back; audited before and after.
     */
    @Test
    void anAdministratorMarksASourcesBareObx3CodesAsLoinc() throws Exception {
        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/sources.xhtml");
        browser.waitFor(By.className("loinc-on-northavon-lcs")).click();
        browser.waitForText(By.className("loinc-northavon-lcs"), "OBX-3 without a coding system: LOINC");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from source_system where code = 'northavon-lcs' and hl7_obx3_implies_loinc"));
        browser.waitFor(By.className("loinc-off-northavon-lcs")).click();
        browser.waitForText(By.className("loinc-northavon-lcs"), "OBX-3 without a coding system: local code");
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from source_system where code = 'northavon-lcs' and hl7_obx3_implies_loinc"));
        assertTrue(TestEnvironment.count(
                        "select count(*) from audit_event where action = 'SOURCE_SYSTEM_CHANGED'"
                                + " and username = ? and detail like ?",
                        ADMIN,
                        "source northavon-lcs: before {%hl7Obx3ImpliesLoinc=false} after {%hl7Obx3ImpliesLoinc=true}")
                >= 1);
    }

    @Test
    void theDemographicsBySourcePageIsForAdministratorsOnly() {
        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("admin/demographics.xhtml");
        browser.waitForText(By.id("error-title"), "Not available to your role");
        assertTrue(browser.driver.findElements(By.id("lookup:nhs")).isEmpty());
    }

    @Test
    void aPermittedMergeIsListedWithTheSourceThatAskedForIt() throws Exception {
        String u = Long.toString(System.nanoTime());
        String a = TestEnvironment.freshNhsNumber();
        String b = TestEnvironment.freshNhsNumber();
        for (String[] p : new String[][] {{a, "PA" + u}, {b, "PB" + u}}) {
            DemographicsOwnershipSoapIT.hl7(
                    DemographicsOwnershipSoapIT.PAS,
                    DemographicsOwnershipSoapIT.PAS_PASSWORD,
                    "A28-" + p[1],
                    "20260110100000",
                    "ADT^A28^ADT_A05",
                    Hl7IngestionSoapIT.pid(p[0], p[1], "LISTED"));
        }
        Soap.Response merge = DemographicsOwnershipSoapIT.hl7(
                DemographicsOwnershipSoapIT.PAS,
                DemographicsOwnershipSoapIT.PAS_PASSWORD,
                "A40-" + u,
                "20260110110000",
                "ADT^A40^ADT_A39",
                Hl7IngestionSoapIT.pid(a, "PA" + u, "LISTED"),
                "MRG|PB" + u + "^^^RX901^MR");
        assertEquals("ACCEPTED", merge.element("outcome"), merge::toString);

        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/merges.xhtml");
        String row =
                "//tr[td[contains(., '" + org.openicr.vocabulary.NhsNumber.of(b).formatted() + "')]]";
        browser.waitForText(By.xpath(row), "avonvale-pas (sys.avonvale-pas)");
    }
}
