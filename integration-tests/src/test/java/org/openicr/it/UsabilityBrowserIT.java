package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openicr.tools.demo.DemoRegion;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;

/**
 * Issue 18, "Done means": each demo role's main task timed in real Chromium, from the sign-in page to
 * the information the task needs, counting the clicks a person makes (typing is not counted; the
 * sign-in button is). Written to target/usability.csv; docs/usability.md has the figures. The
 * ceilings are sane limits for a busy user (under 10 clicks, under 60 seconds on a shared 2-core
 * machine), so a change that buries a task fails here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsabilityBrowserIT extends BrowserTest {

    static final int MAX_CLICKS = 10;
    static final double MAX_SECONDS = 60;

    /** The demo's first person, as the README tells a new user to try. */
    static final String DEMO_NHS_NUMBER = "9990000018";

    private static final List<String> ROWS = new ArrayList<>();

    private int clicks;
    private long started;

    @BeforeAll
    static void demoPerson() throws Exception {
        if (TestEnvironment.count("select count(*) from person where nhs_number = ?", DEMO_NHS_NUMBER) == 0) {
            DemoPerson demo = DemoRegion.people().stream()
                    .filter(p -> p.nhsNumber().equals(DEMO_NHS_NUMBER))
                    .findFirst()
                    .orElseThrow();
            new DemoRegion().postPeople(TestEnvironment.ingestionUrl(), List.of(demo));
        }
    }

    @AfterAll
    static void writeCsv() throws Exception {
        Path csv = Path.of("target", "usability.csv");
        Files.createDirectories(csv.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("user,task,clicks,seconds");
        lines.addAll(ROWS);
        Files.write(csv, lines);
    }

    private void start(String username, String password) {
        browser.driver.manage().deleteAllCookies();
        started = System.nanoTime();
        clicks = 0;
        browser.open("login.xhtml");
        browser.waitFor(By.id("login:username")).sendKeys(username);
        browser.driver.findElement(By.id("login:password")).sendKeys(password);
        click(By.id("login:submit"));
        browser.waitFor(By.id("active-profile"));
    }

    private void click(By by) {
        browser.waitFor(by).click();
        clicks++;
    }

    private void done(String username, String task) throws Exception {
        double seconds = (System.nanoTime() - started) / 1e9;
        ROWS.add(username + "," + task + "," + clicks + "," + String.format(java.util.Locale.ROOT, "%.1f", seconds));
        browser.screenshot("usability-" + username.replace('.', '-'));
        assertTrue(clicks < MAX_CLICKS, username + ": " + clicks + " clicks for " + task);
        assertTrue(seconds < MAX_SECONDS, username + ": " + seconds + " s for " + task);
    }

    /** Home, "Find a patient", the NHS Number, the record, and the reason step when one is due. */
    private void findAndOpen(String nhsNumber) {
        click(By.id("find-patient"));
        browser.waitFor(By.id("search:nhsNumber")).sendKeys(nhsNumber);
        click(By.id("search:find"));
        click(By.id("search:open-record"));
        browser.wait(d -> d.getCurrentUrl().contains("reason.xhtml")
                || !d.findElements(By.id("access-reason")).isEmpty());
        if (browser.driver.getCurrentUrl().contains("reason.xhtml")) {
            click(By.xpath("//label[text()='Ongoing care relationship']"));
            click(By.id("reason:open"));
        }
        browser.waitFor(By.id("access-reason"));
    }

    @Test
    @Order(1)
    void aGpFindsThePersonAndSeesAllergiesAndLatestResults() throws Exception {
        start("gp.hart", "Clinician-demo-1");
        findAndOpen("999 000 0018");
        browser.waitFor(By.id("alert-allergies"));
        browser.waitFor(By.id("summary-RESULTS"));
        assertTrue(
                !browser.driver.findElement(By.id("summary-RESULTS")).getText().isBlank());
        done("gp.hart", "find 999 000 0018 and see allergies and latest results");
    }

    @Test
    @Order(2)
    void aReceptionistFindsTheNextAppointment() throws Exception {
        start("reception.wu", "Reception-demo-1");
        findAndOpen("999 000 0018");
        browser.waitForText(By.id("summary-APPOINTMENTS"), "Booked appointments");
        assertTrue(
                browser.driver
                                .findElements(By.cssSelector("#summary-APPOINTMENTS li"))
                                .size()
                        > 0,
                browser::page);
        done("reception.wu", "find the next appointment");
    }

    @Test
    @Order(3)
    void aSocialWorkerFindsTheAllocatedWorker() throws Exception {
        start("social.evans", "Social-demo-1");
        findAndOpen("999 000 0018");
        browser.waitForText(By.id("summary-SOCIAL_CARE"), "Allocated worker");
        done("social.evans", "find the allocated worker and social care involvement");
    }

    @Test
    @Order(4)
    void aPrivacyOfficerReviewsTheNewestAlert() throws Exception {
        // An alert to review: break glass on a fresh person (set up outside the timing).
        long person = TestEnvironment.postPerson(new DemoPerson(
                TestEnvironment.freshNhsNumber(),
                "Mr",
                "Usability",
                "ALERTED",
                LocalDate.of(1970, 1, 1),
                "male",
                "1 Test Lane",
                "Bristol",
                "BS1 9ZZ",
                null,
                "Y90001",
                false));
        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/reason.xhtml?person=" + person);
        chooseReason("Vital interests");
        browser.driver
                .findElement(By.id("reason:justification"))
                .sendKeys("Collapsed in the waiting room, no history.");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitFor(By.id("access-reason"));

        start("privacy.shaw", "Privacy-demo-1");
        click(By.linkText("Privacy alerts to review"));
        click(By.cssSelector("#alerts\\:list .review-button"));
        browser.waitFor(By.id("alerts:note"));
        browser.select("alerts:outcome", "NEEDS_FOLLOW_UP");
        clicks++; // choosing the outcome from its menu
        browser.driver.findElement(By.id("alerts:note")).sendKeys("Checked with the practice manager.");
        click(By.id("alerts:save"));
        browser.waitForText(By.id("alerts:messages"), "reviewed");
        done("privacy.shaw", "review the newest alert");
    }

    @Test
    @Order(5)
    void anAdministratorRecordsAnOptOut() throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        TestEnvironment.postPerson(new DemoPerson(
                nhs,
                "Mrs",
                "Usability",
                "OPTINGOUT",
                LocalDate.of(1980, 5, 5),
                "female",
                "2 Test Lane",
                "Bristol",
                "BS1 9ZZ",
                null,
                "Y90001",
                false));
        start("admin.khan", "Admin-demo-1");
        click(By.linkText("Opt-out processing"));
        browser.waitFor(By.id("optouts:nhsNumber")).sendKeys(nhs);
        click(By.id("optouts:find"));
        // Issue 18, item 8: the name and date of birth are checked with the person before anything is recorded.
        browser.waitFor(By.id("person-identity"));
        click(By.id("optouts:confirm"));
        browser.waitFor(By.id("current-state"));
        browser.select("optouts:channel", "LETTER");
        clicks++; // choosing the channel from its menu
        click(By.id("optouts:optOut"));
        browser.waitForText(By.id("optouts:messages"), "recorded");
        done("admin.khan", "record an opt-out");
    }
}
