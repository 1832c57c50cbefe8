package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 18, item 3, black-box in Chromium on the demo record: the encounters page shows encounters
 * and the appointments page appointments, each as many as its menu entry counts; the Timeline page
 * (in the record menu) lists every dated event the reader may see, newest first by month, each with
 * its category in words and its source; a receptionist's timeline holds appointments only.
 */
class TimelineBrowserIT extends BrowserTest {

    private static long personId;

    @BeforeAll
    static void personWithTheDemoRecord() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        personId = TestEnvironment.postPerson(new DemoPerson(
                nhsNumber,
                "Mr",
                "Arthur",
                "TIMELINETEST",
                LocalDate.of(1950, 2, 14),
                "male",
                "3 Church Road",
                "Thornbury",
                "BS35 9ZZ",
                "01454 000778",
                "Y90001",
                false));
    }

    private void openRecord(String username, String password) {
        signInAs(username, password);
        browser.open("record/reason.xhtml?person=" + personId);
        browser.waitFor(By.id("reason:choice"));
        browser.driver
                .findElement(By.xpath("//label[text()='Ongoing care relationship']"))
                .click();
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitFor(By.id("patient-banner"));
    }

    /** The count a menu entry shows: "Encounters (4)" is 4. */
    private int menuCount(String category) {
        String text = browser.driver
                .findElement(By.cssSelector(".icr-categories a[data-category='" + category + "']"))
                .getText();
        Matcher m = Pattern.compile("\\((\\d+)\\)").matcher(text);
        assertTrue(m.find(), text);
        return Integer.parseInt(m.group(1));
    }

    private List<WebElement> entries() {
        return browser.driver.findElements(By.cssSelector("#timeline li.icr-timeline-entry"));
    }

    private Set<String> categoriesShown() {
        return entries().stream().map(e -> e.getAttribute("data-category")).collect(Collectors.toSet());
    }

    @Test
    void eachPageShowsItsOwnCategoryAndTheTimelineShowsEveryEvent() throws Exception {
        openRecord("gp.hart", "Clinician-demo-1");
        int encounters = menuCount("ENCOUNTERS");
        int appointments = menuCount("APPOINTMENTS");
        int all = 0;
        for (String category : List.of(
                "ENCOUNTERS", "APPOINTMENTS", "REFERRALS", "RESULTS", "DOCUMENTS", "PROCEDURES", "SOCIAL_CARE")) {
            all += menuCount(category);
        }
        assertEquals(4, encounters);
        assertEquals(3, appointments);

        browser.driver
                .findElement(By.cssSelector(".icr-categories a[data-category='ENCOUNTERS']"))
                .click();
        browser.waitForText(By.id("category-title"), "Encounters");
        assertEquals(encounters, entries().size(), browser::page);
        assertEquals(Set.of("ENCOUNTERS"), categoriesShown());
        String timeline = browser.driver.findElement(By.id("timeline")).getText();
        for (String expected : List.of("Admission", "Discharge", "Attendance", "Inpatient admission, Ward 9")) {
            assertTrue(timeline.contains(expected), expected + " in " + timeline);
        }
        assertFalse(timeline.contains("Diabetes clinic follow-up"), "an appointment is not an encounter");
        assertTrue(browser.driver.findElement(By.id("timeline-range")).getText().endsWith("of " + encounters));

        browser.driver
                .findElement(By.cssSelector(".icr-categories a[data-category='APPOINTMENTS']"))
                .click();
        browser.waitForText(By.id("category-title"), "Appointments");
        assertEquals(appointments, entries().size(), browser::page);
        assertEquals(Set.of("APPOINTMENTS"), categoriesShown());
        assertFalse(browser.driver.findElement(By.id("timeline")).getText().contains("Ward 9"));

        // The Timeline entry counts them as the other entries count theirs.
        assertEquals(
                "Timeline (" + all + ")",
                browser.driver.findElement(By.id("timeline-link")).getText());
        browser.driver.findElement(By.id("timeline-link")).click();
        browser.waitForText(By.id("category-title"), "Timeline");
        assertEquals(all, entries().size(), "every event the menu counts");
        assertTrue(browser.driver.findElement(By.id("timeline-range")).getText().endsWith("of " + all));
        assertEquals(
                Set.of("ENCOUNTERS", "APPOINTMENTS", "REFERRALS", "RESULTS", "DOCUMENTS", "PROCEDURES", "SOCIAL_CARE"),
                categoriesShown());
        String text = browser.driver.findElement(By.id("timeline")).getText();
        for (String expected : List.of(
                "Cataract surgery",
                "Referral to falls prevention service",
                "Discharge summary",
                "Haemoglobin A1c",
                "56 mmol/mol",
                "Care Act needs assessment",
                "Diabetes clinic follow-up",
                "Avon Vale Hospitals NHS Foundation Trust")) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        for (String state : List.of("Hypertension", "Amlodipine", "penicillin", "Named GP")) {
            assertFalse(text.contains(state), "not an event: " + state);
        }
        WebElement result = browser.driver.findElement(By.cssSelector("#timeline li[data-category='RESULTS']"));
        assertTrue(result.getText().contains("Results"), "its category in words: " + result.getText());
        // Newest first, and grouped by month.
        List<Instant> when = browser.driver.findElements(By.cssSelector("#timeline time")).stream()
                .map(t -> t.getAttribute("datetime"))
                .filter(s -> s != null && !s.isEmpty())
                .map(Instant::parse)
                .toList();
        for (int i = 1; i < when.size(); i++) {
            assertFalse(when.get(i).isAfter(when.get(i - 1)), "newest first: " + when);
        }
        List<String> months = browser.driver.findElements(By.cssSelector("#timeline h3.icr-timeline-month")).stream()
                .map(WebElement::getText)
                .toList();
        assertEquals(months.size(), Set.copyOf(months).size(), "each month once: " + months);
        assertTrue(browser.driver
                .findElement(By.cssSelector(".icr-categories li.icr-current"))
                .getText()
                .equals("Timeline (" + all + ")"));
        browser.screenshot("record-timeline-combined");
        assertTrue(
                TestEnvironment.count(
                                "select count(*) from audit_event where action = 'RECORD_VIEW' and outcome = 'SUCCESS'"
                                        + " and username = 'gp.hart' and person_id = ? and detail like 'timeline [%'",
                                personId)
                        >= 1,
                "the timeline's read is audited");
    }

    @Test
    void aReceptionistsTimelineHoldsOnlyWhatTheRoleMaySee() throws Exception {
        openRecord("reception.wu", "Reception-demo-1");
        browser.open("record/view.xhtml?person=" + personId + "&page=timeline");
        browser.waitForText(By.id("category-title"), "Timeline");
        assertEquals(Set.of("APPOINTMENTS"), categoriesShown(), browser::page);
        assertEquals(3, entries().size());
        // The menu's count is of what the role may see, not of the whole record.
        assertEquals(
                "Timeline (3)",
                browser.driver.findElement(By.id("timeline-link")).getText());
        String page = browser.page();
        for (String hidden : List.of(
                "Haemoglobin A1c",
                "eGFR",
                "Discharge summary",
                "Diabetes clinic letter",
                "Ward 9",
                "Emergency department",
                "falls prevention",
                "Cataract",
                "Care Act",
                "Home care service")) {
            assertFalse(page.contains(hidden), hidden + " leaked into the timeline");
        }
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'RECORD_VIEW' and outcome = 'SUCCESS'"
                                + " and username = 'reception.wu' and person_id = ? and detail like 'timeline [APPOINTMENTS]%'",
                        personId));
        browser.screenshot("record-timeline-receptionist");
    }
}
