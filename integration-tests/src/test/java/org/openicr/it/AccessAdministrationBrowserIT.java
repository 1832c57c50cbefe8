package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;

/**
 * Black-box in Chromium: the administrator's console for users (create with a role profile, sign
 * in as them, disable, reset the password), organisations and source systems (a new source posts,
 * a disabled one is refused, an inactive organisation's items leave the record at once), and the
 * seal break of a withheld item (justified, audited, alerted to the privacy officer). Every change
 * is checked in the audit with its before and after values and without the password.
 */
class AccessAdministrationBrowserIT extends BrowserTest {

    @Test
    void anAdministratorCreatesAUserWhoSignsInAndThenDisablesAndResetsThem() throws Exception {
        String username = createUser("R8001", "RX901", false, "First-password-26");
        browser.screenshot("admin-user");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'ACCOUNT_CHANGED' and username = ?"
                                + " and detail like ? and detail not like '%First-password-26%'",
                        ADMIN, "account " + username + ": before {none} after {%enabled=true%"));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'ROLE_PROFILE_CHANGED' and detail = ?",
                        "account " + username + " profile: before {none} after {R8001 at RX901, active=true,"
                                + " safeguarding=false, mayBreakSeal=false}"));

        // The new user signs in in the profile they were given, and must first replace the administrator's password.
        signInAs(username, "First-password-26");
        browser.waitForText(By.id("active-profile"), "R8001");
        browser.waitFor(By.id("required-note"));

        // Disabled: the next sign-in is refused.
        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/user.xhtml?username=" + username);
        browser.waitFor(By.id("user:disable")).click();
        browser.waitForText(By.id("user-state"), "Disabled");
        assertTrue(signInFails(username, "First-password-26"), browser::page);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'ACCOUNT_CHANGED' and detail like ?",
                        "account " + username + ": before {%enabled=true%} after {%enabled=false%}"));

        // Enabled with a new password: the old one no longer works, the new one does.
        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/user.xhtml?username=" + username);
        browser.waitFor(By.id("user:enable")).click();
        browser.waitForText(By.id("user-state"), "Enabled");
        browser.driver.findElement(By.id("user:newPassword")).sendKeys("short");
        browser.driver.findElement(By.id("user:reset")).click();
        browser.waitForText(By.id("user:messages"), "at least 12 characters");
        browser.driver.findElement(By.id("user:newPassword")).sendKeys("Second-password-27");
        browser.driver.findElement(By.id("user:reset")).click();
        browser.waitForText(By.id("user:messages"), "Password reset");
        browser.waitForText(By.id("user:must-change"), "must change the password at the next sign-in");
        assertTrue(signInFails(username, "First-password-26"), browser::page);
        signInAs(username, "Second-password-27");
        browser.waitForText(By.id("active-profile"), "R8001");
        browser.waitFor(By.id("required-note"));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'PASSWORD_RESET' and detail like ?"
                                + " and detail not like '%Second-password-27%'",
                        "account " + username + ": %password=changed}"));
    }

    @Test
    void aNewSourcePostsADisabledOneIsRefusedAndAnInactiveOrganisationsItemsDisappear() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 100_000L);
        String ods = "ITO" + suffix;
        String code = "it-source-" + suffix;
        String account = "sys.it" + suffix;
        String secret = "Source-secret-2026";

        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/organisations.xhtml");
        browser.waitFor(By.id("orgs:ods")).sendKeys(ods);
        browser.driver.findElement(By.id("orgs:name")).sendKeys("Integration Walk-in Centre " + suffix);
        browser.select("orgs:type", "GP_PRACTICE");
        browser.driver.findElement(By.id("orgs:save")).click();
        browser.waitForText(By.id("orgs:messages"), "created");
        browser.open("admin/sources.xhtml");
        browser.waitFor(By.id("create:code")).sendKeys(code);
        browser.driver.findElement(By.id("create:name")).sendKeys("Walk-in EPR " + suffix);
        browser.select("create:organisation", ods);
        browser.driver.findElement(By.id("create:username")).sendKeys(account);
        browser.driver.findElement(By.id("create:password")).sendKeys(secret);
        browser.driver.findElement(By.id("create:save")).click();
        browser.waitForText(By.id("sources:list"), code);
        browser.screenshot("admin-sources");

        // The new source posts a person's item.
        String nhsNumber = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                nhsNumber,
                "Ms",
                "Ivy",
                "WALKIN",
                LocalDate.of(1975, 5, 5),
                "female",
                "2 Lane",
                "Yate",
                "BS37 2ZZ",
                null,
                "Y90001",
                false);
        long personId = TestEnvironment.postPerson(person);
        Soap.Response posted = Soap.post(
                TestEnvironment.ingestionUrl(),
                "SubmitItems",
                ItemIngestionSoapIT.batch(
                        "walkin-" + suffix,
                        "<icr:nhsNumber>" + nhsNumber + "</icr:nhsNumber>",
                        ItemIngestionSoapIT.medication("wic-1", 1, "Given at the walk-in centre")),
                account,
                secret);
        assertEquals(200, posted.status(), posted::toString);

        // A GP sees it in the record...
        signInAs("gp.hart", "Clinician-demo-1");
        openRecordForCare(personId);
        browser.open("record/view.xhtml?person=" + personId + "&category=MEDICATIONS");
        browser.waitForText(By.id("record:items"), "Given at the walk-in centre");

        // ...the administrator disables the source: its next message is refused...
        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/sources.xhtml");
        browser.waitFor(By.cssSelector(".disable-" + code)).click();
        browser.waitForText(By.cssSelector(".state-" + code), "Disabled");
        Soap.Response refused = Soap.post(
                TestEnvironment.ingestionUrl(),
                "SubmitItems",
                ItemIngestionSoapIT.batch(
                        "walkin-2-" + suffix,
                        "<icr:nhsNumber>" + nhsNumber + "</icr:nhsNumber>",
                        ItemIngestionSoapIT.medication("wic-2", 1, "Must not be stored")),
                account,
                secret);
        assertNotEquals(200, refused.status(), refused::toString);
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from record_item where source_key = 'wic-2' and person_id = ?", personId));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'SOURCE_SYSTEM_CHANGED' and detail like ?",
                        "source " + code + ": before {%active=true, accountEnabled=true%} after {%active=false,"
                                + " accountEnabled=false%}"));

        // ...and makes the organisation inactive: its items leave the record at once, not deleted.
        browser.open("admin/organisations.xhtml");
        browser.waitFor(By.cssSelector(".edit-" + ods)).click();
        browser.waitForText(By.id("form-title"), "Edit organisation");
        browser.driver
                .findElement(By.cssSelector("#orgs\\:active .ui-chkbox-box"))
                .click();
        browser.driver.findElement(By.id("orgs:save")).click();
        browser.waitForText(By.cssSelector(".state-" + ods), "Inactive");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'ORGANISATION_CHANGED' and detail like ?",
                        "organisation % before {ods=" + ods + "%active=true} after {ods=" + ods + "%active=false}"));

        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/view.xhtml?person=" + personId + "&category=MEDICATIONS");
        browser.waitForText(By.id("category-title"), "Medications");
        assertFalse(browser.page().contains("Given at the walk-in centre"), browser::page);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item where source_key = 'wic-1' and person_id = ?", personId));
    }

    @Test
    void aProfileAllowedToBreakSealsOpensAWithheldItemWithAJustificationAndThePrivacyOfficerIsAlerted()
            throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                nhsNumber,
                "Mr",
                "Seb",
                "SEALHOLDER",
                LocalDate.of(1966, 6, 6),
                "male",
                "3 Close",
                "Yate",
                "BS37 3ZZ",
                null,
                "Y90001",
                false);
        long personId = TestEnvironment.postPerson(person);
        long sealedItem = TestEnvironment.count(
                "select id from record_item where person_id = ? and sensitivity = 'SEALED'", personId);

        // A clinician at the trust, allowed to break seals, created through the console.
        String username = createUser("R8000", "RX901", true, "Seal-breaker-2026");
        // The forced first change is PasswordChangeBrowserIT's subject: this fixture keeps the password.
        TestEnvironment.execute("update user_account set must_change_password = false where username = ?", username);
        signInAs(username, "Seal-breaker-2026");
        openRecordForCare(personId);
        browser.open("record/view.xhtml?person=" + personId + "&category=PROBLEMS");
        browser.waitForText(By.id("record:items"), "Withheld by the source");
        assertFalse(browser.page().contains("Sexual health clinic"), browser::page);
        browser.driver.findElement(By.linkText("Break the seal")).click();

        // Too short a justification is refused, and audited as a denial.
        browser.waitFor(By.id("seal:justification")).sendKeys("needed");
        browser.driver.findElement(By.id("seal:break")).click();
        browser.waitForText(By.id("seal:messages"), "justification");
        browser.screenshot("record-seal-break");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'RECORD_VIEW' and outcome = 'DENIED'"
                                + " and username = ? and person_id = ? and detail like '%JUSTIFICATION_REQUIRED'",
                        username, personId));
        browser.driver
                .findElement(By.id("seal:justification"))
                .sendKeys("Prescribing a drug that interacts; need the sealed history now.");
        browser.driver.findElement(By.id("seal:break")).click();
        browser.waitForText(By.id("record:items"), "Sexual health clinic attendance");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'SEAL_BROKEN' and username = ?"
                                + " and person_id = ? and detail like ?",
                        username,
                        personId,
                        "seal of item " + sealedItem + " %"));

        // A nurse at the same trust, who did not break it, still sees it withheld.
        signInAs("nurse.okafor", "Nurse-demo-1");
        openRecordForCare(personId);
        browser.open("record/view.xhtml?person=" + personId + "&category=PROBLEMS");
        browser.waitForText(By.id("record:items"), "Withheld by the source");
        assertFalse(browser.page().contains("Sexual health clinic"), browser::page);
        assertFalse(browser.page().contains("Break the seal"), browser::page);
        browser.open("record/seal.xhtml?person=" + personId + "&item=" + sealedItem);
        browser.waitFor(By.id("seal:justification")).sendKeys("Trying to open it without being allowed to do so.");
        browser.driver.findElement(By.id("seal:break")).click();
        browser.waitForText(By.id("seal:messages"), "may not open sealed information");

        // The privacy officer's queue shows the break with its justification.
        signInAs("privacy.shaw", "Privacy-demo-1");
        browser.open("privacy/alerts.xhtml");
        browser.waitForText(By.id("alerts:list"), "Prescribing a drug that interacts");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from privacy_alert where kind = 'SEAL_BROKEN' and username = ?"
                                + " and person_id = ? and seal_break_id is not null",
                        username,
                        personId));
    }
}
