package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion;
import org.openicr.tools.directory.DirectoryAccounts;
import org.openqa.selenium.By;

/**
 * Issue 16 (closed by issue 17's last step): pages are allowed at the web layer by the role profile
 * the person chose, not by the union of their profiles. A test fixture user (not in the demo
 * region, whose people each hold profiles of one kind) holds an administrator profile (R8015 at the
 * ICB) and a clinical one (R8000 at the Riverside practice): working in one, the pages of the other
 * are refused with the 403 page and audited as ACCESS_DENIED in the chosen profile, until they
 * switch role. On a main that allows pages by the union both pages open.
 */
class ChosenProfilePagesBrowserIT extends BrowserTest {

    static final String DUAL = "dual.patel";
    private static final String DUAL_PASSWORD = "Dual-profile-test-1";

    @BeforeAll
    static void userWithTwoKindsOfProfile() throws Exception {
        try (Connection c = TestEnvironment.database()) {
            long account = new DemoRegion().account(c, DUAL, "Sam Patel", "PERSON", DUAL_PASSWORD);
            DirectoryAccounts accounts = new DirectoryAccounts();
            accounts.roleProfile(c, account, "R8015", "ICB90");
            accounts.roleProfile(c, account, "R8000", "Y90001");
        }
    }

    @Test
    void pagesAreAllowedByTheChosenRoleProfileUntilTheySwitch() throws Exception {
        long before = AuditCompletenessIT.baseline();
        signInChoosing(DUAL, DUAL_PASSWORD, "R8000");
        // Working as a GP: the start page offers the clinical pages only.
        browser.waitFor(By.id("find-patient"));
        assertTrue(browser.driver.findElements(By.linkText("Locked accounts")).isEmpty(), browser::page);
        browser.open("record/search.xhtml");
        browser.waitForText(By.tagName("h1"), "Find a patient");
        // An administration page, asked for by its address: refused in this profile, with a way on.
        browser.open("admin/accounts.xhtml");
        browser.waitForText(By.id("error-title"), "Not available to your role");
        browser.waitForText(By.id("error-profile"), "R8000");
        assertTrue(browser.page().contains("Switch role"), browser::page);
        assertFalse(browser.page().contains("Locked accounts</h1>"), browser::page);
        browser.screenshot("chosen-profile-admin-page-refused");
        browser.checkAccessibility("chosen-profile-403");

        // Switching to the administrator profile: the administration pages open, the record's are refused.
        browser.open("home.xhtml");
        browser.waitFor(By.id("switch:switchRole")).click();
        browser.waitForText(By.tagName("h2"), "Choose the role you are working in");
        browser.driver
                .findElement(By.xpath("//input[contains(@value, 'R8015')]"))
                .click();
        browser.waitForText(By.id("active-profile"), "R8015");
        assertTrue(browser.driver.findElements(By.id("find-patient")).isEmpty(), browser::page);
        browser.open("admin/accounts.xhtml");
        browser.waitForText(By.tagName("h1"), "Locked accounts");
        browser.open("record/search.xhtml");
        browser.waitForText(By.id("error-title"), "Not available to your role");
        browser.waitForText(By.id("error-profile"), "R8015");

        // Row for row: the sign-in with both profiles' groups, then each refusal in the profile chosen
        // at the time (the pages that opened write nothing).
        List<String> expected = List.of(
                "LOGIN SUCCESS - - - - \\| groups \\[R80\\d\\d, R80\\d\\d\\]",
                "ACCESS_DENIED DENIED R8000 Y90001 - - \\| page /admin/accounts.xhtml refused to the role",
                "ACCESS_DENIED DENIED R8015 ICB90 - - \\| page /record/search.xhtml refused to the role");
        List<String> actual = AuditCompletenessIT.events(before, DUAL, null);
        assertLinesMatch(expected, actual);
        assertEquals(expected.size(), actual.size(), "every row, no more");
    }
}
