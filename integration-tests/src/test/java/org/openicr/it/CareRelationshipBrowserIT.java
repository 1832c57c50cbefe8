package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 19, item 3, end to end: people and their items sent through the SOAP ingestion service as
 * the demo's GP practice, acute trust and council send them, then the reason step in Chromium. A
 * person registered at gp.hart's practice is offered "Ongoing care relationship" pre-selected with
 * the practice named; a person seen at the hospital 10 days ago is, for nurse.okafor; the council's
 * allocated worker's person is, for social.evans; a person with no relationship, or whose only
 * encounter is older than the rule's look-back, gets no default. The inferred opening is audited as
 * REASON_INFERRED naming the rule, and the privacy officer finds it by that action; a reason chosen
 * alone is audited as REASON_DECLARED, as before. An opted-out person is never defaulted.
 */
class CareRelationshipBrowserIT extends BrowserTest {

    private static final String GP = "sys.riverside-gp";
    private static final String GP_PASSWORD = "Source-demo-gp-1";
    private static final String PAS = "sys.avonvale-pas";
    private static final String PAS_PASSWORD = "Source-demo-pas-1";
    private static final String COUNCIL = "sys.northavon-lcs";
    private static final String COUNCIL_PASSWORD = "Source-demo-lcs-1";

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private static long registered;
    private static String registeredNhs;
    private static long seenAtHospital;
    private static Instant seenAt;
    private static long longAgo;
    private static long allocated;
    private static long unrelated;
    private static long optedOut;

    @BeforeAll
    static void people() throws Exception {
        registeredNhs = TestEnvironment.freshNhsNumber();
        registered = person(registeredNhs, "RELREGISTERED", "Y90001");

        String hospitalNhs = TestEnvironment.freshNhsNumber();
        seenAtHospital = person(hospitalNhs, "RELHOSPITAL", "Y90009");
        seenAt = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        items(PAS, PAS_PASSWORD, hospitalNhs, encounter("rel-enc-" + hospitalNhs, seenAt, "finished"));

        String oldNhs = TestEnvironment.freshNhsNumber();
        longAgo = person(oldNhs, "RELLONGAGO", "Y90009");
        // Older than the rule's 90 days, and a cancelled one inside them: neither counts.
        items(
                PAS,
                PAS_PASSWORD,
                oldNhs,
                encounter("rel-old-" + oldNhs, Instant.now().minus(Duration.ofDays(120)), "finished"),
                encounter("rel-cancelled-" + oldNhs, Instant.now().minus(Duration.ofDays(5)), "cancelled"));

        String councilNhs = TestEnvironment.freshNhsNumber();
        allocated = person(councilNhs, "RELCOUNCIL", "Y90009");
        items(
                COUNCIL,
                COUNCIL_PASSWORD,
                councilNhs,
                "<icr:item><icr:category>SOCIAL_CARE</icr:category><icr:sourceKey>rel-sc-" + councilNhs
                        + "</icr:sourceKey><icr:version>1</icr:version><icr:effectiveAt>"
                        + Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS)
                        + "</icr:effectiveAt><icr:status>open</icr:status><icr:text>Care Act needs assessment</icr:text>"
                        + "<icr:detail><icr:name>allocatedWorker</icr:name><icr:value>Sam Patel</icr:value></icr:detail>"
                        + "</icr:item>");

        unrelated = person(TestEnvironment.freshNhsNumber(), "RELNONE", "Y90009");
        optedOut = person(TestEnvironment.freshNhsNumber(), "RELOPTEDOUT", "Y90001");
        TestEnvironment.execute("update person set opted_out = true where id = ?", optedOut);
    }

    /**
     * Posts the person's demographics alone, as the GP system does (not the demo's whole record,
     * whose items would make relationships of their own); answers the person's id.
     */
    private static long person(String nhs, String family, String practice) throws Exception {
        DemoPerson person = new DemoPerson(
                nhs,
                "Mr",
                "Owain",
                family,
                LocalDate.of(1950, 3, 2),
                "male",
                "7 Mill Lane",
                "Thornbury",
                "BS35 1AA",
                null,
                practice,
                false);
        Soap.Response r = Soap.post(
                TestEnvironment.ingestionUrl(),
                DemoRegion.demographicsEnvelope("rel-person-" + nhs, person),
                GP,
                GP_PASSWORD);
        assertEquals(200, r.status(), r::toString);
        return TestEnvironment.count("select id from person where nhs_number = ?", nhs);
    }

    private static String encounter(String key, Instant at, String status) {
        return "<icr:item><icr:category>ENCOUNTERS</icr:category><icr:sourceKey>" + key + "</icr:sourceKey>"
                + "<icr:version>1</icr:version><icr:effectiveAt>" + at.truncatedTo(ChronoUnit.SECONDS)
                + "</icr:effectiveAt><icr:status>" + status + "</icr:status>"
                + "<icr:text>Diabetes clinic attendance</icr:text>"
                + "<icr:detail><icr:name>location</icr:name><icr:value>Outpatients, Avon Vale</icr:value></icr:detail>"
                + "</icr:item>";
    }

    private static void items(String source, String password, String nhs, String... items) throws Exception {
        String messageId = "rel-" + System.nanoTime();
        Soap.Response r = Soap.post(
                TestEnvironment.ingestionUrl(),
                "SubmitItems",
                ItemIngestionSoapIT.batch(messageId, "<icr:nhsNumber>" + nhs + "</icr:nhsNumber>", items),
                source,
                password);
        assertEquals(200, r.status(), r::toString);
        assertEquals("ACCEPTED", r.element("outcome"), r::toString);
    }

    private String checkedReason() {
        return browser.driver.findElements(By.cssSelector("input[type=radio][name='reason:choice']")).stream()
                .filter(WebElement::isSelected)
                .map(e -> e.getAttribute("value"))
                .findFirst()
                .orElse("none");
    }

    private void reasonStep(long person) {
        browser.open("record/reason.xhtml?person=" + person);
        browser.waitFor(By.id("reason:open"));
    }

    private boolean noDefault() {
        return browser.driver.findElements(By.id("reason-inferred")).isEmpty()
                && checkedReason().equals("none");
    }

    @Test
    void aPersonRegisteredAtTheGpsPracticeIsOpenedWithTheInferredReasonInOneClick() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        reasonStep(registered);
        browser.waitForText(By.id("reason-relationship"), "Registered at your practice, Riverside Medical Practice");
        assertEquals("ONGOING_CARE", checkedReason(), "the relationship's reason is pre-selected");
        // The other reasons stay offered for everything else.
        assertEquals(
                5,
                browser.driver
                        .findElements(By.cssSelector("#reason\\:choice label"))
                        .size(),
                browser::page);
        browser.checkAccessibility("reason step with an inferred relationship");
        browser.screenshot("reason-step-inferred");

        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("access-reason"), "Ongoing care relationship");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'REASON_INFERRED' and outcome = 'SUCCESS'"
                                + " and username = 'gp.hart' and person_id = ? and purpose_of_use = 'TREAT'"
                                + " and detail ~ '^reason ONGOING_CARE inferred by rule 1 REGISTERED_PRACTICE"
                                + " \\(registered at Y90001\\) \\(declaration [0-9]+\\)$'",
                        registered));
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'REASON_DECLARED' and person_id = ?",
                        registered));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'PATIENT_SEARCH' and username = 'gp.hart'"
                                + " and person_id = ? and detail like 'reason step: banner DETAILS, 5 reason(s) offered,"
                                + " ONGOING_CARE inferred by rule 1 REGISTERED_PRACTICE%'",
                        registered));

        // The privacy officer tells inferred from self-declared: the action filter and its words.
        signInAs("privacy.shaw", "Privacy-demo-1");
        browser.open("privacy/audit.xhtml");
        browser.waitFor(By.id("audit:nhsNumber")).sendKeys(registeredNhs);
        browser.select("audit:action", "REASON_INFERRED");
        browser.driver.findElement(By.id("audit:search")).click();
        browser.waitForText(By.id("audit-total"), "1 matching event(s).");
        browser.waitForText(By.id("audit:list"), "Reason given, relationship found in the record");
        browser.waitForText(By.id("audit:list"), "inferred by rule 1 REGISTERED_PRACTICE");
    }

    @Test
    void aNurseIsOfferedTheHospitalEncounterOfTheLastTenDaysAndNothingForAnOlderOne() throws Exception {
        signInAs("nurse.okafor", "Nurse-demo-1");
        reasonStep(seenAtHospital);
        browser.waitForText(
                By.id("reason-relationship"),
                "Seen by your organisation, Avon Vale Hospitals NHS Foundation Trust, "
                        + UK_DATE.format(seenAt.atZone(ZoneId.of("Europe/London"))));
        assertEquals("ONGOING_CARE", checkedReason());

        // 120 days ago (look-back 90) and a cancelled one: no default, nothing chosen.
        reasonStep(longAgo);
        assertTrue(noDefault(), browser::page);
        // Registered at a GP practice is not the hospital's relationship.
        reasonStep(registered);
        assertTrue(noDefault(), browser::page);

        reasonStep(seenAtHospital);
        browser.waitFor(By.id("reason-relationship"));
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("access-reason"), "Ongoing care relationship");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'REASON_INFERRED' and username = 'nurse.okafor'"
                                + " and person_id = ? and detail like 'reason ONGOING_CARE inferred by rule 2 RECENT_ENCOUNTER"
                                + " (ENCOUNTERS of RX901 within 90 days back, 0 ahead)%'",
                        seenAtHospital));
    }

    @Test
    void theCouncilsAllocatedWorkerIsTheSocialWorkersRelationship() throws Exception {
        signInAs("social.evans", "Social-demo-1");
        reasonStep(allocated);
        browser.waitForText(
                By.id("reason-relationship"),
                "Allocated social care worker at your council, North Avon Council: Sam Patel");
        assertEquals("ONGOING_CARE", checkedReason());
        reasonStep(unrelated);
        assertTrue(noDefault(), browser::page);
    }

    @Test
    void noRelationshipNoDefaultAndAReasonChosenAloneIsAuditedAsDeclared() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        reasonStep(unrelated);
        assertTrue(noDefault(), browser::page);
        browser.checkAccessibility("reason step without a relationship");
        chooseReason("Ongoing care relationship");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("access-reason"), "Ongoing care relationship");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'REASON_DECLARED' and username = 'gp.hart'"
                                + " and person_id = ? and detail ~ '^reason ONGOING_CARE \\(declaration [0-9]+\\)$'",
                        unrelated));
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'REASON_INFERRED' and person_id = ?",
                        unrelated));
    }

    @Test
    void anOptedOutPersonRegisteredAtThePracticeIsNeverDefaulted() throws Exception {
        // gp.hart is designated for safeguarding: only that reason is offered, and it is not inferred.
        signInAs("gp.hart", "Clinician-demo-1");
        browser.open("record/reason.xhtml?person=" + optedOut);
        browser.waitFor(By.id("reason-opted-out"));
        assertTrue(noDefault(), browser::page);
        assertFalse(browser.page().contains("Registered at your practice"), browser::page);
        // A receptionist of the same practice is refused, as before.
        signInAs("reception.wu", "Reception-demo-1");
        browser.open("record/reason.xhtml?person=" + optedOut);
        browser.waitForText(By.id("reason-refused"), "not available for viewing");
    }
}
