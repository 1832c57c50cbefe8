package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The privacy officer's console in Chromium: the audit search (criteria, paging, UK dates) and its
 * CSV export of every matching event; the access-pattern alerts raised as records are opened and
 * reviewed; the person's access report as a PDF naming who looked; the FHIR AuditEvent export
 * parsed by HAPI FHIR R4. Each of the officer's own actions is audited.
 */
class PrivacyConsoleBrowserIT extends BrowserTest {

    private static final DateTimeFormatter UK_INPUT = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text, Keys.ESCAPE);
    }

    /** Types a UK date and closes the date picker's calendar, which would cover the buttons below. */
    private void typeDate(WebElement input, String text) {
        // Under load a keystroke can reach the date picker's handlers out of turn: type again until the
        // field holds the date, so that the search below is the one this test means.
        for (int attempt = 0; attempt < 3 && !text.equals(input.getAttribute("value")); attempt++) {
            type(input, text);
        }
        assertEquals(text, input.getAttribute("value"), "the date typed into " + input.getAttribute("id"));
        // The calendar stays open after typing in headless Chromium; hide it so it cannot take clicks.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("document.querySelectorAll('.ui-datepicker').forEach(e => e.style.display = 'none');");
    }

    /** Events of a made-up user written straight into the trail (inserting is all the application's account may do). */
    private static void insertEvents(String username, int count, Instant at, String detail) throws Exception {
        try (Connection c = TestEnvironment.database();
                PreparedStatement ps = c.prepareStatement("insert into audit_event (occurred_at, action, outcome,"
                        + " username, rbac_role_code, organisation_ods, detail) values (?, 'PATIENT_SEARCH', 'SUCCESS',"
                        + " ?, 'R8000', 'ITAUD1', ?)")) {
            for (int i = 0; i < count; i++) {
                ps.setTimestamp(1, Timestamp.from(at.minusSeconds(i)));
                ps.setString(2, username);
                ps.setString(3, i == 0 ? detail : "by NHS Number: 0 results");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Test
    void theAuditSearchPagesInTheDatabaseAndExportsEveryMatchingEventAsCsv() throws Exception {
        String user = "it.auditee" + System.nanoTime();
        insertEvents(user, 60, Instant.now(), "=HYPERLINK(\"http://example.invalid\")");
        insertEvents(user, 5, Instant.now().minus(40, ChronoUnit.DAYS), "older");
        Path downloads = browser.allowDownloads();

        signInAs("privacy.shaw", "Privacy-demo-1");
        browser.waitFor(By.cssSelector("#menu-privacy > summary")).click(); // the menu's Privacy group
        browser.waitFor(By.linkText("Audit search")).click();
        type(browser.waitFor(By.id("audit:username")), user);
        browser.driver.findElement(By.id("audit:search")).click();
        browser.waitForText(By.id("audit-total"), "60 matching event(s)");
        assertEquals(
                25,
                browser.driver
                        .findElements(By.cssSelector("#audit\\:list_data tr"))
                        .size());
        browser.screenshot("privacy-audit-search");
        browser.driver
                .findElement(By.cssSelector("#audit\\:list .ui-paginator-next"))
                .click();
        browser.waitForText(By.cssSelector("#audit\\:list .ui-paginator-page.ui-state-active"), "2");

        // A wider range, typed as UK dates, finds the older events too.
        typeDate(
                browser.driver.findElement(By.id("audit:from_input")),
                LocalDate.now(ZoneId.of("Europe/London")).minusDays(50).format(UK_INPUT));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("arguments[0].click();", browser.driver.findElement(By.id("audit:search")));
        browser.waitForText(By.id("audit-total"), "65 matching event(s)");

        browser.driver.findElement(By.id("audit:csv")).click();
        Path csv = Browser.downloaded(downloads, ".csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(66, lines.size(), "header and every matching event, not just the page");
        assertTrue(lines.get(0).startsWith("Event id,When (UK),Action"), lines.get(0));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains("," + user + ",")), lines::toString);
        assertTrue(
                lines.stream().anyMatch(l -> l.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\")\"")),
                "a formula is neutralised: " + lines);

        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'AUDIT_SEARCHED' and username = 'privacy.shaw'"
                                + " and detail like ?",
                        "%user " + user + ": 60 event(s)"));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'AUDIT_SEARCHED' and username = 'privacy.shaw'"
                                + " and detail like ?",
                        "%user " + user + ": 65 event(s)"));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'AUDIT_EXPORTED' and username = 'privacy.shaw'"
                                + " and detail like ?",
                        "CSV export %user " + user + ": 65 event(s)"));
    }

    @Test
    void badCriteriaGetAMessage() throws Exception {
        signInAs("privacy.shaw", "Privacy-demo-1");
        browser.open("privacy/audit.xhtml");
        type(browser.waitFor(By.id("audit:nhsNumber")), "1234567890");
        browser.driver.findElement(By.id("audit:search")).click();
        browser.waitForText(By.id("audit:messages"), "not a valid NHS Number");
    }

    @Test
    void manyRecordsAndOutOfHoursAlertsAreRaisedAtOpeningOnceAnHourAndReviewed() throws Exception {
        long[] people = {
            AuditCompletenessIT.newPerson("ALERTONE"),
            AuditCompletenessIT.newPerson("ALERTTWO"),
            AuditCompletenessIT.newPerson("ALERTTHREE")
        };
        // A clinician of their own, so that no earlier opening in this hour counts.
        String clinician = "it.clinician" + System.nanoTime();
        try (Connection c = TestEnvironment.database()) {
            new org.openicr.tools.demo.DemoRegion().account(c, clinician, "Dr Ivy Tester", "PERSON", "Clinician-it-1");
        }
        TestEnvironment.execute(
                "insert into role_profile (user_account_id, rbac_role_code, organisation_id) select u.id, 'R8000', o.id"
                        + " from user_account u, organisation o where u.username = ? and o.ods_code = 'Y90001'",
                clinician);
        Instant start = Instant.now().minusSeconds(1);
        try {
            signInAs("privacy.shaw", "Privacy-demo-1");
            browser.open("privacy/alerts.xhtml");
            browser.waitFor(By.id("settings-link")).click();
            type(browser.waitFor(By.id("settings:recordsPerHour")), "2");
            type(browser.driver.findElement(By.id("settings:start")), "00:00");
            type(browser.driver.findElement(By.id("settings:end")), "00:01");
            browser.driver.findElement(By.id("settings:save")).click();
            browser.waitForText(By.id("settings:messages"), "Alert settings saved.");
            browser.screenshot("privacy-alert-settings");
            assertEquals(
                    1,
                    TestEnvironment.count(
                            "select count(*) from audit_event where action = 'ALERT_SETTINGS_CHANGED'"
                                    + " and username = 'privacy.shaw' and occurred_at > ? and detail like ?",
                            Timestamp.from(start),
                            "before: 30 records/hour; working hours 08:00-18:30 % | after: 2 records/hour;"
                                    + " working hours 00:00-00:01 %"));

            browser.driver.manage().deleteAllCookies();
            signInAs(clinician, "Clinician-it-1");
            for (long person : people) {
                browser.open("record/reason.xhtml?person=" + person);
                browser.waitFor(By.id("reason:open"));
                browser.driver
                        .findElement(By.xpath("//label[text()='Ongoing care relationship']"))
                        .click();
                browser.driver.findElement(By.id("reason:open")).click();
                browser.waitFor(By.id("access-reason"));
            }
            // The third distinct record in the hour crosses the threshold of 2: the alert names that opening.
            assertEquals(
                    1,
                    TestEnvironment.count(
                            "select count(*) from privacy_alert where kind = 'MANY_RECORDS_IN_AN_HOUR'"
                                    + " and username = ? and person_id = ? and detail like '3 different records%'",
                            clinician, people[2]));
            assertEquals(
                    0,
                    TestEnvironment.count(
                            "select count(*) from privacy_alert where kind = 'MANY_RECORDS_IN_AN_HOUR'"
                                    + " and person_id in (?, ?)",
                            people[0],
                            people[1]));
            // Every opening was out of hours (00:00-00:01), yet one alert per hour: the first opening's.
            assertEquals(
                    1,
                    TestEnvironment.count(
                            "select count(*) from privacy_alert where kind = 'OUT_OF_HOURS_ACCESS' and username = ?"
                                    + " and person_id = ?",
                            clinician,
                            people[0]));
            assertEquals(
                    TestEnvironment.count(
                            "select count(distinct alert_hour) from privacy_alert where kind = 'OUT_OF_HOURS_ACCESS'"
                                    + " and username = ?",
                            clinician),
                    TestEnvironment.count(
                            "select count(*) from privacy_alert where kind = 'OUT_OF_HOURS_ACCESS' and username = ?",
                            clinician));
            assertEquals(
                    0,
                    TestEnvironment.count("select count(*) - count(distinct (kind, username, alert_hour))"
                            + " from privacy_alert where alert_hour is not null"),
                    "at most one alert of a kind per user and hour");

            long alertId = TestEnvironment.count(
                    "select id from privacy_alert where kind = 'MANY_RECORDS_IN_AN_HOUR' and person_id = ?", people[2]);
            browser.driver.manage().deleteAllCookies();
            signInAs("privacy.shaw", "Privacy-demo-1");
            browser.open("privacy/alerts.xhtml");
            browser.waitForText(By.id("alerts:list"), "3 different records opened in the last hour");
            browser.screenshot("privacy-alerts-patterns");
            browser.driver
                    .findElement(By.xpath("//tr[td[contains(., 'ALERTTHREE')]"
                            + " and td[contains(., 'Many records in an hour')] and td[contains(., '" + clinician
                            + "')]]//button"))
                    .click();
            browser.waitFor(By.id("alerts:note"));
            browser.select("alerts:outcome", "NEEDS_FOLLOW_UP");
            browser.driver.findElement(By.id("alerts:note")).sendKeys("Clinic list check: asked the practice manager.");
            browser.driver.findElement(By.id("alerts:save")).click();
            browser.waitForText(By.id("alerts:messages"), "reviewed");
            assertEquals(
                    1,
                    TestEnvironment.count(
                            "select count(*) from privacy_alert where id = ? and review_outcome = 'NEEDS_FOLLOW_UP'"
                                    + " and reviewed_by = 'privacy.shaw'",
                            alertId));
            assertEquals(
                    1,
                    TestEnvironment.count(
                            "select count(*) from audit_event where action = 'ALERT_REVIEWED' and detail = ?",
                            "alert " + alertId + ": NEEDS_FOLLOW_UP"));
        } finally {
            TestEnvironment.execute("update audit_alert_setting set records_per_hour = 30, working_day_start = '08:00',"
                    + " working_day_end = '18:30', working_days = 'MON,TUE,WED,THU,FRI', time_zone = 'Europe/London'");
        }
    }

    @Test
    void badAlertSettingsGetAMessageAndChangeNothing() throws Exception {
        signInAs("privacy.shaw", "Privacy-demo-1");
        browser.open("privacy/alert-settings.xhtml");
        type(browser.waitFor(By.id("settings:start")), "19:00");
        type(browser.driver.findElement(By.id("settings:end")), "07:00");
        browser.driver.findElement(By.id("settings:save")).click();
        browser.waitForText(By.id("settings:messages"), "Working hours must start before they end.");
        type(browser.driver.findElement(By.id("settings:start")), "7am");
        browser.driver.findElement(By.id("settings:save")).click();
        browser.waitForText(By.id("settings:messages"), "as HH:MM");
        assertEquals(
                1, TestEnvironment.count("select count(*) from audit_alert_setting where working_day_start = '08:00'"));
    }

    @Test
    void theAccessReportIsAPdfNamingWhoLookedAndTheFhirExportParses() throws Exception {
        long person = AuditCompletenessIT.newPerson("REPORTED");
        String nhs;
        try (Connection c = TestEnvironment.database();
                PreparedStatement ps = c.prepareStatement("select nhs_number from person where id = ?")) {
            ps.setLong(1, person);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                nhs = rs.getString(1);
            }
        }
        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/reason.xhtml?person=" + person);
        browser.waitFor(By.id("reason:open"));
        browser.driver
                .findElement(By.xpath("//label[text()='Ongoing care relationship']"))
                .click();
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitFor(By.id("access-reason"));
        browser.open("record/view.xhtml?person=" + person + "&category=MEDICATIONS");
        browser.waitFor(By.id("category-title"));

        browser.driver.manage().deleteAllCookies();
        Path downloads = browser.allowDownloads();
        signInAs("privacy.shaw", "Privacy-demo-1");
        browser.waitFor(By.cssSelector("#menu-privacy > summary")).click(); // the menu's Privacy group
        browser.waitFor(By.linkText("Access report")).click();
        type(browser.waitFor(By.id("report:nhsNumber")), nhs);
        browser.driver.findElement(By.id("report:download")).click();
        Path pdf = Browser.downloaded(downloads, ".pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        String text =
                new PdfTextExtractor(new PdfReader(bytes)).getTextFromPage(1).replaceAll("\\s+", " ");
        for (String expected : List.of(
                "Mrs Audrey REPORTED",
                // The name as the directory holds it: the seeded "Dr Amelia Hart", or "Amelia Hart" once
                // she has signed in through the provider (the token's name), whichever test ran first.
                "Amelia Hart (gp.hart)",
                "Riverside Medical Practice (Y90001)",
                "Ongoing care relationship",
                "Medications")) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'ACCESS_REPORT_GENERATED'"
                                + " and username = 'privacy.shaw' and person_id = ?",
                        person));

        browser.open("privacy/report.xhtml");
        type(browser.waitFor(By.id("report:nhsNumber")), "9999999999");
        browser.driver.findElement(By.id("report:download")).click();
        browser.waitForText(By.id("report:messages"), "NHS Number");

        browser.open("privacy/audit.xhtml");
        browser.waitFor(By.id("audit:fhir")).click();
        Path json = Browser.downloaded(downloads, ".fhir.json");
        Bundle bundle = FhirContext.forR4()
                .newJsonParser()
                .setParserErrorHandler(new StrictErrorHandler())
                .parseResource(Bundle.class, Files.readString(json));
        assertTrue(bundle.getEntry().size() > 0);
        assertTrue(
                bundle.getEntry().stream()
                        .map(e -> (AuditEvent) e.getResource())
                        .anyMatch(e -> e.getAction() == AuditEvent.AuditEventAction.R
                                && e.getEntity().stream()
                                        .anyMatch(en -> nhs.equals(
                                                en.getWhat().getIdentifier().getValue()))
                                && "gp.hart"
                                        .equals(e.getAgentFirstRep()
                                                .getWho()
                                                .getIdentifier()
                                                .getValue())
                                && "TREAT"
                                        .equals(e.getPurposeOfEventFirstRep()
                                                .getCodingFirstRep()
                                                .getCode())),
                "the record view of this person is in the export");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'AUDIT_EXPORTED' and username = 'privacy.shaw'"
                                + " and detail like 'FHIR AuditEvent export%' and occurred_at > now() - interval '5 minutes'"
                                + " and id > (select max(id) from audit_event where action = 'ACCESS_REPORT_GENERATED'"
                                + " and person_id = ?)",
                        person));
    }

    @Test
    void theFhirExportCommandWritesAParsableBundleAndIsAudited() throws Exception {
        Path file = Files.createTempFile("audit", ".fhir.json");
        String today = LocalDate.now(ZoneId.of("Europe/London")).format(UK_INPUT);
        ProcessBuilder command = new ProcessBuilder(
                        System.getProperty("java.home") + "/bin/java",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.openicr.tools.directory.ExportFhirAuditEvents",
                        today,
                        today,
                        file.toString())
                // Its answer is on standard output; standard error (SLF4J's notes about this test class
                // path's bindings, the tool's own class path has one) goes to the test's log.
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        command.environment().put("OPENICR_DB_URL", TestEnvironment.databaseUrl());
        command.environment().put("OPENICR_DB_USER", TestEnvironment.applicationUser());
        command.environment().put("OPENICR_DB_PASSWORD", TestEnvironment.applicationPassword());
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        Bundle bundle = FhirContext.forR4()
                .newJsonParser()
                .setParserErrorHandler(new StrictErrorHandler())
                .parseResource(Bundle.class, Files.readString(file));
        assertTrue(output.startsWith(bundle.getEntry().size() + " audit events written"), output);
        assertTrue(bundle.getEntry().stream()
                .map(e -> (AuditEvent) e.getResource())
                .anyMatch(e -> e.getSubtype().stream().anyMatch(c -> "AUDIT_EXPORTED".equals(c.getCode()))
                        && e.getAgentFirstRep()
                                .getWho()
                                .getIdentifier()
                                .getValue()
                                .startsWith("cli:")));
    }
}
