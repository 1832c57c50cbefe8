package org.openicr.it;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every black-box browser test shares: the EAR deployed as a client (nothing runs inside the
 * server), the demo directory seeded once, a fresh Chromium for each test, and signing in the way
 * a person does, waiting for the page before anything is looked for on it (a race was seen).
 * Subclasses keep only what they test.
 */
@ExtendWith(ArquillianExtension.class)
abstract class BrowserTest {

    static final String ADMIN = "admin.khan";
    static final String ADMIN_PASSWORD = "Admin-demo-1";

    Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void directory() throws Exception {
        TestEnvironment.seedDirectory();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /**
     * Signs in afresh (any earlier session's cookie dropped) as someone with exactly one role
     * profile, and waits until the header shows it.
     */
    void signInAs(String username, String password) {
        browser.driver.manage().deleteAllCookies();
        browser.signIn(username, password);
        browser.waitFor(By.id("active-profile"));
    }

    /** Signs in as someone with several role profiles and chooses the one with this RBAC role code. */
    void signInChoosing(String username, String password, String rbacRoleCode) {
        browser.driver.manage().deleteAllCookies();
        browser.signIn(username, password);
        browser.waitForText(By.tagName("h2"), "Choose the role you are working in");
        browser.driver
                .findElement(By.xpath("//input[contains(@value, '" + rbacRoleCode + "')]"))
                .click();
        browser.waitForText(By.id("active-profile"), rbacRoleCode);
    }

    /** Tries to sign in; answers whether the login page refused it (else the header shows a profile). */
    boolean signInFails(String username, String password) {
        browser.driver.manage().deleteAllCookies();
        browser.signIn(username, password);
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> d.getPageSource().contains("Sign-in failed")
                        || !d.findElements(By.id("active-profile")).isEmpty());
        return browser.page().contains("Sign-in failed");
    }

    /**
     * Opens a person's record choosing "Ongoing care relationship" (pre-selected when the record shows a
     * care relationship, docs/care-relationships.md; the click keeps it) and waits
     * for the record's own banner (the one that shows the reason).
     */
    void openRecordForCare(long personId) {
        browser.open("record/reason.xhtml?person=" + personId);
        chooseReason("Ongoing care relationship");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitFor(By.id("access-reason"));
    }

    /** Chooses an offered reason on the reason step by the start of its label. */
    void chooseReason(String label) {
        browser.waitFor(By.xpath("//label[starts-with(text(), \"" + label + "\")]"))
                .click();
    }

    /**
     * Posts a reason the page did not offer, as a hand-made request would: the first offered radio
     * is given that reason's name and checked. The access decision, not the form, must refuse it.
     */
    void forgeReason(String reasonName) {
        browser.waitFor(By.id("reason:open"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript(
                        "var r = document.querySelector(\"input[type=radio][name='reason:choice']\");"
                                + " r.value = arguments[0]; r.checked = true;",
                        reasonName);
    }

    /**
     * Creates a person's account with one role profile through the administrator's console, signed
     * in as the administrator; answers the username. The administrator chose its password, so its
     * holder must change it at their first sign-in.
     */
    String createUser(String role, String ods, boolean mayBreakSeal, String password) {
        String username = "it.user" + System.nanoTime() % 1_000_000_000L;
        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/users.xhtml");
        browser.waitFor(By.id("create:username")).sendKeys(username);
        browser.driver.findElement(By.id("create:displayName")).sendKeys("Integration Created");
        browser.driver.findElement(By.id("create:password")).sendKeys(password);
        browser.driver.findElement(By.id("create:save")).click();
        browser.waitForText(By.id("user-title"), username);
        browser.select("user:role", role);
        browser.select("user:organisation", ods);
        if (mayBreakSeal) {
            browser.driver
                    .findElement(By.cssSelector("#user\\:mayBreakSeal .ui-chkbox-box"))
                    .click();
        }
        browser.driver.findElement(By.id("user:grant")).click();
        browser.waitForText(By.id("user:profiles"), ods);
        return username;
    }
}
