package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;

/**
 * Completeness of the audit trail: each auditable action, done the way a user or a source system
 * does it, produces exactly the expected events (no more, no fewer), with the role, organisation,
 * person, purpose-of-use codes and detail. Events are compared line by line (regular expressions
 * where a value varies, such as a declaration id).
 */
class AuditCompletenessIT extends BrowserTest {

    /** The id of the newest audit event: later events are the ones under test. */
    static long baseline() throws Exception {
        return TestEnvironment.count("select coalesce(max(id), 0) from audit_event");
    }

    /**
     * A user's events after {@code after}, in the order they happened (reads are written while the
     * page is built, so two reads of one page may take their ids in either order): "ACTION OUTCOME role org person purpose | detail" ({@code P} for {@code person}). */
    static List<String> events(long after, String username, Long person) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = TestEnvironment.database();
                PreparedStatement ps = c.prepareStatement("select action, outcome, rbac_role_code, organisation_ods,"
                        + " person_id, purpose_of_use, detail from audit_event where id > ? and username = ?"
                        + " order by occurred_at, id")) {
            ps.setLong(1, after);
            ps.setString(2, username);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long p = rs.getLong(5);
                    String personRef = rs.wasNull() ? "-" : person != null && p == person ? "P" : Long.toString(p);
                    lines.add(rs.getString(1) + " " + rs.getString(2) + " " + dash(rs.getString(3)) + " "
                            + dash(rs.getString(4)) + " " + personRef + " " + dash(rs.getString(6)) + " | "
                            + rs.getString(7));
                }
            }
        }
        return lines;
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    static long newPerson(String familyName) throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        new DemoRegion()
                .postPeople(
                        TestEnvironment.ingestionUrl(),
                        List.of(new DemoPerson(
                                nhs,
                                "Mrs",
                                "Audrey",
                                familyName,
                                LocalDate.of(1950, 1, 2),
                                "female",
                                "1 Audit Lane",
                                "Bristol",
                                "BS1 1ZZ",
                                null,
                                "Y90001",
                                false)));
        return TestEnvironment.count("select id from person where nhs_number = ?", nhs);
    }

    private static String nhsNumber(long personId) throws Exception {
        try (Connection c = TestEnvironment.database();
                PreparedStatement ps = c.prepareStatement("select nhs_number from person where id = ?")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void findAndOpen(String nhs, String reasonLabel, String justification) {
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("search:nhsNumber")).sendKeys(nhs);
        browser.driver.findElement(By.id("search:find")).click();
        browser.waitFor(By.id("search:open-record")).click();
        browser.waitFor(By.id("reason:open"));
        browser.driver
                .findElement(By.xpath("//label[starts-with(text(), \"" + reasonLabel + "\")]"))
                .click();
        if (justification != null) {
            browser.driver.findElement(By.id("reason:justification")).sendKeys(justification);
        }
        browser.driver.findElement(By.id("reason:open")).click();
    }

    private void signOut() {
        browser.driver.findElement(By.id("logout:signout")).click();
        browser.waitFor(By.id("login:username"));
    }

    @Test
    void signInSearchReasonRecordCategoryAndSignOutEachAuditedOnce() throws Exception {
        long person = newPerson("AUDITED");
        long before = baseline();
        signInAs("gp.hart", "Clinician-demo-1");
        findAndOpen(nhsNumber(person), "Ongoing care relationship", null);
        browser.waitForText(By.id("access-reason"), "Ongoing care relationship");
        browser.open("record/view.xhtml?person=" + person + "&category=MEDICATIONS");
        browser.waitFor(By.id("category-title"));
        signOut();
        assertLinesMatch(
                List.of(
                        "LOGIN SUCCESS - - - - \\| groups \\[R8000\\]",
                        "PATIENT_SEARCH SUCCESS R8000 Y90001 P - \\| by NHS Number: 1 result",
                        "PATIENT_SEARCH SUCCESS R8000 Y90001 P - \\| reason step: banner DETAILS, 5 reason\\(s\\) offered,"
                                + " ONGOING_CARE inferred by rule 1 REGISTERED_PRACTICE \\(registered at Y90001\\)",
                        "REASON_INFERRED SUCCESS R8000 Y90001 P TREAT \\| reason ONGOING_CARE inferred by rule 1 REGISTERED_PRACTICE \\(registered at Y90001\\)"
                                + " \\(declaration \\d+\\)",
                        "RECORD_VIEW SUCCESS R8000 Y90001 P TREAT \\| summary: \\d+ item\\(s\\) in \\d+ categories,"
                                + " \\d+ item\\(s\\) shown in the summary; reason ONGOING_CARE",
                        "RECORD_VIEW SUCCESS R8000 Y90001 P TREAT \\| summary: \\d+ item\\(s\\) in \\d+ categories,"
                                + " \\d+ item\\(s\\) shown in the alert strip of the MEDICATIONS page; reason ONGOING_CARE",
                        "RECORD_VIEW SUCCESS R8000 Y90001 P TREAT \\| current MEDICATIONS: \\d+ item\\(s\\);"
                                + " reason ONGOING_CARE",
                        "RECORD_VIEW SUCCESS R8000 Y90001 P TREAT \\| category MEDICATIONS: \\d+ item\\(s\\) from 0;"
                                + " reason ONGOING_CARE",
                        "LOGOUT SUCCESS - - - - \\| null"),
                events(before, "gp.hart", person));
    }

    @Test
    void aRecordPageWhoseAuditEventCannotBeWrittenIsNeverShown() throws Exception {
        long person = newPerson("UNRECORDABLE");
        String nhs = nhsNumber(person);
        signInAs("gp.hart", "Clinician-demo-1");
        findAndOpen(nhs, "Ongoing care relationship", null);
        browser.waitForText(By.id("access-reason"), "Ongoing care relationship");
        // From now on PostgreSQL refuses this person's audit events (a full disk, a lost connection...).
        TestEnvironment.execute("create or replace function it_refuse_audit() returns trigger language plpgsql as"
                + " $$ begin raise exception 'audit refused by the test'; end $$");
        TestEnvironment.execute("create trigger it_refuse_audit before insert on audit_event for each row"
                + " when (new.person_id = " + person + ") execute function it_refuse_audit()");
        try {
            long before = baseline();
            browser.open("record/view.xhtml?person=" + person);
            browser.waitForText(By.id("error-title"), "cannot be shown");
            String page = browser.driver.getPageSource();
            assertTrue(page.contains("Nothing of the record was shown"), "the reader is told why");
            assertFalse(page.contains("UNRECORDABLE"), "the person's name is not in the page");
            assertFalse(page.contains(nhs.substring(0, 3) + " " + nhs.substring(3, 6)), "nor the NHS Number");
            assertFalse(page.contains("patient-banner"), "nor the banner");
            org.junit.jupiter.api.Assertions.assertEquals(List.of(), events(before, "gp.hart", person));
        } finally {
            TestEnvironment.execute("drop trigger it_refuse_audit on audit_event");
            TestEnvironment.execute("drop function it_refuse_audit()");
        }
        browser.open("record/view.xhtml?person=" + person);
        browser.waitForText(By.id("patient-name"), "UNRECORDABLE");
    }

    @Test
    void aRefusedReasonIsADenialAndARefusedCategoryIsNeverRead() throws Exception {
        long person = newPerson("DENIED");
        long before = baseline();
        signInAs("reception.wu", "Reception-demo-1");
        browser.open("record/reason.xhtml?person=" + person);
        // A receptionist is not offered safeguarding (issue 18): posted by hand, the decision refuses it.
        forgeReason("SAFEGUARDING");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("reason:messages"), "Only staff designated for safeguarding");
        browser.driver
                .findElement(By.xpath("//label[text()='Ongoing care relationship']"))
                .click();
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitFor(By.id("access-reason"));
        browser.open("record/view.xhtml?person=" + person + "&category=RESULTS");
        browser.waitFor(By.id("category-title"));
        // Each page of the record is one audited opening: the summary page, then the results page, which
        // reads only the alert strip and shows "not available to your role" without reading any result.
        assertLinesMatch(
                List.of(
                        "LOGIN SUCCESS - - - - \\| groups \\[R8009\\]",
                        // The reason step shows the banner (issue 18): a read, audited, each time it is shown.
                        "PATIENT_SEARCH SUCCESS R8009 Y90001 P - \\| reason step: banner DETAILS, 2 reason\\(s\\) offered,"
                                + " ONGOING_CARE inferred by rule 1 REGISTERED_PRACTICE \\(registered at Y90001\\)",
                        "RECORD_VIEW DENIED R8009 Y90001 P - \\| declare SAFEGUARDING: NOT_SAFEGUARDING_ROLE",
                        "PATIENT_SEARCH SUCCESS R8009 Y90001 P - \\| reason step: banner DETAILS, 2 reason\\(s\\) offered,"
                                + " ONGOING_CARE inferred by rule 1 REGISTERED_PRACTICE \\(registered at Y90001\\)",
                        "REASON_INFERRED SUCCESS R8009 Y90001 P TREAT \\| reason ONGOING_CARE inferred by rule 1 REGISTERED_PRACTICE \\(registered at Y90001\\)"
                                + " \\(declaration \\d+\\)",
                        "RECORD_VIEW SUCCESS R8009 Y90001 P TREAT \\| summary: \\d+ item\\(s\\) in \\d+ categories,"
                                + " \\d+ item\\(s\\) shown in the summary; reason ONGOING_CARE",
                        "RECORD_VIEW DENIED R8009 Y90001 P - \\| open RESULTS page: CATEGORY_NOT_PERMITTED",
                        "RECORD_VIEW SUCCESS R8009 Y90001 P TREAT \\| summary: \\d+ item\\(s\\) in \\d+ categories,"
                                + " \\d+ item\\(s\\) shown in the alert strip of the RESULTS page; reason ONGOING_CARE"),
                events(before, "reception.wu", person));
    }

    /**
     * Issue 16: a scripted series of allowed and refused actions, counted row for row: every action
     * has its row, every refusal is a denial naming what was asked for (a hidden category asked for by
     * its address, pages outside the role), and nothing else is written.
     */
    @Test
    void aScriptedSeriesOfAllowedAndRefusedActionsIsAuditedRowForRow() throws Exception {
        long person = newPerson("SCRIPTED");
        long before = baseline();
        signInAs("reception.wu", "Reception-demo-1");
        findAndOpen(nhsNumber(person), "Ongoing care relationship", null);
        browser.waitForText(By.id("access-reason"), "Ongoing care relationship");
        browser.open("record/view.xhtml?person=" + person + "&category=SAFEGUARDING");
        browser.waitFor(By.id("category-title"));
        browser.open("admin/users.xhtml");
        browser.waitForText(By.id("error-title"), "Not available to your role");
        browser.open("privacy/audit.xhtml");
        browser.waitForText(By.id("error-title"), "Not available to your role");
        browser.open("home.xhtml");
        browser.waitFor(By.id("active-profile"));
        signOut();
        List<String> expected = List.of(
                "LOGIN SUCCESS - - - - \\| groups \\[R8009\\]",
                "PATIENT_SEARCH SUCCESS R8009 Y90001 P - \\| by NHS Number: 1 result",
                "PATIENT_SEARCH SUCCESS R8009 Y90001 P - \\| reason step: banner DETAILS, 2 reason\\(s\\) offered,"
                        + " ONGOING_CARE inferred by rule 1 REGISTERED_PRACTICE \\(registered at Y90001\\)",
                "REASON_INFERRED SUCCESS R8009 Y90001 P TREAT \\| reason ONGOING_CARE inferred by rule 1 REGISTERED_PRACTICE \\(registered at Y90001\\)"
                        + " \\(declaration \\d+\\)",
                "RECORD_VIEW SUCCESS R8009 Y90001 P TREAT \\| summary: \\d+ item\\(s\\) in \\d+ categories,"
                        + " \\d+ item\\(s\\) shown in the summary; reason ONGOING_CARE",
                "RECORD_VIEW DENIED R8009 Y90001 P - \\| open SAFEGUARDING page: CATEGORY_NOT_PERMITTED",
                "RECORD_VIEW SUCCESS R8009 Y90001 P TREAT \\| summary: \\d+ item\\(s\\) in \\d+ categories,"
                        + " \\d+ item\\(s\\) shown in the alert strip of the SAFEGUARDING page; reason ONGOING_CARE",
                "ACCESS_DENIED DENIED R8009 Y90001 - - \\| page /admin/users.xhtml refused to the role",
                "ACCESS_DENIED DENIED R8009 Y90001 - - \\| page /privacy/audit.xhtml refused to the role",
                "LOGOUT SUCCESS - - - - \\| null");
        List<String> actual = events(before, "reception.wu", person);
        assertLinesMatch(expected, actual);
        org.junit.jupiter.api.Assertions.assertEquals(expected.size(), actual.size(), "every row, no more");
        org.junit.jupiter.api.Assertions.assertEquals(
                3, actual.stream().filter(line -> line.contains(" DENIED ")).count(), "each refusal a denial");
    }

    @Test
    void openingAnOptedOutPersonsRecordIsADenial() throws Exception {
        long person = newPerson("OPTEDOUTDENIED");
        TestEnvironment.execute("update person set opted_out = true where id = ?", person);
        long before = baseline();
        signInAs("reception.wu", "Reception-demo-1");
        browser.open("record/view.xhtml?person=" + person);
        browser.waitForText(By.id("record-refused"), "not available");
        assertLinesMatch(
                List.of(
                        "LOGIN SUCCESS - - - - \\| groups \\[R8009\\]",
                        "RECORD_VIEW DENIED R8009 Y90001 P - \\| open record: [A-Z_]+"),
                events(before, "reception.wu", person));
    }

    @Test
    void breakGlassIsAuditedWithEtreatBtgAndAlerted() throws Exception {
        long person = newPerson("BREAKGLASS");
        long before = baseline();
        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/reason.xhtml?person=" + person);
        browser.waitFor(By.id("reason:open"));
        browser.driver
                .findElement(By.xpath("//label[starts-with(text(), 'Vital interests')]"))
                .click();
        browser.driver
                .findElement(By.id("reason:justification"))
                .sendKeys("Collapsed in clinic, unable to give a history.");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("access-reason"), "Vital interests");
        assertLinesMatch(
                List.of(
                        "LOGIN SUCCESS - - - - \\| .*",
                        "PATIENT_SEARCH SUCCESS R8000 Y90001 P - \\| reason step: banner DETAILS, 5 reason\\(s\\) offered,"
                                + " ONGOING_CARE inferred by rule 1 REGISTERED_PRACTICE \\(registered at Y90001\\)",
                        "BREAK_GLASS SUCCESS R8000 Y90001 P ETREAT BTG \\| reason VITAL_INTERESTS \\(declaration \\d+\\)",
                        "RECORD_VIEW SUCCESS R8000 Y90001 P ETREAT BTG \\| summary: .* shown in the summary; reason VITAL_INTERESTS"),
                events(before, "gp.hart", person));
        org.junit.jupiter.api.Assertions.assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from privacy_alert where kind = 'BREAK_GLASS' and person_id = ?", person));
    }

    @Test
    void anOptOutChangeIsAuditedWithBeforeAndAfter() throws Exception {
        long person = newPerson("OPTINGOUT");
        long before = baseline();
        signInAs("admin.khan", "Admin-demo-1");
        browser.open("admin/optouts.xhtml");
        browser.waitFor(By.id("optouts:nhsNumber")).sendKeys(nhsNumber(person));
        browser.driver.findElement(By.id("optouts:find")).click();
        browser.waitFor(By.id("optouts:confirm")).click();
        browser.waitFor(By.id("current-state"));
        browser.select("optouts:channel", "LETTER");
        browser.driver.findElement(By.id("optouts:optOut")).click();
        browser.waitForText(By.id("optouts:messages"), "recorded");
        assertLinesMatch(
                List.of(
                        "LOGIN SUCCESS - - - - \\| .*",
                        "PATIENT_SEARCH SUCCESS - - P - \\| opt-out processing: person identified by NHS Number",
                        "OPT_OUT_CHANGED SUCCESS - - P - \\| before \\{optedOut=false\\} after \\{optedOut=true\\}"
                                + " channel LETTER"),
                events(before, "admin.khan", person));
    }

    @Test
    void anIngestedMessageIsAuditedWithItsIdSourceCountsAndOutcome() throws Exception {
        long before = baseline();
        long person = newPerson("INGESTED");
        List<String> events = events(before, "sys.riverside-gp", person);
        assertLinesMatch(
                List.of(
                        "MESSAGE_INGESTED SUCCESS - Y90001 P - \\| SubmitDemographics \\S+ \\(inbox \\d+\\) from \\S+:"
                                + " [A-Z_]+, \\d+ item\\(s\\), .*",
                        ">> the record's items follow >>"),
                events);
    }

    @Test
    void failedSignInsAndTheLockoutAreAuditedOnceEach() throws Exception {
        String username = "it.audit" + System.nanoTime();
        try (Connection c = TestEnvironment.database()) {
            new DemoRegion().account(c, username, "Audit Completeness", "PERSON", "Right-password-1");
        }
        long before = baseline();
        for (int i = 0; i < 5; i++) {
            browser.signIn(username, "wrong-password");
            browser.waitFor(By.id("login:username"));
        }
        assertLinesMatch(
                List.of(
                        "LOGIN_FAILURE DENIED - - - - \\| .*",
                        "LOGIN_FAILURE DENIED - - - - \\| .*",
                        "LOGIN_FAILURE DENIED - - - - \\| .*",
                        "LOGIN_FAILURE DENIED - - - - \\| .*",
                        "LOGIN_FAILURE DENIED - - - - \\| .*",
                        "ACCOUNT_LOCKED SUCCESS - - - - \\| locked after 5 failed sign-ins"),
                events(before, username, null));
    }
}
