package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 18, item 5, in Chromium: the reason step shows whose record is about to open (the record's
 * banner, with a restricted person's address left out), preselects nothing for a person with no care
 * relationship in the record, offers each role profile
 * only the reasons its rules allow (a receptionist: no break glass, safeguarding or audit), refuses
 * and audits a reason posted by hand that the role may not give, and keeps the person, the choice
 * and the typed justification after an error.
 */
class ReasonStepBrowserIT extends BrowserTest {

    private static long ordinary;
    private static String ordinaryNhs;
    private static long restricted;
    private static long optedOut;

    @BeforeAll
    static void people() throws Exception {
        ordinaryNhs = TestEnvironment.freshNhsNumber();
        ordinary = post(ordinaryNhs, "REASONSTEP", false);
        restricted = post(TestEnvironment.freshNhsNumber(), "REASONHIDDEN", true);
        optedOut = post(TestEnvironment.freshNhsNumber(), "REASONOPTEDOUT", false);
        TestEnvironment.execute("update person set opted_out = true where id = ?", optedOut);
    }

    /**
     * Posts the person's demographics alone (not the demo's whole record), registered at another
     * practice than the demo users': the record shows no care relationship with them
     * (CareRelationshipBrowserIT has those), so nothing is pre-selected here.
     */
    private static long post(String nhs, String family, boolean isRestricted) throws Exception {
        DemoPerson person = new DemoPerson(
                nhs,
                "Ms",
                "Rhian",
                family,
                LocalDate.of(1962, 4, 9),
                "female",
                "4 Quarry Road",
                "Yate",
                "BS37 9ZZ",
                "01454 000444",
                "Y90002",
                isRestricted);
        Soap.Response r = Soap.post(
                TestEnvironment.ingestionUrl(),
                DemoRegion.demographicsEnvelope("reason-step-" + nhs, person),
                "sys.riverside-gp",
                "Source-demo-gp-1");
        assertEquals(200, r.status(), r::toString);
        return TestEnvironment.count("select id from person where nhs_number = ?", nhs);
    }

    private List<String> offeredLabels() {
        return browser.driver.findElements(By.cssSelector("#reason\\:choice label")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private boolean anyReasonChecked() {
        return browser.driver.findElements(By.cssSelector("input[type=radio][name='reason:choice']")).stream()
                .anyMatch(WebElement::isSelected);
    }

    @Test
    void aReceptionistSeesWhoseRecordItIsAndIsOfferedOnlyItsReasons() throws Exception {
        signInAs("reception.wu", "Reception-demo-1");
        browser.open("record/reason.xhtml?person=" + ordinary);
        browser.waitForText(By.id("patient-name"), "REASONSTEP, Rhian");
        String spaced =
                ordinaryNhs.substring(0, 3) + " " + ordinaryNhs.substring(3, 6) + " " + ordinaryNhs.substring(6);
        assertEquals(
                spaced, browser.driver.findElement(By.id("patient-nhs-number")).getText());
        assertTrue(
                browser.driver.findElement(By.id("patient-address")).getText().contains("4 Quarry Road"));
        // Nothing of the record is read before a reason: no alert strip, no reason line.
        assertTrue(browser.driver.findElements(By.id("alert-strip")).isEmpty(), browser::page);
        assertTrue(browser.driver.findElements(By.id("access-reason")).isEmpty(), browser::page);
        assertEquals(List.of("Ongoing care relationship", "Explicit consent"), offeredLabels());
        assertFalse(anyReasonChecked(), "no reason is chosen for the user");
        assertTrue(browser.driver.findElements(By.id("reason:justification")).isEmpty(), "nothing needs one");
        browser.screenshot("reason-step-receptionist");

        // Nothing chosen: said plainly, and the page stays on this person.
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("reason:messages"), "Select a reason for opening this record");
        assertTrue(browser.driver.getCurrentUrl().contains("person=" + ordinary), browser.driver.getCurrentUrl());
        browser.waitForText(By.id("patient-name"), "REASONSTEP");
        assertFalse(anyReasonChecked());

        // Break glass posted by hand: refused by the access decision and audited as a denial.
        forgeReason("VITAL_INTERESTS");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("reason:messages"), "Your role may not give that reason");
        assertTrue(browser.driver.getCurrentUrl().contains("person=" + ordinary), browser.driver.getCurrentUrl());
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'RECORD_VIEW' and outcome = 'DENIED'"
                                + " and username = 'reception.wu' and person_id = ?"
                                + " and detail = 'declare VITAL_INTERESTS: REASON_NOT_FOR_ROLE'",
                        ordinary));
        // The receptionist's own (the clinician's test declares for the same person).
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from reason_declaration where person_id = ? and user_account_id ="
                                + " (select id from user_account where username = 'reception.wu')",
                        ordinary));
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from privacy_alert where person_id = ? and kind = 'BREAK_GLASS'"
                                + " and username = 'reception.wu'",
                        ordinary));

        chooseReason("Ongoing care relationship");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("access-reason"), "Ongoing care relationship");
        // The banner was a read of demographics, audited with the person.
        assertTrue(
                TestEnvironment.count(
                                "select count(*) from audit_event where action = 'PATIENT_SEARCH'"
                                        + " and username = 'reception.wu' and person_id = ?"
                                        + " and detail = 'reason step: banner DETAILS, 2 reason(s) offered'",
                                ordinary)
                        >= 3,
                "each showing of the step is audited");
    }

    @Test
    void aClinicianIsOfferedEveryReasonAndKeepsWhatWasTypedAfterAnError() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/reason.xhtml?person=" + ordinary);
        browser.waitForText(By.id("patient-name"), "REASONSTEP");
        assertEquals(
                List.of(
                        "Ongoing care relationship",
                        "Explicit consent",
                        "Vital interests (emergency, break glass)",
                        "Safeguarding concern",
                        "Appropriateness of referral or clinical audit"),
                offeredLabels());
        assertFalse(anyReasonChecked());
        chooseReason("Vital interests");
        browser.driver.findElement(By.id("reason:justification")).sendKeys("Too short");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("reason:messages"), "at least 20 characters");
        assertTrue(browser.driver.getCurrentUrl().contains("person=" + ordinary), browser.driver.getCurrentUrl());
        browser.waitForText(By.id("patient-name"), "REASONSTEP");
        assertTrue(
                browser.driver
                        .findElement(By.cssSelector("input[type=radio][value='VITAL_INTERESTS']"))
                        .isSelected(),
                "the choice is kept");
        assertEquals(
                "Too short",
                browser.driver.findElement(By.id("reason:justification")).getAttribute("value"));
        browser.screenshot("reason-step-error");
        browser.driver.findElement(By.id("reason:justification")).sendKeys(": collapsed at the surgery, unresponsive");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("access-reason"), "Vital interests");
    }

    @Test
    void aRestrictedPersonsAddressIsNotShownOnTheReasonStep() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/reason.xhtml?person=" + restricted);
        browser.waitForText(By.id("patient-name"), "REASONHIDDEN");
        browser.waitFor(By.id("restricted-marker"));
        String html = browser.page();
        for (String hidden : List.of("Quarry Road", "BS37 9ZZ", "01454 000444")) {
            assertFalse(html.contains(hidden), hidden + " must not reach the page");
        }
    }

    @Test
    void anOptedOutPersonIsRefusedAsBeforeWithNoBanner() throws Exception {
        signInAs("reception.wu", "Reception-demo-1");
        browser.open("record/reason.xhtml?person=" + optedOut);
        browser.waitForText(By.id("reason-refused"), "not available for viewing");
        String html = browser.page();
        assertFalse(html.contains("REASONOPTEDOUT"), html);
        assertTrue(browser.driver.findElements(By.id("reason:open")).isEmpty(), html);

        // Safeguarding staff are offered the one reason that opens it, still without the person's details.
        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/reason.xhtml?person=" + optedOut);
        browser.waitFor(By.id("reason-opted-out"));
        assertFalse(browser.page().contains("REASONOPTEDOUT"), browser::page);
        assertEquals(List.of("Safeguarding concern"), offeredLabels());
    }
}
