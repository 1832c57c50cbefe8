package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;

/**
 * Black-box in Chromium: the legitimate-reason step, the record page per role (categories the role
 * may not see are named "not available to your role" and their data is absent from the HTML), sealed
 * items withheld from other organisations, break glass with its privacy-officer alert, and audit.
 */
class CareRecordBrowserIT extends BrowserTest {

    private static String nhsNumber;
    private static long personId;

    @BeforeAll
    static void personWithAFullRecord() throws Exception {
        nhsNumber = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                nhsNumber,
                "Mr",
                "Walter",
                "RECORDHOLDER",
                LocalDate.of(1948, 4, 2),
                "male",
                "5 Elm Way",
                "Yate",
                "BS37 5ZZ",
                "01454 000555",
                "Y90001",
                false);
        personId = TestEnvironment.postPerson(person);
    }

    private static long optedOutPerson() throws Exception {
        String number = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                number,
                "Ms",
                "Priya",
                "OPTEDOUT",
                LocalDate.of(1981, 9, 9),
                "female",
                "7 Hidden Row",
                "Bath",
                "BA2 2ZZ",
                null,
                "Y90001",
                false);
        long id = TestEnvironment.postPerson(person);
        TestEnvironment.execute("update person set opted_out = true where id = ?", id);
        TestEnvironment.execute(
                "insert into opt_out_event (person_id, opted_out, channel, recorded_by)"
                        + " values (?, true, 'LETTER', 'it.customer-services')",
                id);
        return id;
    }

    private String nhsNumberOf(long id) throws Exception {
        try (java.sql.Connection c = TestEnvironment.database();
                java.sql.PreparedStatement ps = c.prepareStatement("select nhs_number from person where id = ?")) {
            ps.setLong(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void anOptedOutPersonIsNotAvailableExceptToSafeguardingStaff() throws Exception {
        long id = optedOutPerson();
        String number = nhsNumberOf(id);

        signInAs("reception.wu", "Reception-demo-1");
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("search:nhsNumber")).sendKeys(number);
        browser.driver.findElement(By.id("search:find")).click();
        browser.waitForText(By.id("not-available"), "not available for viewing");
        assertFalse(browser.page().contains("OPTEDOUT"), browser::page);
        assertFalse(browser.page().contains("Hidden Row"), browser::page);
        browser.open("record/view.xhtml?person=" + id);
        browser.waitForText(By.id("record-refused"), "not available");
        assertFalse(browser.page().contains("OPTEDOUT"), browser::page);

        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/view.xhtml?person=" + id);
        browser.waitFor(By.id("reason:choice"));
        browser.driver
                .findElement(By.xpath("//label[text()='Safeguarding concern']"))
                .click();
        browser.driver
                .findElement(By.id("reason:justification"))
                .sendKeys("Section 42 enquiry: concern reported by the district nurse today.");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("patient-name"), "OPTEDOUT");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from privacy_alert"
                                + " where kind = 'SAFEGUARDING_ACCESS_TO_OPTED_OUT_PERSON' and username = 'gp.hart' and person_id = ?",
                        id));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'RECORD_VIEW'"
                                + " and outcome = 'DENIED' and username = 'reception.wu' and person_id = ?",
                        id));
    }

    private void openRecord(String username, String password, String reason, String justification) {
        signInAs(username, password);
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("search:nhsNumber")).sendKeys(nhsNumber);
        browser.driver.findElement(By.id("search:find")).click();
        browser.waitFor(By.id("search:open-record")).click();
        if (browser.driver.getCurrentUrl().contains("reason.xhtml")) {
            browser.driver
                    .findElement(By.xpath("//label[text()=\"" + reason + "\"]"))
                    .click();
            if (justification != null) {
                browser.driver.findElement(By.id("reason:justification")).sendKeys(justification);
            }
            browser.driver.findElement(By.id("reason:open")).click();
        }
    }

    private void showCategory(String category) {
        browser.open("record/view.xhtml?person=" + personId + "&category=" + category);
        browser.waitFor(By.id("category-title"));
    }

    @Test
    void aClinicianGivesAReasonAndSeesEveryCategory() throws Exception {
        openRecord("gp.hart", "Clinician-demo-1", "Ongoing care relationship", null);
        browser.waitForText(By.id("access-reason"), "Ongoing care relationship");
        String html = browser.page();
        assertFalse(html.contains("not available to your role"), html);
        showCategory("MEDICATIONS");
        browser.waitForText(By.id("record:items"), "Amlodipine 5mg tablets");
        assertTrue(browser.page().contains("One tablet once a day"), browser::page);
        browser.screenshot("record-medications");
        showCategory("PROBLEMS");
        browser.waitForText(By.id("record:items"), "Sexual health clinic attendance");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'RECORD_VIEW'"
                                + " and outcome = 'SUCCESS' and username = 'gp.hart' and person_id = ? and purpose_of_use = 'TREAT'"
                                + " and detail like 'category MEDICATIONS%'",
                        personId));
    }

    @Test
    void aReceptionistSeesOnlyContactsAndAppointments() throws Exception {
        openRecord("reception.wu", "Reception-demo-1", "Ongoing care relationship", null);
        browser.waitFor(By.id("patient-banner"));
        showCategory("APPOINTMENTS");
        browser.waitForText(By.id("timeline"), "Annual diabetes review");
        browser.screenshot("record-receptionist");
        String html = browser.page();
        assertTrue(html.contains("Medications: not available to your role"), html);
        assertTrue(html.contains("Results: not available to your role"), html);
        for (String hidden : List.of(
                "Amlodipine",
                "Hypertension",
                "Haemoglobin A1c",
                "Discharge summary",
                "Care Act",
                "safeguarding concern",
                "penicillin",
                "Emergency department")) {
            assertFalse(html.contains(hidden), hidden + " must not reach a receptionist's page");
        }
        showCategory("MEDICATIONS");
        browser.waitForText(By.id("category-title"), "Medications");
        assertTrue(browser.page().contains("This category is not available to your role."), browser::page);
        assertFalse(browser.page().contains("Amlodipine"), browser::page);
    }

    @Test
    void aSocialWorkerSeesSocialCareButNoResultsOrDocuments() throws Exception {
        openRecord("social.evans", "Social-demo-1", "Ongoing care relationship", null);
        browser.waitFor(By.id("patient-banner"));
        showCategory("SOCIAL_CARE");
        browser.waitForText(By.id("record:items"), "Care Act needs assessment");
        assertTrue(browser.page().contains("Sam Patel"), browser::page);
        String html = browser.page();
        assertTrue(html.contains("Results: not available to your role"), html);
        assertTrue(html.contains("Documents: not available to your role"), html);
        for (String hidden : List.of("Haemoglobin A1c", "Discharge summary", "Amlodipine", "Hypertension")) {
            assertFalse(html.contains(hidden), hidden + " must not reach a social worker's page");
        }
    }

    @Test
    void aRefusedSocialCareConsentHidesTheCouncilsItemsFromOthersOnly() throws Exception {
        String family = "CONSENTREF" + (System.nanoTime() % 100000);
        String number = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                number,
                "Mr",
                "Cal",
                family,
                LocalDate.of(1960, 1, 1),
                "male",
                "4 Road",
                "Yate",
                "BS37 1AA",
                null,
                "Y90001",
                false);
        long id = TestEnvironment.postPerson(person);

        signInAs("admin.khan", "Admin-demo-1");
        browser.open("admin/optouts.xhtml");
        browser.waitFor(By.id("optouts:nhsNumber")).sendKeys(number);
        browser.driver.findElement(By.id("optouts:find")).click();
        browser.waitFor(By.id("optouts:confirm")).click();
        browser.waitFor(By.cssSelector(".refuse-LA901")).click();
        browser.waitForText(By.id("optouts:messages"), "Refusal recorded");

        // A GP no longer sees the council's social care items...
        signInAs("gp.hart", "Clinician-demo-1");
        openRecordForCare(id);
        browser.open("record/view.xhtml?person=" + id + "&category=SOCIAL_CARE");
        browser.waitForText(By.id("category-title"), "Social care");
        assertFalse(browser.page().contains("Care Act needs assessment"), browser::page);
        // ...while the council's own social worker still does.
        signInAs("social.evans", "Social-demo-1");
        openRecordForCare(id);
        browser.open("record/view.xhtml?person=" + id + "&category=SOCIAL_CARE");
        browser.waitForText(By.id("record:items"), "Care Act needs assessment");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'CONSENT_CHANGED'"
                                + " and person_id = ? and detail like '%council LA901: before {refused=false} after {refused=true}'",
                        id));
    }

    @Test
    void sealedItemsAreWithheldFromOtherOrganisations() throws Exception {
        openRecord("nurse.okafor", "Nurse-demo-1", "Ongoing care relationship", null);
        browser.waitFor(By.id("patient-banner"));
        showCategory("PROBLEMS");
        browser.waitForText(By.id("record:items"), "Withheld by the source");
        assertFalse(browser.page().contains("Sexual health clinic"), browser::page);
        assertTrue(browser.page().contains("Hypertension"), browser::page);
    }

    @Test
    void breakGlassNeedsAJustificationAndAlertsThePrivacyOfficer() throws Exception {
        // dr.lee has two profiles: choose the acute trust one first, then open the record.
        signInChoosing("dr.lee", "Multirole-demo-1", "R8000");
        browser.open("record/reason.xhtml?person=" + personId);
        browser.driver
                .findElement(By.xpath("//label[starts-with(text(), 'Vital interests')]"))
                .click();
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("reason:messages"), "justification");
        browser.screenshot("record-reason");
        browser.driver
                .findElement(By.xpath("//label[starts-with(text(), 'Vital interests')]"))
                .click();
        browser.driver
                .findElement(By.id("reason:justification"))
                .sendKeys("Unconscious in resus, no history available from the patient.");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("access-reason"), "Vital interests");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from privacy_alert where kind = 'BREAK_GLASS'"
                                + " and username = 'dr.lee' and person_id = ?",
                        personId));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'BREAK_GLASS'"
                                + " and username = 'dr.lee' and person_id = ? and purpose_of_use = 'ETREAT BTG'",
                        personId));

        // The privacy officer reviews the alert from the queue.
        long alertId = TestEnvironment.count(
                "select id from privacy_alert where kind = 'BREAK_GLASS' and username = 'dr.lee' and person_id = ?",
                personId);
        // The alert names the person by NHS Number (3-3-4) and name, not an internal id.
        String nhs = PrivacyOfficerBrowserIT.nhsNumber(personId);
        String spacedNhs = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
        signInAs("privacy.shaw", "Privacy-demo-1");
        browser.open("privacy/alerts.xhtml");
        browser.waitForText(By.id("alerts:list"), "Unconscious in resus");
        browser.screenshot("privacy-alerts");
        browser.driver
                .findElement(
                        By.xpath("//tr[td[contains(., 'NHS Number " + spacedNhs + "')] and td[contains(., 'dr.lee')]"
                                + " and td[contains(., 'Emergency access (break glass)')]]//button"))
                .click();
        browser.waitFor(By.id("alerts:note"));
        browser.select("alerts:outcome", "APPROPRIATE");
        browser.driver.findElement(By.id("alerts:note")).sendKeys("Checked with the ED consultant: emergency care.");
        browser.driver.findElement(By.id("alerts:save")).click();
        browser.waitForText(By.id("alerts:messages"), "reviewed");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from privacy_alert where id = ?"
                                + " and review_outcome = 'APPROPRIATE' and reviewed_by = 'privacy.shaw'",
                        alertId));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'ALERT_REVIEWED'"
                                + " and username = 'privacy.shaw' and detail = ?",
                        "alert " + alertId + ": APPROPRIATE"));
    }
}
