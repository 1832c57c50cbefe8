package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 18, the administrator's work in Chromium: the menu is grouped and fits one line at 1280 px
 * with Locked accounts and Alert settings in it; the opt-out page shows who the person is and asks
 * "Yes, this is the person" before anything can be recorded, and names councils; a role profile
 * without an organisation is refused in plain English; a failed form keeps what was typed except
 * the password (with a note); the raw message viewer lays out XML and HL7 v2.
 */
class AdministrationBrowserIT extends BrowserTest {

    @Test
    void theMenuIsGroupedOnOneLineWithLockedAccountsAndAlertSettings() throws Exception {
        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("home.xhtml");
        WebElement nav = browser.waitFor(By.cssSelector("nav.icr-nav"));
        List<WebElement> entries = nav.findElements(By.xpath("./a | ./details/summary"));
        assertEquals(4, entries.size(), "Home and the three groups");
        int top = entries.get(0).getLocation().getY();
        for (WebElement entry : entries) {
            assertTrue(
                    Math.abs(top - entry.getLocation().getY()) <= 8,
                    "on one line at 1280 px: " + entry.getText() + " at "
                            + entry.getLocation().getY() + ", not " + top);
        }
        for (String group : List.of("People and access", "Sources and messages", "Privacy")) {
            assertTrue(nav.getText().contains(group), nav.getText());
        }
        browser.driver.findElement(By.cssSelector("#menu-people > summary")).click();
        browser.screenshot("admin-menu-grouped");
        browser.waitFor(By.linkText("Locked accounts")).click();
        browser.waitForText(By.tagName("h1"), "Locked accounts");

        browser.waitFor(By.cssSelector("#menu-sources > summary")).click();
        browser.waitFor(By.linkText("Received messages")).click();
        browser.waitForText(By.tagName("h1"), "Received messages");

        signInAs("privacy.shaw", "Privacy-demo-1");
        browser.waitFor(By.cssSelector("#menu-privacy > summary")).click();
        browser.waitFor(By.linkText("Alert settings")).click();
        browser.waitForText(By.tagName("h1"), "Alert settings");
        assertTrue(browser.driver.findElements(By.id("menu-people")).isEmpty(), "no administrator's menu");
    }

    @Test
    void theOptOutPageShowsWhoThePersonIsBeforeAnythingIsRecorded() throws Exception {
        long person = AuditCompletenessIT.newPerson("OPTCHECK");
        String nhs = PrivacyOfficerBrowserIT.nhsNumber(person);
        String spaced = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/optouts.xhtml");
        browser.waitFor(By.id("optouts:nhsNumber")).sendKeys(nhs);
        browser.driver.findElement(By.id("optouts:find")).click();
        browser.waitForText(By.id("person-heading"), "Is this the person?");
        assertEquals(
                "Mrs Audrey OPTCHECK",
                browser.driver.findElement(By.id("person-name")).getText());
        assertEquals(
                "02-Jan-1950", browser.driver.findElement(By.id("person-dob")).getText());
        assertEquals(
                spaced, browser.driver.findElement(By.id("person-nhs-number")).getText());
        browser.screenshot("admin-opt-out-check");
        // Nothing can be recorded yet.
        assertTrue(browser.driver.findElements(By.id("optouts:optOut")).isEmpty());
        assertTrue(browser.driver.findElements(By.id("optouts:channel")).isEmpty());
        assertTrue(browser.driver.findElements(By.cssSelector(".refuse-LA901")).isEmpty());

        // Not them: back to the search, nothing shown.
        browser.driver.findElement(By.id("optouts:notThisPerson")).click();
        for (int i = 0;
                i < 50 && !browser.driver.findElements(By.id("person-name")).isEmpty();
                i++) {
            Thread.sleep(100);
        }
        assertTrue(browser.driver.findElements(By.id("person-name")).isEmpty());

        browser.waitFor(By.id("optouts:nhsNumber")).sendKeys(nhs);
        browser.driver.findElement(By.id("optouts:find")).click();
        browser.waitFor(By.id("optouts:confirm")).click();
        browser.waitFor(By.id("current-state"));
        assertEquals(
                "Person", browser.driver.findElement(By.id("person-heading")).getText());
        // Councils by name (their ODS code as a note).
        String councils = browser.driver.findElement(By.id("optouts:councils")).getText();
        assertTrue(councils.contains("North Avon Council"), councils);
        browser.waitFor(By.cssSelector(".refuse-LA901")).click();
        browser.waitForText(By.id("optouts:messages"), "Refusal recorded: North Avon Council's social care record");
        assertEquals(
                0,
                TestEnvironment.count("select count(*) from opt_out_event where person_id = ?", person),
                "looking the person up records nothing");
        assertEquals(
                2,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'PATIENT_SEARCH' and username = ?"
                                + " and person_id = ? and detail = 'opt-out processing: person identified by NHS Number'",
                        ADMIN,
                        person),
                "each identification is audited");
        TestEnvironment.execute(
                "delete from social_care_consent_refusal where person_id = ?", person); // leave the person as found
    }

    @Test
    void aRoleProfileWithoutAnOrganisationIsRefusedInPlainEnglish() throws Exception {
        long before = TestEnvironment.count(
                "select count(*) from role_profile r join user_account u on u.id = r.user_account_id"
                        + " where u.username = 'reception.wu'");
        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/user.xhtml?username=reception.wu");
        browser.waitFor(By.id("user:grant"));
        browser.select("user:role", "R8000");
        browser.driver.findElement(By.id("user:grant")).click();
        browser.waitForText(By.id("user:messages"), "Choose the organisation the person works for in this role");
        browser.screenshot("admin-role-profile-no-organisation");
        String messages = browser.driver.findElement(By.id("user:messages")).getText();
        assertFalse(messages.contains("null"), messages);
        assertEquals(
                "R8000",
                browser.driver.findElement(By.id("user:role_input")).getDomProperty("value"),
                "the role chosen is kept");
        assertEquals(
                before,
                TestEnvironment.count(
                        "select count(*) from role_profile r join user_account u on u.id = r.user_account_id"
                                + " where u.username = 'reception.wu'"));
    }

    @Test
    void aFailedFormKeepsWhatWasTypedButNeverThePassword() throws Exception {
        String username = "it.keep" + System.nanoTime() % 1_000_000L;
        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/users.xhtml");
        browser.waitFor(By.id("create:username")).sendKeys(username);
        browser.driver.findElement(By.id("create:displayName")).sendKeys("Keep What Was Typed");
        browser.driver.findElement(By.id("create:password")).sendKeys("short");
        browser.driver.findElement(By.id("create:save")).click();
        browser.waitForText(By.id("create:messages"), "For your security, enter the password again.");
        browser.screenshot("admin-failed-form-kept");
        assertEquals(
                username, browser.driver.findElement(By.id("create:username")).getDomProperty("value"));
        assertEquals(
                "Keep What Was Typed",
                browser.driver.findElement(By.id("create:displayName")).getDomProperty("value"));
        assertEquals("", browser.driver.findElement(By.id("create:password")).getDomProperty("value"));
        assertEquals(0, TestEnvironment.count("select count(*) from user_account where username = ?", username));
    }

    @Test
    void theMessageViewerLaysOutXmlAndHl7() throws Exception {
        String messageId = "it-layout-" + System.nanoTime();
        String er7 = String.join(
                "\r",
                Hl7IngestionSoapIT.msh("ADT^A08", messageId),
                "EVN|A08",
                "PID|1||" + TestEnvironment.freshNhsNumber() + "^^^NHS^NH||LAYOUT^LINDA||19700101|F");
        Soap.Response r = Hl7IngestionSoapIT.post(messageId, er7);
        assertTrue(r.status() == 200 || r.status() == 500, r::toString);

        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/messages.xhtml");
        browser.select("messages:operation", "SubmitHl7");
        browser.driver.findElement(By.id("messages:apply")).click();
        browser.waitForText(By.id("messages:list"), messageId);
        browser.driver
                .findElement(By.xpath(
                        "//tr[td[normalize-space()='" + messageId + "']]//button[.//span[text()=" + "'Content']]"))
                .click();
        browser.waitForText(By.id("formatted-content"), "PID-5");
        String laidOut = browser.driver.findElement(By.id("formatted-content")).getText();
        browser.screenshot("admin-message-laid-out");
        assertTrue(laidOut.contains("\n  <"), "XML indented: " + laidOut);
        assertTrue(laidOut.lines().anyMatch(l -> l.strip().startsWith("EVN|A08")), "one segment a line: " + laidOut);
        assertTrue(laidOut.lines().anyMatch(l -> l.strip().startsWith("PID|1||")), laidOut);
        assertTrue(laidOut.lines().anyMatch(l -> l.strip().equals("PID-5   LAYOUT^LINDA")), "fields: " + laidOut);
        assertTrue(laidOut.lines().anyMatch(l -> l.strip().equals("MSH-10  " + messageId)), laidOut);
    }
}
