package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/**
 * Issue 18, item 9, in Chromium: bad addresses and inputs get plain answers. A record address that
 * names no record says "No such record" (404) and is audited; a document id that names no document
 * the reader may open says "No such document" (404), the same whether it never existed or is
 * hidden, so a probe learns nothing; 31/02/1980 is a date error naming the field; a display name
 * over 100 characters is refused with a message, and the column agrees; an invalid NHS Number is
 * said once, in plain words.
 */
class BadInputBrowserIT extends BrowserTest {

    private static String nhsNumber;
    private static long personId;
    private static long letterId;

    @BeforeAll
    static void aPersonWithDocuments() throws Exception {
        nhsNumber = TestEnvironment.freshNhsNumber();
        personId = TestEnvironment.postPerson(new DemoPerson(
                nhsNumber,
                "Ms",
                "Bea",
                "BADINPUT",
                LocalDate.of(1980, 2, 28),
                "female",
                "5 Dock Road",
                "Bristol",
                "BS2 0BB",
                null,
                "Y90001",
                false));
        letterId = TestEnvironment.count("select id from record_item where source_key = ?", nhsNumber + "-d1");
    }

    /** Fetches a URL from inside the signed-in page: "status|the page's text". */
    private String fetch(String relative) {
        return (String) ((JavascriptExecutor) browser.driver)
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.text().then(t => {"
                                + " var d = new DOMParser().parseFromString(t, 'text/html');"
                                + " var main = d.querySelector('main') || d.body;"
                                + " done(r.status + '|' + main.textContent.replace(/\\s+/g, ' ').trim()); }))"
                                + ".catch(e => done('error ' + e));",
                        TestEnvironment.baseUrl().resolve(relative).toString());
    }

    @Test
    void aRecordAddressNamingNoRecordSaysSoAndIsAudited() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        long deniedBefore = TestEnvironment.count(
                "select count(*) from audit_event where action = 'ACCESS_DENIED' and username = 'gp.hart'"
                        + " and detail like '%/record/view.xhtml: no such record%'");
        browser.open("record/view.xhtml?person=abc");
        browser.waitForText(By.id("error-title"), "No such record");
        assertTrue(browser.page().contains("There is no care record at this address"), browser::page);
        String abc = fetch("record/view.xhtml?person=abc");
        assertTrue(abc.startsWith("404|"), abc);
        assertTrue(TestEnvironment.count(
                        "select count(*) from audit_event where action = 'ACCESS_DENIED' and username = 'gp.hart'"
                                + " and detail like '%/record/view.xhtml: no such record%'")
                > deniedBefore);
        browser.screenshot("bad-input-no-such-record");

        long unknown = 9_000_000_000L + System.nanoTime() % 1_000_000L;
        browser.open("record/view.xhtml?person=" + unknown);
        browser.waitForText(By.id("error-title"), "No such record");
        String numbered = fetch("record/view.xhtml?person=" + unknown);
        assertTrue(numbered.startsWith("404|"), numbered);
        assertTrue(TestEnvironment.count(
                        "select count(*) from audit_event where action = 'RECORD_VIEW' and outcome = 'DENIED'"
                                + " and username = 'gp.hart' and person_id = ?"
                                + " and detail = 'open record: no such record'",
                        unknown)
                >= 2);
    }

    @Test
    void aDocumentThatDoesNotExistAndOneHiddenAnswerAlike() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        openRecordForCare(personId);
        String shown = fetch("record/document?person=" + personId + "&item=" + letterId);
        assertTrue(shown.startsWith("200|"), shown);

        String missing = fetch("record/document?person=" + personId + "&item=999999999999");
        assertTrue(missing.startsWith("404|"), missing);
        assertTrue(missing.contains("No such document"), missing);
        assertTrue(missing.contains("This document does not exist in this person's record."), missing);
        assertFalse(missing.contains("not available to your role"), missing);

        // Withheld by its source: the same answer, word for word, and a denial in the audit.
        TestEnvironment.execute("update record_item set sensitivity = 'SEALED' where id = ?", letterId);
        try {
            String withheld = fetch("record/document?person=" + personId + "&item=" + letterId);
            assertEquals(missing, withheld);
        } finally {
            TestEnvironment.execute("update record_item set sensitivity = 'NORMAL' where id = ?", letterId);
        }
        assertTrue(TestEnvironment.count(
                        "select count(*) from audit_event where action = 'RECORD_VIEW' and outcome = 'DENIED'"
                                + " and username = 'gp.hart' and person_id = ? and detail like ?",
                        personId,
                        "%document 999999999999%")
                >= 1);

        // A role that may not see documents at all gets the same answer too.
        signInAs("reception.wu", "Reception-demo-1");
        openRecordForCare(personId);
        assertEquals(missing, fetch("record/document?person=" + personId + "&item=" + letterId));
        assertEquals(missing, fetch("record/document?person=" + personId + "&item=abc"));
    }

    @Test
    void anImpossibleDateOfBirthIsADateErrorNotNobodyMatches() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("byName:familyName")).sendKeys("BADINPUT");
        browser.driver.findElement(By.id("byName:dateOfBirth_input")).sendKeys("31/02/1980", Keys.ESCAPE);
        click("byName:find");
        browser.waitForText(By.id("byName:messages"), "Date of birth: enter a real date as dd/mm/yyyy");
        assertFalse(browser.page().contains("Nobody matches"), browser::page);
        browser.screenshot("bad-input-date-of-birth");

        browser.driver.findElement(By.id("byName:dateOfBirth_input")).clear();
        browser.driver.findElement(By.id("byName:dateOfBirth_input")).sendKeys("28/02/1980", Keys.ESCAPE);
        click("byName:find");
        browser.waitForText(By.id("results"), "BADINPUT");
    }

    /** Clicks a button the date picker's calendar may still cover (it closes on Escape, but animates). */
    private void click(String id) {
        ((JavascriptExecutor) browser.driver)
                .executeScript("arguments[0].click();", browser.driver.findElement(By.id(id)));
    }

    @Test
    void anInvalidNhsNumberIsSaidOnceInPlainWords() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("search:nhsNumber")).sendKeys("943 476 5918");
        browser.driver.findElement(By.id("search:find")).click();
        browser.waitForText(By.id("search"), "This is not a valid NHS Number (check the digits).");
        String form = browser.driver.findElement(By.id("search")).getText();
        assertEquals(1, form.split("not a valid NHS Number", -1).length - 1, form);
        assertFalse(form.contains("Modulus"), form);
    }

    @Test
    void aDisplayNameHasAMaximumTheFormAndTheDatabaseAgreeOn() throws Exception {
        assertEquals(
                100,
                TestEnvironment.count("select character_maximum_length from information_schema.columns"
                        + " where table_name = 'user_account' and column_name = 'display_name'"));
        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/users.xhtml");
        browser.waitFor(By.id("create:displayName"));
        assertEquals(
                "At most 100 characters.",
                browser.driver.findElement(By.id("displayName-hint")).getText());
        String username = "it.long" + System.nanoTime() % 1_000_000_000L;
        browser.driver.findElement(By.id("create:username")).sendKeys(username);
        // One character too many is said, not cut off silently.
        browser.driver.findElement(By.id("create:displayName")).sendKeys("A".repeat(101));
        browser.driver.findElement(By.id("create:password")).sendKeys("Long-name-demo-1");
        browser.driver.findElement(By.id("create:save")).click();
        browser.waitForText(By.tagName("body"), "The display name must have at most 100 characters.");
        assertEquals(0, TestEnvironment.count("select count(*) from user_account where username = ?", username));
    }
}
