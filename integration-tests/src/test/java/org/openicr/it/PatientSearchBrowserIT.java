package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;

/**
 * Black-box in real headless Chromium: a source posts a person over SOAP, a clinician signs in,
 * finds them by NHS Number and sees them; the view is audited. Also sign-in failures, lockout and
 * the administrator's audited unlock, role-restricted pages, the role profile chooser and sign-out.
 */
class PatientSearchBrowserIT extends BrowserTest {

    private static String postPerson(String family, boolean restricted) throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                nhsNumber,
                "Mrs",
                "Olwen",
                family,
                LocalDate.of(1950, 6, 1),
                "female",
                "8 Secret Lane",
                "Bath",
                "BA1 9ZZ",
                "01225 000999",
                "Y90002",
                restricted);
        Soap.Response response = Soap.post(
                TestEnvironment.ingestionUrl(),
                DemoRegion.demographicsEnvelope("browser-" + nhsNumber, person),
                "sys.riverside-gp",
                "Source-demo-gp-1");
        assertEquals(200, response.status(), response::toString);
        return nhsNumber;
    }

    private void search(String nhsNumberAsTyped) {
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("search:nhsNumber")).clear();
        browser.driver.findElement(By.id("search:nhsNumber")).sendKeys(nhsNumberAsTyped);
        browser.driver.findElement(By.id("search:find")).click();
    }

    @Test
    void aClinicianFindsAPersonPostedOverSoapAndTheViewIsAudited() throws Exception {
        String nhsNumber = postPerson("TREVELYAN", false);
        String spaced = nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);

        browser.signIn("gp.hart", "Clinician-demo-1");
        browser.waitForText(By.id("active-profile"), "R8000");
        browser.screenshot("home");
        search(spaced);
        browser.waitForText(By.id("patient-name"), "TREVELYAN, Olwen");
        browser.screenshot("patient-search");
        assertEquals(
                spaced, browser.driver.findElement(By.id("patient-nhs-number")).getText(), browser::page);
        assertEquals(
                "8 Secret Lane, Bath, BA1 9ZZ",
                browser.driver.findElement(By.id("patient-address")).getText(),
                browser::page);

        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event a join person p on p.id = a.person_id"
                                + " where p.nhs_number = ? and a.action = 'PATIENT_SEARCH' and a.outcome = 'SUCCESS'"
                                + " and a.username = 'gp.hart' and a.rbac_role_code = 'R8000'"
                                + " and a.organisation_ods = 'Y90001'",
                        nhsNumber));
    }

    @Test
    void aRestrictedPersonsAddressNeverReachesThePage() throws Exception {
        String nhsNumber = postPerson("RESTRICTA", true);
        browser.signIn("reception.wu", "Reception-demo-1");
        browser.waitForText(By.id("active-profile"), "R8009");
        search(nhsNumber);
        browser.waitForText(By.id("patient-name"), "RESTRICTA");
        browser.waitFor(By.id("restricted-marker"));
        String html = browser.page();
        assertFalse(html.contains("Secret Lane"), html);
        assertFalse(html.contains("BA1 9ZZ"), html);
        assertFalse(html.contains("01225 000999"), html);
        assertFalse(html.contains("Y90002"), html);
    }

    @Test
    void peopleAreFoundByNameAndBirthDateOrByPartialNameAndPostcode() throws Exception {
        String family = "ZEDNAME" + (System.nanoTime() % 100000);
        String nhsNumber = postPerson(family, false);

        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("byName:familyName")).sendKeys(family.toLowerCase());
        browser.driver.findElement(By.id("byName:dateOfBirth_input")).sendKeys("01/06/1950");
        browser.driver.findElement(By.id("byName:find")).click();
        browser.waitForText(By.id("list"), family + ", Olwen");
        assertTrue(browser.page().contains(nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6)), browser::page);

        browser.open("record/search.xhtml");
        browser.waitFor(By.id("byPostcode:namePrefix")).sendKeys(family.substring(0, 4));
        browser.driver.findElement(By.id("byPostcode:postcode")).sendKeys("ba19zz");
        browser.driver.findElement(By.id("byPostcode:find")).click();
        browser.waitForText(By.id("list"), family + ", Olwen");
        browser.screenshot("search-by-name");
        assertEquals(
                1,
                TestEnvironment.count("select count(*) from audit_event where action = 'PATIENT_SEARCH'"
                                        + " and username = 'gp.hart' and detail like 'by partial name and postcode: %'"
                                        + " and occurred_at > now() - interval '5 minutes'")
                                > 0
                        ? 1
                        : 0);
    }

    @Test
    void aRestrictedPersonIsNotFoundByPostcode() throws Exception {
        String family = "YRESTRICT" + (System.nanoTime() % 100000);
        String nhsNumber = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                nhsNumber,
                "Ms",
                "Rae",
                family,
                LocalDate.of(1991, 2, 3),
                "female",
                "1 Safe House",
                "Bath",
                "BA1 8YY",
                null,
                "Y90002",
                true);
        Soap.post(
                TestEnvironment.ingestionUrl(),
                DemoRegion.demographicsEnvelope("restr-" + nhsNumber, person),
                "sys.riverside-gp",
                "Source-demo-gp-1");
        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("byPostcode:namePrefix")).sendKeys(family.substring(0, 5));
        browser.driver.findElement(By.id("byPostcode:postcode")).sendKeys("BA1 8YY");
        browser.driver.findElement(By.id("byPostcode:find")).click();
        browser.waitForText(By.id("list"), "Nobody matches");
        assertFalse(browser.page().contains(family), browser::page);
    }

    @Test
    void anInvalidNhsNumberGetsAMessageNotAnError() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        search("943 476 5918");
        browser.waitForText(By.id("search"), "This is not a valid NHS Number (check the digits).");
        assertFalse(browser.page().contains("Modulus"), browser::page);
        assertFalse(browser.page().contains("IcrException"), browser::page);
        assertFalse(browser.page().contains("at org.openicr"), browser::page);
    }

    @Test
    void anUnknownNhsNumberSaysSo() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        search("943 476 5919");
        browser.waitForText(By.id("no-result"), "No person with that NHS Number");
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("login:username"));
        assertTrue(browser.driver.getCurrentUrl().endsWith("/login.xhtml"), browser.driver.getCurrentUrl());
    }

    @Test
    void anAdministratorCannotOpenRecords() throws Exception {
        signInAs("admin.khan", "Admin-demo-1");
        browser.open("record/search.xhtml");
        browser.waitForText(By.id("error-title"), "Not available to your role");
    }

    @Test
    void aUserWithSeveralRoleProfilesChoosesOne() throws Exception {
        browser.signIn("dr.lee", "Multirole-demo-1");
        browser.waitForText(By.tagName("h2"), "Choose the role you are working in");
        browser.screenshot("choose-role");
        browser.driver
                .findElement(By.xpath("//input[contains(@value, 'R8003')]"))
                .click();
        browser.waitForText(By.id("active-profile"), "R8003");
        assertTrue(browser.driver.findElement(By.id("active-profile")).getText().contains("Mental Health"));
        browser.driver.findElement(By.id("switch:switchRole")).click();
        browser.waitForText(By.tagName("h2"), "Choose the role you are working in");
        browser.driver
                .findElement(By.xpath("//input[contains(@value, 'R8000')]"))
                .click();
        browser.waitForText(By.id("active-profile"), "R8000");
        assertTrue(browser.driver.findElement(By.id("active-profile")).getText().contains("Avon Vale"));
    }

    @Test
    void fiveFailedSignInsLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
        String username = "it.lock" + System.nanoTime() % 100000;
        try (Connection c = TestEnvironment.database()) {
            long id = new DemoRegion().account(c, username, "Lock Test", "PERSON", "Right-password-1");
            TestEnvironment.execute(
                    "insert into role_profile (user_account_id, rbac_role_code, organisation_id)"
                            + " select ?, 'R8001', id from organisation where ods_code = 'RX901'",
                    id);
        }
        for (int i = 0; i < 5; i++) {
            browser.signIn(username, "wrong-password");
            browser.waitForText(By.id("login:messages"), "Sign-in failed");
        }
        browser.signIn(username, "Right-password-1");
        browser.waitForText(By.id("login:messages"), "Sign-in failed");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'ACCOUNT_LOCKED' and username = ?", username));

        signInAs("admin.khan", "Admin-demo-1");
        browser.open("admin/accounts.xhtml");
        browser.waitForText(By.id("accounts:locked"), username);
        browser.screenshot("admin-locked-accounts");
        browser.driver
                .findElement(By.xpath("//tr[td[normalize-space()='" + username + "']]//button"))
                .click();
        browser.waitForText(By.id("accounts:messages"), "unlocked");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'ACCOUNT_UNLOCKED'"
                                + " and username = 'admin.khan' and detail like ?",
                        "account " + username + ":%"));

        browser.driver.findElement(By.id("logout:signout")).click();
        browser.waitFor(By.id("login:username"));
        browser.signIn(username, "Right-password-1");
        browser.waitForText(By.id("active-profile"), "R8001");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        signInAs("nurse.okafor", "Nurse-demo-1");
        browser.driver.findElement(By.id("logout:signout")).click();
        browser.waitForText(By.tagName("body"), "You have signed out.");
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("login:username"));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select least(count(*), 1) from audit_event where action = 'LOGOUT' and username = 'nurse.okafor'"));
    }
}
