package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * WCAG 2.2 AA in Chromium (issue 18, item 11): axe-core runs on every page each demo role can reach,
 * signed in as that role, and finds no critical or serious violation; a failure lists every one
 * (page, rule, target). The page lists below are the places to add a new page: {person}, {item}
 * and {username} are replaced by the test person's id, a sealed item of theirs and a demo account.
 */
class AccessibilityBrowserIT extends BrowserTest {

    /** Every signed-in role: the start page, the password change, an unknown address (404). */
    static final List<String> EVERY_ROLE = List.of("home.xhtml", "account/password.xhtml", "no-such-page.xhtml");

    /** A record viewer, after the reason is declared: the record's pages, print, bad addresses. */
    static final List<String> RECORD_PAGES = List.of(
            "record/view.xhtml?person={person}",
            "record/view.xhtml?person={person}&category=DEMOGRAPHICS",
            "record/view.xhtml?person={person}&category=CONTACTS",
            "record/view.xhtml?person={person}&category=MEDICATIONS",
            "record/view.xhtml?person={person}&category=PROBLEMS",
            "record/view.xhtml?person={person}&category=ALLERGIES",
            "record/view.xhtml?person={person}&category=RESULTS",
            "record/view.xhtml?person={person}&category=DOCUMENTS",
            "record/view.xhtml?person={person}&category=PROCEDURES",
            "record/view.xhtml?person={person}&category=ENCOUNTERS",
            "record/view.xhtml?person={person}&category=APPOINTMENTS",
            "record/view.xhtml?person={person}&category=REFERRALS",
            "record/view.xhtml?person={person}&category=SAFEGUARDING",
            "record/view.xhtml?person={person}&category=SOCIAL_CARE",
            "record/view.xhtml?person={person}&category=CARE_PLANS",
            "record/view.xhtml?person={person}&category=ADJUSTMENTS",
            "record/view.xhtml?person={person}&page=timeline",
            "record/view.xhtml?person={person}&category=RESULTS&test=LOINC%3A4548-4",
            "record/print.xhtml?person={person}",
            "record/view.xhtml?person=abc",
            "record/view.xhtml?person=999999999");

    /** A clinician who may break seals: the seal page of a withheld item. */
    static final List<String> SEAL_PAGES = List.of("record/seal.xhtml?person={person}&item={item}");

    /** The administrator's console. */
    static final List<String> ADMIN_PAGES = List.of(
            "admin/users.xhtml",
            "admin/user.xhtml?username={username}",
            "admin/accounts.xhtml",
            "admin/organisations.xhtml",
            "admin/sources.xhtml",
            "admin/messages.xhtml",
            "admin/merges.xhtml",
            "admin/demographics.xhtml",
            "admin/optouts.xhtml",
            "admin/matrix.xhtml",
            "admin/reasons.xhtml",
            "privacy/verify.xhtml");

    /** The privacy officer's console. */
    static final List<String> PRIVACY_PAGES = List.of(
            "privacy/alerts.xhtml",
            "privacy/alert-settings.xhtml",
            "privacy/audit.xhtml",
            "privacy/report.xhtml",
            "privacy/verify.xhtml");

    /** A page of a console the role has no part in: the 403 page. */
    static final String FORBIDDEN = "admin/users.xhtml";

    private static String nhsNumber;
    private static long personId;
    private static long sealedItem;
    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void personWithAFullRecord() throws Exception {
        nhsNumber = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                nhsNumber,
                "Ms",
                "Rosa",
                "AXECHECK",
                LocalDate.of(1958, 4, 12),
                "female",
                "12 Orchard Row",
                "Chipping Sodbury",
                "BS37 6ZZ",
                "01454 000888",
                "Y90001",
                false);
        personId = TestEnvironment.postPerson(person);
        sealedItem = TestEnvironment.count(
                "select id from record_item where person_id = ? and sensitivity = 'SEALED'", personId);
    }

    @BeforeEach
    void freshList() {
        violations.clear();
    }

    @Test
    void theSignInPageBeforeAndAfterAFailure() throws IOException {
        browser.open("login.xhtml");
        browser.waitFor(By.id("login:username"));
        check("sign-in");
        signInFails("nobody.here", "Wrong-password-1");
        check("sign-in-failed");
        assertNone();
    }

    @Test
    void aGeneralPractitioner() throws IOException {
        signInAs("gp.hart", "Clinician-demo-1");
        everyRolesPages("gp");
        recordPages("gp");
        visit("gp", SEAL_PAGES);
        visit("gp", List.of(FORBIDDEN));
        assertNone();
    }

    @Test
    void theSearchFocusesTheNhsNumberAndTheDatePickerIsNamedByItsLabel() {
        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("search:nhsNumber"));
        assertEquals(
                "search:nhsNumber",
                ((JavascriptExecutor) browser.driver).executeScript("return document.activeElement.id;"),
                "the NHS Number box has the focus on load");
        // Typing goes straight into it.
        browser.driver.switchTo().activeElement().sendKeys("9434765919");
        assertEquals(
                "9434765919",
                browser.driver.findElement(By.id("search:nhsNumber")).getDomProperty("value"));
        // WCAG 2.5.3: the date box's accessible name is (or starts with) its visible label, and its
        // calendar button says what it does.
        WebElement date = browser.driver.findElement(By.id("byName:dateOfBirth_input"));
        assertEquals("Date of birth (dd/mm/yyyy)", date.getAccessibleName());
        List<WebElement> trigger = browser.driver.findElements(By.cssSelector("#byName\\:dateOfBirth button"));
        assertEquals(1, trigger.size(), "the date box's calendar button");
        try {
            browser.wait(d -> trigger.get(0).getAccessibleName().equals("Calendar for Date of birth (dd/mm/yyyy)"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "the calendar button is named \"" + trigger.get(0).getAccessibleName() + "\": "
                            + trigger.get(0).getDomProperty("outerHTML"));
        }
    }

    @Test
    void aNurse() throws IOException {
        signInAs("nurse.okafor", "Nurse-demo-1");
        everyRolesPages("nurse");
        recordPages("nurse");
        assertNone();
    }

    @Test
    void aReceptionist() throws IOException {
        signInAs("reception.wu", "Reception-demo-1");
        everyRolesPages("reception");
        recordPages("reception");
        assertNone();
    }

    @Test
    void aSocialWorker() throws IOException {
        signInAs("social.evans", "Social-demo-1");
        everyRolesPages("social");
        recordPages("social");
        assertNone();
    }

    @Test
    void aDoctorWithTwoRolesChoosesOne() throws IOException {
        browser.driver.manage().deleteAllCookies();
        browser.signIn("dr.lee", "Multirole-demo-1");
        browser.waitForText(By.tagName("h2"), "Choose the role you are working in");
        check("role-choice");
        browser.driver
                .findElement(By.xpath("//input[contains(@value, 'R8003')]"))
                .click();
        browser.waitForText(By.id("active-profile"), "R8003");
        everyRolesPages("multirole");
        recordPages("multirole");
        assertNone();
    }

    @Test
    void aPrivacyOfficer() throws IOException {
        signInAs("privacy.shaw", "Privacy-demo-1");
        everyRolesPages("privacy");
        visit("privacy", PRIVACY_PAGES);
        visit("privacy", List.of(FORBIDDEN));
        assertNone();
    }

    @Test
    void anAdministrator() throws IOException {
        signInAs(ADMIN, ADMIN_PASSWORD);
        everyRolesPages("admin");
        visit("admin", ADMIN_PAGES);
        visit("admin", List.of("record/search.xhtml"));
        assertNone();
    }

    private void everyRolesPages(String role) throws IOException {
        visit(role, EVERY_ROLE);
    }

    /** Search (empty, a found person, a list by name), the reason page, then every record page. */
    private void recordPages(String role) throws IOException {
        visit(role, List.of("record/search.xhtml"));
        browser.driver.findElement(By.id("search:nhsNumber")).sendKeys(nhsNumber);
        browser.driver.findElement(By.id("search:find")).click();
        browser.waitFor(By.cssSelector("#no-result, #not-available, #patient-name"));
        check(role + "-search-found");
        browser.driver.findElement(By.id("byName:familyName")).sendKeys("AXECHECK");
        browser.driver.findElement(By.id("byName:dateOfBirth_input")).sendKeys("12/04/1958", Keys.ESCAPE);
        browser.driver.findElement(By.id("byName:find")).click();
        browser.waitForText(By.id("list"), "AXECHECK");
        check(role + "-search-by-name");

        browser.open(expand("record/reason.xhtml?person={person}"));
        browser.waitFor(By.id("reason:open"));
        check(role + "-reason");
        browser.driver
                .findElement(By.xpath("//label[text()='Ongoing care relationship']"))
                .click();
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitFor(By.id("main"));
        visit(role, RECORD_PAGES);

        // The trend of a numeric result and a document in the viewer, where the role sees them.
        browser.open(expand("record/view.xhtml?person={person}&category=RESULTS"));
        browser.waitFor(By.id("main"));
        List<WebElement> trends = browser.driver.findElements(By.cssSelector("a.icr-trend-link"));
        if (!trends.isEmpty()) {
            trends.get(0).click();
            browser.waitFor(By.id("trend-title"));
            check(role + "-result-trend");
        }
        browser.open(expand("record/view.xhtml?person={person}&category=DOCUMENTS"));
        browser.waitFor(By.id("main"));
        List<WebElement> documents = browser.driver.findElements(By.cssSelector("a.icr-view-link"));
        if (!documents.isEmpty()) {
            documents.get(0).click();
            browser.waitFor(By.cssSelector(".icr-viewer"));
            check(role + "-document-viewer");
        }
    }

    private void visit(String role, List<String> pages) throws IOException {
        for (String page : pages) {
            browser.open(expand(page));
            browser.waitFor(By.tagName("main"));
            check(role + "-" + shortName(page));
        }
    }

    /** A page's name for screenshots and messages: "view-RESULTS" for record/view.xhtml?...category=RESULTS. */
    static String shortName(String page) {
        return page.replaceAll("^[a-z]+/", "")
                .replace(".xhtml", "")
                .replaceAll("\\?person=\\{person\\}", "")
                .replaceAll("&category=", "-")
                .replaceAll("[^A-Za-z0-9_-]+", "-");
    }

    private static String expand(String page) {
        return page.replace("{person}", String.valueOf(personId))
                .replace("{item}", String.valueOf(sealedItem))
                .replace("{username}", "gp.hart");
    }

    /** Runs axe-core on the page once it is loaded, and keeps what it finds. */
    private void check(String name) throws IOException {
        browser.wait(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        violations.addAll(browser.accessibilityViolations(name));
    }

    private void assertNone() {
        assertTrue(
                violations.isEmpty(),
                violations.size() + " critical or serious accessibility violations:\n" + String.join("\n", violations));
    }
}
