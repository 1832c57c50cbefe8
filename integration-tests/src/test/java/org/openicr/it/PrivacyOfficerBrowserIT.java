package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 18, the privacy officer's work in Chromium: the home page leads to every privacy tool; an
 * alert names the person (name, NHS Number 3-3-4) and the user (name, organisation); the working
 * days are a setting, and a day of work configured (a Sunday clinic, say) raises no out-of-hours
 * alert; the audit table and its CSV show NHS Numbers 3-3-4; the access report gives one line per
 * sitting, from-to, with page numbers.
 */
class PrivacyOfficerBrowserIT extends BrowserTest {

    private static final String OFFICER = "privacy.shaw";
    private static final String OFFICER_PASSWORD = "Privacy-demo-1";

    static String nhsNumber(long person) throws Exception {
        try (Connection c = TestEnvironment.database();
                PreparedStatement ps = c.prepareStatement("select nhs_number from person where id = ?")) {
            ps.setLong(1, person);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String spaced(String nhs) {
        return nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
    }

    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    @Test
    void theHomePageLeadsToEveryPrivacyTool() throws Exception {
        signInAs(OFFICER, OFFICER_PASSWORD);
        browser.open("home.xhtml");
        browser.screenshot("privacy-home");
        for (String[] link : List.of(
                new String[] {"home-alerts", "Privacy alerts"},
                new String[] {"home-alert-settings", "Alert settings"},
                new String[] {"home-audit", "Audit search"},
                new String[] {"home-report", "Access report"},
                new String[] {"home-verify", "Audit"})) {
            browser.open("home.xhtml");
            browser.waitFor(By.id(link[0])).click();
            browser.waitForText(By.tagName("h1"), link[1]);
        }
        // The same tools are in the menu's Privacy group, Alert settings included.
        browser.open("home.xhtml");
        browser.waitFor(By.cssSelector("#menu-privacy > summary")).click();
        browser.waitFor(By.linkText("Alert settings")).click();
        browser.waitForText(By.tagName("h1"), "Alert settings");
    }

    @Test
    void anAlertNamesThePersonAndTheUser() throws Exception {
        long person = AuditCompletenessIT.newPerson("ALERTNAMED");
        String nhs = nhsNumber(person);
        TestEnvironment.execute(
                "insert into privacy_alert (kind, username, rbac_role_code, organisation_ods, person_id, detail)"
                        + " values ('OUT_OF_HOURS_ACCESS', 'gp.hart', 'R8000', 'Y90001', ?, 'it: named alert')",
                person);
        signInAs(OFFICER, OFFICER_PASSWORD);
        browser.open("privacy/alerts.xhtml");
        browser.waitForText(By.id("alerts:list"), "ALERTNAMED");
        WebElement row = browser.driver.findElement(By.xpath("//tr[td[contains(., 'ALERTNAMED')]]"));
        String text = row.getText();
        browser.screenshot("privacy-alert-named");
        assertTrue(text.contains("Mrs Audrey ALERTNAMED"), text);
        assertTrue(text.contains("NHS Number " + spaced(nhs)), text);
        // "Dr Amelia Hart" as seeded, "Amelia Hart" once she signed in through the provider (the token's name).
        assertTrue(text.contains("Amelia Hart"), text);
        assertTrue(text.contains("Riverside Medical Practice"), text);
        assertFalse(browser.page().contains("Person ref."), "no bare reference any more");
        assertTrue(
                TestEnvironment.count(
                                "select count(*) from audit_event where action = 'AUDIT_SEARCHED' and username = ?"
                                        + " and detail like 'privacy alerts%shown from 1'",
                                OFFICER)
                        > 0,
                "showing the queue, which names people, is audited");
    }

    /** Clicks a day's box until it is as wanted. */
    private void day(DayOfWeek day, boolean wanted) {
        WebElement input = browser.driver.findElement(By.cssSelector("#settings\\:days input[value='" + day + "']"));
        if (input.isSelected() != wanted) {
            input.findElement(By.xpath("./ancestor::div[contains(@class,'ui-chkbox')][1]/div[contains(@class,"
                            + "'ui-chkbox-box')]"))
                    .click();
        }
    }

    private void workOnlyOn(DayOfWeek working) {
        browser.open("privacy/alert-settings.xhtml");
        browser.waitFor(By.id("settings:days"));
        for (DayOfWeek d : DayOfWeek.values()) {
            day(d, d == working);
        }
        type(browser.driver.findElement(By.id("settings:start")), "00:00");
        type(browser.driver.findElement(By.id("settings:end")), "23:59");
        browser.driver.findElement(By.id("settings:save")).click();
        browser.waitForText(By.id("settings:messages"), "Alert settings saved.");
    }

    private long openingsAlerted(String clinician) throws Exception {
        return TestEnvironment.count(
                "select count(*) from privacy_alert where kind = 'OUT_OF_HOURS_ACCESS' and username = ?", clinician);
    }

    private String clinician(String suffix) throws Exception {
        String clinician = "it.ooh" + suffix + System.nanoTime() % 1_000_000_000L;
        try (Connection c = TestEnvironment.database()) {
            new org.openicr.tools.demo.DemoRegion().account(c, clinician, "Dr Ola Hours", "PERSON", "Clinician-it-1");
        }
        TestEnvironment.execute(
                "insert into role_profile (user_account_id, rbac_role_code, organisation_id) select u.id, 'R8000', o.id"
                        + " from user_account u, organisation o where u.username = ? and o.ods_code = 'Y90001'",
                clinician);
        return clinician;
    }

    private void openAs(String clinician, long person) {
        signInAs(clinician, "Clinician-it-1");
        browser.open("record/reason.xhtml?person=" + person);
        browser.waitFor(By.id("reason:open"));
        browser.driver
                .findElement(By.xpath("//label[text()='Ongoing care relationship']"))
                .click();
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitFor(By.id("access-reason"));
    }

    @Test
    void theWorkingDaysAreASettingAndADayOfWorkRaisesNoOutOfHoursAlert() throws Exception {
        long person = AuditCompletenessIT.newPerson("CLINICDAY");
        ZoneId london = ZoneId.of("Europe/London");
        ZonedDateTime now = ZonedDateTime.now(london);
        if (now.getHour() == 23 && now.getMinute() >= 55) {
            Thread.sleep(Math.max(0, (60 - now.getMinute()) * 60_000L + 5_000L)); // past 23:59, a new day
        }
        DayOfWeek today = ZonedDateTime.now(london).getDayOfWeek();
        Timestamp started = Timestamp.from(Instant.now().minusSeconds(1));
        try {
            // A clinic on today's day of the week only (on a Sunday this is the Sunday clinic).
            signInAs(OFFICER, OFFICER_PASSWORD);
            workOnlyOn(today);
            browser.screenshot("privacy-alert-settings-days");
            String code = today.name().substring(0, 3);
            assertEquals(
                    1,
                    TestEnvironment.count(
                            "select count(*) from audit_event where action = 'ALERT_SETTINGS_CHANGED'"
                                    + " and username = ? and occurred_at > ? and detail like ?",
                            OFFICER,
                            started,
                            "before: % | after: 30 records/hour; working hours 00:00-23:59 " + code
                                    + " Europe/London%"));
            String working = clinician("a");
            openAs(working, person);
            assertEquals(0, openingsAlerted(working), "opened on a working day, in hours: no alert");

            // Every day but today: the same opening is out of hours.
            browser.driver.manage().deleteAllCookies();
            signInAs(OFFICER, OFFICER_PASSWORD);
            workOnlyOn(today.plus(1));
            String offDay = clinician("b");
            openAs(offDay, person);
            assertEquals(1, openingsAlerted(offDay), "opened on a day without work: an alert");
        } finally {
            TestEnvironment.execute("update audit_alert_setting set records_per_hour = 30, working_day_start = '08:00',"
                    + " working_day_end = '18:30', working_days = 'MON,TUE,WED,THU,FRI', time_zone = 'Europe/London'");
        }
    }

    @Test
    void theAuditTableAndItsCsvShowNhsNumbers334() throws Exception {
        long person = AuditCompletenessIT.newPerson("AUDITSPACED");
        String nhs = nhsNumber(person);
        signInAs("gp.hart", "Clinician-demo-1");
        openRecordForCare(person);

        Path downloads = browser.allowDownloads();
        signInAs(OFFICER, OFFICER_PASSWORD);
        browser.open("privacy/audit.xhtml");
        type(browser.waitFor(By.id("audit:nhsNumber")), nhs);
        browser.driver.findElement(By.id("audit:search")).click();
        browser.waitForText(By.id("audit:list"), spaced(nhs));
        // (the demo message id "demo-<digits>" in an ingestion's detail is the source's text, not the column)
        java.util.regex.Pattern bare = java.util.regex.Pattern.compile("(?<![-\\d])" + nhs + "(?!\\d)");
        String table = browser.driver.findElement(By.id("audit:list")).getText();
        assertFalse(bare.matcher(table).find(), "never 10 digits run on: " + table);
        browser.driver.findElement(By.id("audit:csv")).click();
        Path csv = Browser.downloaded(downloads, ".csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.size() > 1, lines::toString);
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(spaced(nhs))), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> bare.matcher(l).find()), lines::toString);
    }

    @Test
    void theAccessReportGivesOneLinePerSittingWithPageNumbers() throws Exception {
        long person = AuditCompletenessIT.newPerson("SITTING");
        String nhs = nhsNumber(person);
        // One sitting: the summary and two category pages, minutes apart at most.
        signInAs("gp.hart", "Clinician-demo-1");
        openRecordForCare(person);
        browser.open("record/view.xhtml?person=" + person + "&category=MEDICATIONS");
        browser.waitFor(By.id("category-title"));
        browser.open("record/view.xhtml?person=" + person + "&category=PROBLEMS");
        browser.waitFor(By.id("category-title"));
        browser.open("record/view.xhtml?person=" + person);
        browser.waitFor(By.id("patient-banner"));
        long pageViews = TestEnvironment.count(
                "select count(*) from audit_event where person_id = ? and action = 'RECORD_VIEW' and outcome = 'SUCCESS'",
                person);
        assertTrue(pageViews >= 4, "page views: " + pageViews);

        Path downloads = browser.allowDownloads();
        signInAs(OFFICER, OFFICER_PASSWORD);
        browser.open("privacy/report.xhtml");
        type(browser.waitFor(By.id("report:nhsNumber")), nhs);
        browser.driver.findElement(By.id("report:download")).click();
        Path pdf = Browser.downloaded(downloads, ".pdf");
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        String text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
        for (String expected : List.of(
                "When (from - to)",
                "Amelia Hart (gp.hart)",
                "Medications",
                "Problems",
                "1 sitting(s), " + pageViews + " page view(s)",
                "Page 1 of " + reader.getNumberOfPages())) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        assertEquals(1, text.split("Amelia Hart \\(gp.hart\\)", -1).length - 1, "one line: " + text);
    }
}
