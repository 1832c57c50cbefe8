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
import org.openqa.selenium.WebElement;

/**
 * Issue 18, item 4, in Chromium: what a person reads is words, not codes. Problems show their term
 * (and only without one "SNOMED CT code ..."), the GP practice its name with the ODS code second,
 * September is "Sep", and the privacy officer's audit and the administrator's organisations and
 * received messages show labels where they showed enum names, with a fault code apart from the
 * sentence it belongs to.
 */
class WordsNotCodesBrowserIT extends BrowserTest {

    private static final String GP = "sys.riverside-gp";
    private static final String GP_PASSWORD = "Source-demo-gp-1";

    private static String nhsNumber;
    private static long personId;

    @BeforeAll
    static void personBornInSeptemberWithAProblemSentWithoutItsTerm() throws Exception {
        nhsNumber = TestEnvironment.freshNhsNumber();
        personId = TestEnvironment.postPerson(new DemoPerson(
                nhsNumber,
                "Mr",
                "Walter",
                "WORDSTEST",
                LocalDate.of(1950, 9, 14),
                "male",
                "3 Quay Street",
                "Bristol",
                "BS1 4QQ",
                "0117 000 0003",
                "Y90001",
                false));
        Soap.Response r = Soap.post(
                TestEnvironment.ingestionUrl(),
                "SubmitItems",
                ItemIngestionSoapIT.batch(
                        "words-" + System.nanoTime(),
                        "<icr:nhsNumber>" + nhsNumber + "</icr:nhsNumber>",
                        "<icr:item><icr:category>PROBLEMS</icr:category><icr:sourceKey>" + nhsNumber
                                + "-nodisplay</icr:sourceKey><icr:version>1</icr:version>"
                                + "<icr:effectiveAt>2025-09-02T09:00:00Z</icr:effectiveAt><icr:status>active"
                                + "</icr:status><icr:code><icr:system>SNOMED_CT</icr:system><icr:code>193570009"
                                + "</icr:code></icr:code><icr:text>Cataract, left eye</icr:text></icr:item>"),
                GP,
                GP_PASSWORD);
        assertEquals(200, r.status(), r::toString);
    }

    @Test
    void aClinicianReadsTermsNamesAndDatesNotCodes() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        openRecordForCare(personId);
        String banner = browser.driver.findElement(By.id("patient-banner")).getText();
        assertTrue(banner.contains("14-Sep-1950"), banner);
        assertFalse(banner.contains("Sept"), banner);
        assertEquals(
                "Riverside Medical Practice (Y90001)",
                browser.driver.findElement(By.id("banner-gp-practice")).getText());

        browser.open("record/view.xhtml?person=" + personId + "&category=PROBLEMS");
        browser.waitForText(By.id("record:items"), "Type 2 diabetes mellitus");
        String problems = browser.driver.findElement(By.id("record:items")).getText();
        assertTrue(problems.contains("Hypertension"), problems);
        assertFalse(problems.contains("SNOMED_CT"), problems);
        assertFalse(problems.contains("44054006"), "a problem with a term shows the term, not its code: " + problems);
        assertTrue(problems.contains("Cataract, left eye"), problems);
        assertTrue(problems.contains("SNOMED CT code 193570009"), "without a term, the code in words: " + problems);
        assertTrue(problems.contains("02-Sep-2025"), problems);
        browser.screenshot("words-not-codes-problems");

        browser.open("record/search.xhtml");
        browser.waitFor(By.id("search:nhsNumber")).sendKeys(nhsNumber);
        browser.driver.findElement(By.id("search:find")).click();
        browser.waitForText(By.id("patient-gp-practice"), "Riverside Medical Practice (Y90001)");
    }

    @Test
    void thePrivacyOfficersAuditReadsInWords() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        openRecordForCare(personId);
        signInAs("privacy.shaw", "Privacy-demo-1");
        browser.open("privacy/audit.xhtml");
        browser.waitFor(By.id("audit:nhsNumber")).sendKeys(nhsNumber);
        browser.driver.findElement(By.id("audit:search")).click();
        browser.waitForText(By.id("audit:list"), "Record viewed");
        List<String> actions = column("audit:list", "Action");
        assertTrue(actions.contains("Record viewed"), actions::toString);
        // The person is registered at gp.hart's practice, so the reason was found in the record
        // (issue 19 item 3): "Reason given, relationship found in the record".
        assertTrue(actions.contains("Reason given, relationship found in the record"), actions::toString);
        assertTrue(actions.stream().noneMatch(a -> a.contains("_")), actions::toString);
        List<String> purposes = column("audit:list", "Purpose");
        assertTrue(purposes.contains("Treatment"), purposes::toString);
        assertFalse(purposes.contains("TREAT"), purposes::toString);
        List<String> outcomes = column("audit:list", "Outcome");
        assertTrue(outcomes.contains("Done"), outcomes::toString);
        assertFalse(outcomes.contains("SUCCESS"), outcomes::toString);
        String menu = browser.driver.findElement(By.id("audit:action_input")).getAttribute("textContent");
        assertTrue(menu.contains("Emergency access (break glass)"), menu);
        assertFalse(menu.contains("BREAK_GLASS"), menu);
        browser.screenshot("words-not-codes-audit");
    }

    @Test
    void theAdministratorReadsOrganisationTypesAndMessageStatusesInWords() throws Exception {
        String messageId = "words-rej-" + System.nanoTime();
        Soap.Response refused = Soap.post(
                TestEnvironment.ingestionUrl(),
                "SubmitItems",
                ItemIngestionSoapIT.batch(
                        messageId,
                        "<icr:nhsNumber>9434765918</icr:nhsNumber>",
                        ItemIngestionSoapIT.medication("words-" + messageId, 1, "x")),
                GP,
                GP_PASSWORD);
        assertEquals("INVALID_NHS_NUMBER", refused.faultCode(), refused::toString);

        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/organisations.xhtml");
        browser.waitFor(By.id("orgs:list"));
        List<String> types = column("orgs:list", "Type");
        assertTrue(types.contains("GP practice"), types::toString);
        assertTrue(types.contains("Local authority (council)"), types::toString);
        assertTrue(types.stream().noneMatch(t -> t.contains("_")), types::toString);
        assertTrue(column("orgs:list", "Sharing").contains("Share and view"));

        browser.open("admin/messages.xhtml");
        browser.waitFor(By.id("messages:list"));
        browser.select("messages:status", "REJECTED");
        assertTrue(browser.driver
                .findElement(By.id("messages:status_input"))
                .getAttribute("textContent")
                .contains("Rejected"));
        browser.driver.findElement(By.id("messages:apply")).click();
        browser.waitForText(By.id("messages:list"), messageId);
        WebElement row = browser.driver.findElement(
                By.xpath("//tbody[@id='messages:list_data']/tr[td[normalize-space()='" + messageId + "']]"));
        assertEquals("Rejected", row.findElement(By.cssSelector(".icr-status")).getText());
        String reason = row.findElement(By.cssSelector(".icr-error-reason")).getText();
        assertTrue(reason.startsWith("This is not a valid NHS Number (check the digits)"), reason);
        assertFalse(reason.contains("INVALID_NHS_NUMBER"), "the code is not run into the sentence: " + reason);
        assertEquals(
                "INVALID_NHS_NUMBER",
                row.findElement(By.cssSelector(".icr-error-code")).getText());
        browser.screenshot("words-not-codes-messages");
    }

    /** The texts of a data table's column, by its header. */
    private List<String> column(String tableId, String header) {
        List<WebElement> headers = browser.driver.findElements(By.cssSelector("[id='" + tableId + "'] thead th"));
        int index = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).getText().strip().equals(header)) {
                index = i + 1;
            }
        }
        assertTrue(index > 0, "no column " + header);
        return browser
                .driver
                .findElements(By.cssSelector("[id='" + tableId + "_data'] > tr > td:nth-child(" + index + ")"))
                .stream()
                .map(td -> td.getText().strip())
                .toList();
    }
}
