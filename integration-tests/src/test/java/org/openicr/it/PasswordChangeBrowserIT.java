package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Black-box in Chromium: people change their own password. One whose password the administrator
 * set is kept on the change page until they choose their own (the search page and home send them
 * back), every refusal is said on the page, the new password works at the next sign-in and the old
 * one does not; wrong current passwords count toward the sign-in lockout. All of it is audited,
 * never with a password.
 */
class PasswordChangeBrowserIT extends BrowserTest {

    private static final String GIVEN = "Given-by-admin-1";
    private static final String CHOSEN = "My-own-phrase-42";

    private void change(String current, String newPassword, String confirmation) {
        browser.waitFor(By.id("password:current")).sendKeys(current);
        browser.driver.findElement(By.id("password:newPassword")).sendKeys(newPassword);
        browser.driver.findElement(By.id("password:confirmation")).sendKeys(confirmation);
        browser.driver.findElement(By.id("password:change")).click();
    }

    private void refused(String current, String newPassword, String confirmation, String message) {
        change(current, newPassword, confirmation);
        browser.waitForText(By.id("password:messages"), message);
        assertTrue(browser.driver.getCurrentUrl().contains("account/password.xhtml"), browser.driver::getCurrentUrl);
    }

    private void keptOnTheChangePage(String page) {
        browser.open(page);
        browser.waitFor(By.id("required-note"));
        assertTrue(browser.driver.getCurrentUrl().contains("account/password.xhtml"), browser.driver::getCurrentUrl);
    }

    private static long failedLogins(String username) throws Exception {
        return TestEnvironment.count("select failed_logins from user_account where username = ?", username);
    }

    @Test
    void aUserTheAdministratorCreatedMustChooseTheirOwnPasswordBeforeAnythingElse() throws Exception {
        String username = createUser("R8000", "Y90001", false, GIVEN);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from user_account where username = ? and must_change_password", username));

        browser.driver.manage().deleteAllCookies();
        browser.signIn(username, GIVEN);
        browser.waitForText(By.id("required-note"), "set by an administrator");
        assertTrue(browser.driver.getCurrentUrl().contains("account/password.xhtml"), browser.driver::getCurrentUrl);
        browser.screenshot("account-password-required");

        // Nothing else opens until the password is changed.
        keptOnTheChangePage("record/search.xhtml");
        assertTrue(browser.driver.findElements(By.id("search:nhsNumber")).isEmpty(), browser::page);
        keptOnTheChangePage("home.xhtml");

        // Each refusal is said on the page, never a stack trace.
        refused("Not-my-password-7", CHOSEN, CHOSEN, "not your current password");
        assertEquals(1, failedLogins(username), "a wrong current password counts toward the lockout");
        refused(GIVEN, CHOSEN, CHOSEN + "x", "confirmation are not the same");
        refused(GIVEN, "too-short", "too-short", "at least 12 characters");
        refused(GIVEN, GIVEN, GIVEN, "must differ from the current one");
        refused(GIVEN, "xx" + username + "xx", "xx" + username + "xx", "must not contain the username");
        assertEquals("Change password - OpenICR", browser.driver.getTitle(), browser::page);
        assertFalse(
                browser.page().contains("EJBException") || browser.page().contains("at org.openicr."), browser::page);
        keptOnTheChangePage("record/search.xhtml");

        // Keyboard only: type, then Enter in the last field.
        browser.waitFor(By.id("password:current")).sendKeys(GIVEN, Keys.TAB, CHOSEN, Keys.TAB, CHOSEN, Keys.ENTER);
        browser.waitForText(By.id("notices"), "Your password is changed");
        assertEquals(0, failedLogins(username));
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("search:nhsNumber"));

        // Signed out: the administrator's password no longer works, their own does, and nothing forces a change.
        browser.driver.findElement(By.id("logout:signout")).click();
        browser.waitFor(By.id("login:username"));
        assertTrue(signInFails(username, GIVEN), browser::page);
        signInAs(username, CHOSEN);
        assertTrue(browser.driver.getCurrentUrl().contains("home.xhtml"), browser.driver::getCurrentUrl);
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("search:nhsNumber"));

        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'PASSWORD_CHANGED' and outcome = 'SUCCESS'"
                                + " and username = ?",
                        username));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'PASSWORD_CHANGED' and outcome = 'DENIED'"
                                + " and username = ? and detail = 'wrong current password (1 in a row)'",
                        username));
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from audit_event where detail like ? or detail like ? or detail like ?",
                        "%" + GIVEN + "%",
                        "%" + CHOSEN + "%",
                        "%Not-my-password-7%"));
    }

    @Test
    void wrongCurrentPasswordsLockTheAccountLikeFailedSignIns() throws Exception {
        String username = createUser("R8001", "RX901", false, GIVEN);
        browser.driver.manage().deleteAllCookies();
        browser.signIn(username, GIVEN);
        browser.waitFor(By.id("required-note"));
        for (int attempt = 1; attempt < 5; attempt++) {
            refused("Guess-number-" + attempt, CHOSEN, CHOSEN, "not your current password");
        }
        change("Guess-number-5", CHOSEN, CHOSEN);
        browser.waitForText(By.id("locked-note"), "your account is locked");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from user_account where username = ? and locked_at is not null", username));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'ACCOUNT_LOCKED' and username = ?", username));
        assertEquals(
                5,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'PASSWORD_CHANGED' and outcome = 'DENIED'"
                                + " and username = ? and detail like 'wrong current password%'",
                        username));
        browser.open("home.xhtml");
        browser.waitFor(By.id("login:username"));
        assertTrue(signInFails(username, GIVEN), browser::page);
    }

    @Test
    void everySignedInPersonReachesTheChangePageFromTheHeaderByKeyboard() {
        // A privacy officer (no record access): the demo's users are never made to change.
        signInAs("privacy.shaw", "Privacy-demo-1");
        assertTrue(browser.driver.getCurrentUrl().contains("home.xhtml"), browser.driver::getCurrentUrl);
        browser.driver.findElement(By.id("change-password")).sendKeys(Keys.ENTER);
        browser.waitForText(By.id("password-title"), "Change your password");
        assertTrue(browser.driver.findElements(By.id("required-note")).isEmpty(), browser::page);
        for (String field : new String[] {"current", "newPassword", "confirmation"}) {
            assertFalse(
                    browser.driver
                            .findElements(By.cssSelector("label[for='password:" + field + "']"))
                            .isEmpty(),
                    "a label for " + field);
        }
        browser.open("privacy/alerts.xhtml");
        browser.waitFor(By.id("alerts:list"));
    }
}
