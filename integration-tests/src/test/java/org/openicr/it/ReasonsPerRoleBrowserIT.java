package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 18 (closing): the administrator's "Reasons per role" page. Removing a reason from a role
 * takes it off that role's reason step at once; a hand-made post of it is refused by the access
 * decision and audited; the change is audited with the reasons before and after; and a role cannot
 * be left with no reason at all (said in plain English, nothing saved).
 */
class ReasonsPerRoleBrowserIT extends BrowserTest {

    /** reception.wu's role. */
    private static final String RECEPTIONIST = "R8009";

    private static long personId;

    @BeforeAll
    static void person() throws Exception {
        personId = TestEnvironment.postPerson(new DemoPerson(
                TestEnvironment.freshNhsNumber(),
                "Mr",
                "Idris",
                "REASONROLE",
                LocalDate.of(1958, 2, 3),
                "male",
                "2 Chapel Row",
                "Chipping Sodbury",
                "BS37 6ZZ",
                null,
                "Y90001",
                false));
    }

    /** The receptionist's reasons as V20 seeded them, whatever a failed run left. */
    @AfterEach
    void restoreTheReceptionistsReasons() throws Exception {
        TestEnvironment.execute("delete from role_reason where rbac_role_code = ?", RECEPTIONIST);
        TestEnvironment.execute(
                "insert into role_reason (rbac_role_code, reason) values (?, 'ONGOING_CARE'), (?, 'EXPLICIT_CONSENT')",
                RECEPTIONIST,
                RECEPTIONIST);
    }

    private WebElement cell(String role, String reason) {
        return browser.waitFor(By.cssSelector("input[data-cell='" + role + "-" + reason + "']"));
    }

    private List<String> offeredLabels() {
        return browser.driver.findElements(By.cssSelector("#reason\\:choice label")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static final String CHANGE_AUDITED =
            "select count(*) from audit_event where action = 'ROLE_REASONS_CHANGED'"
                    + " and outcome = 'SUCCESS' and username = 'admin.khan'"
                    + " and detail = 'role R8009: before [ONGOING_CARE, EXPLICIT_CONSENT] after [ONGOING_CARE]'";

    @Test
    void aReasonRemovedFromARoleIsNoLongerOfferedAndIsRefusedWhenPosted() throws Exception {
        long auditedBefore = TestEnvironment.count(CHANGE_AUDITED);
        signInAs(ADMIN, ADMIN_PASSWORD);
        // Reached from the grouped admin menu.
        browser.driver.findElement(By.cssSelector("#menu-people summary")).click();
        browser.driver.findElement(By.linkText("Reasons per role")).click();
        browser.waitForText(By.tagName("h1"), "Reasons per role");
        // Reasons are headed in words, each checkbox labelled with the role and the reason.
        String headings = browser.driver
                .findElement(By.cssSelector("#reasons table thead"))
                .getText();
        assertTrue(headings.contains("Explicit consent"), headings);
        assertFalse(headings.contains("EXPLICIT_CONSENT"), headings);
        WebElement consent = cell(RECEPTIONIST, "EXPLICIT_CONSENT");
        assertTrue(consent.isSelected());
        assertEquals(
                "Receptionist Access Role (R8009) may give Explicit consent",
                browser.driver
                        .findElement(By.cssSelector("label[for='" + consent.getAttribute("id") + "']"))
                        .getAttribute("textContent"));

        consent.click();
        browser.driver.findElement(By.id("reasons:save")).click();
        browser.waitForText(By.id("reasons:messages"), "1 role(s) changed.");
        assertFalse(cell(RECEPTIONIST, "EXPLICIT_CONSENT").isSelected());
        assertTrue(cell(RECEPTIONIST, "ONGOING_CARE").isSelected());
        browser.screenshot("reasons-per-role");
        assertEquals(auditedBefore + 1, TestEnvironment.count(CHANGE_AUDITED), "the change is audited, once");

        // The receptionist's next reason step offers only what is left.
        signInAs("reception.wu", "Reception-demo-1");
        browser.open("record/reason.xhtml?person=" + personId);
        browser.waitForText(By.id("patient-name"), "REASONROLE, Idris");
        assertEquals(List.of("Ongoing care relationship"), offeredLabels());

        // Posted by hand, the removed reason is refused by the access decision and audited.
        forgeReason("EXPLICIT_CONSENT");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("reason:messages"), "Your role may not give that reason");
        assertTrue(browser.driver.findElements(By.id("access-reason")).isEmpty(), browser::page);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'RECORD_VIEW' and outcome = 'DENIED'"
                                + " and username = 'reception.wu' and person_id = ?"
                                + " and detail = 'declare EXPLICIT_CONSENT: REASON_NOT_FOR_ROLE'",
                        personId));
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from reason_declaration where person_id = ? and user_account_id ="
                                + " (select id from user_account where username = 'reception.wu')",
                        personId));
    }

    @Test
    void aRoleCannotBeLeftWithNoReason() throws Exception {
        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/reasons.xhtml");
        cell(RECEPTIONIST, "ONGOING_CARE").click();
        cell(RECEPTIONIST, "EXPLICIT_CONSENT").click();
        browser.driver.findElement(By.id("reasons:save")).click();
        browser.waitForText(
                By.id("reasons:messages"),
                "Nothing was saved. Each role must keep at least one reason: choose one for Receptionist Access"
                        + " Role (R8009).");
        browser.screenshot("reasons-per-role-none-left");
        // What was ticked stays on the page to correct; the table is unchanged.
        assertFalse(cell(RECEPTIONIST, "ONGOING_CARE").isSelected());
        assertEquals(
                2, TestEnvironment.count("select count(*) from role_reason where rbac_role_code = ?", RECEPTIONIST));
        assertEquals(
                0,
                TestEnvironment.count("select count(*) from audit_event where action = 'ROLE_REASONS_CHANGED'"
                        + " and detail = 'role R8009: before [ONGOING_CARE, EXPLICIT_CONSENT] after []'"));
    }
}
