package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;

/**
 * Black-box in Chromium: each way the access decision refuses is refused at the boundary AND
 * audited as a denial (RECORD_VIEW, DENIED, with the refusal code). Items a reader may not see are
 * probed by id through the seal-break page, a read path of its own that asks the same decision:
 * the item is "not in this record" for them, never shown, and the attempt is audited. (Opted-out
 * people, break glass without justification and seal breaks by a profile that may not are covered
 * in CareRecordBrowserIT and AccessAdministrationBrowserIT.)
 */
class AccessDenialBrowserIT extends BrowserTest {

    private long personId;

    @BeforeEach
    void freshPersonAndBrowser() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                nhsNumber,
                "Mrs",
                "Dora",
                "DENIALTEST",
                LocalDate.of(1950, 2, 2),
                "female",
                "9 Way",
                "Yate",
                "BS37 9ZZ",
                null,
                "Y90001",
                false);
        personId = TestEnvironment.postPerson(person);
        Soap.Response locked = Soap.post(
                TestEnvironment.ingestionUrl(),
                "SubmitItems",
                ItemIngestionSoapIT.batch(
                        "locked-" + nhsNumber,
                        "<icr:nhsNumber>" + nhsNumber + "</icr:nhsNumber>",
                        "<icr:item><icr:category>PROBLEMS</icr:category><icr:sourceKey>locked-" + nhsNumber
                                + "</icr:sourceKey>"
                                + "<icr:version>1</icr:version><icr:effectiveAt>2026-01-05T09:00:00Z</icr:effectiveAt>"
                                + "<icr:status>active</icr:status><icr:text>Gender identity clinic referral</icr:text>"
                                + "<icr:sensitivity>SEALED_LOCKED</icr:sensitivity></icr:item>"),
                "sys.riverside-gp",
                "Source-demo-gp-1");
        assertEquals(200, locked.status(), locked::toString);
    }

    private void declareOngoingCare() {
        openRecordForCare(personId);
    }

    private long item(String where) throws Exception {
        return TestEnvironment.count("select min(id) from record_item where person_id = ? and " + where, personId);
    }

    /** Asks for one item by id through the seal page: answers the message the page shows. */
    private void probe(long itemId, String expectedMessage) {
        browser.open("record/seal.xhtml?person=" + personId + "&item=" + itemId);
        browser.waitForText(By.id("seal:messages"), expectedMessage);
    }

    private long denials(String username, String detailLike) throws Exception {
        return TestEnvironment.count(
                "select count(*) from audit_event where action = 'RECORD_VIEW' and outcome = 'DENIED'"
                        + " and username = ? and person_id = ? and detail like ?",
                username,
                personId,
                detailLike);
    }

    @Test
    void withoutAReasonNothingIsReadAndTheAttemptIsAudited() throws Exception {
        signInAs("nurse.okafor", "Nurse-demo-1");
        probe(item("category = 'MEDICATIONS'"), "Give a legitimate reason");
        assertFalse(browser.page().contains("Amlodipine"), browser::page);
        assertEquals(1, denials("nurse.okafor", "% NO_REASON"));
        // The record page itself sends the reader to the reason page.
        browser.open("record/view.xhtml?person=" + personId + "&category=MEDICATIONS");
        browser.waitFor(By.id("reason:choice"));
    }

    @Test
    void anExpiredReasonIsRefusedAndAudited() throws Exception {
        signInAs("nurse.okafor", "Nurse-demo-1");
        declareOngoingCare();
        TestEnvironment.execute(
                "update reason_declaration set declared_at = now() - interval '13 hours' where person_id = ?",
                personId);
        probe(item("category = 'MEDICATIONS'"), "expired");
        assertEquals(1, denials("nurse.okafor", "% REASON_EXPIRED"));
        browser.open("record/view.xhtml?person=" + personId + "&category=MEDICATIONS");
        browser.waitFor(By.id("reason:choice"));
        assertFalse(browser.page().contains("Amlodipine"), browser::page);
    }

    @Test
    void theSafeguardingReasonFromAProfileNotDesignatedIsRefusedAndAudited() throws Exception {
        signInAs("nurse.okafor", "Nurse-demo-1");
        browser.open("record/reason.xhtml?person=" + personId);
        // Not designated, the nurse is not offered safeguarding (issue 18); posted by hand, it is refused.
        assertTrue(browser.driver
                .findElements(By.xpath("//label[text()='Safeguarding concern']"))
                .isEmpty());
        forgeReason("SAFEGUARDING");
        browser.driver
                .findElement(By.id("reason:justification"))
                .sendKeys("Concern raised by a neighbour about neglect at home.");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("reason:messages"), "Only staff designated for safeguarding");
        assertEquals(1, denials("nurse.okafor", "declare SAFEGUARDING: NOT_SAFEGUARDING_ROLE"));
    }

    @Test
    void aCategoryHiddenFromTheRoleIsNotReadAndTheAttemptIsAudited() throws Exception {
        signInAs("reception.wu", "Reception-demo-1");
        declareOngoingCare();
        browser.open("record/view.xhtml?person=" + personId + "&category=MEDICATIONS");
        browser.waitForText(By.id("category-title"), "Medications");
        assertTrue(browser.page().contains("This category is not available to your role."), browser::page);
        probe(item("category = 'MEDICATIONS'"), "No such item in this record");
        assertFalse(browser.page().contains("Amlodipine"), browser::page);
        assertEquals(1, denials("reception.wu", "% not in the reader's scope"));
    }

    @Test
    void aSealedAndLockedItemIsInvisibleOutsideTheRecordingOrganisation() throws Exception {
        long locked = item("sensitivity = 'SEALED_LOCKED'");
        signInAs("nurse.okafor", "Nurse-demo-1");
        declareOngoingCare();
        browser.open("record/view.xhtml?person=" + personId + "&category=PROBLEMS");
        browser.waitForText(By.id("record:items"), "Withheld by the source");
        assertFalse(browser.page().contains("Gender identity"), browser::page);
        probe(locked, "No such item in this record");
        assertEquals(1, denials("nurse.okafor", "break seal of item " + locked + ": not in the reader's scope"));

        // The recording organisation's own clinician sees it.
        signInAs("gp.hart", "Clinician-demo-1");
        declareOngoingCare();
        browser.open("record/view.xhtml?person=" + personId + "&category=PROBLEMS");
        browser.waitForText(By.id("record:items"), "Gender identity clinic referral");
    }

    @Test
    void aCouncilsSocialCareItemsRefusedConsentAreNotReadByOthersAndTheAttemptIsAudited() throws Exception {
        TestEnvironment.execute(
                "insert into social_care_consent_refusal (person_id, council_organisation_id)"
                        + " select ?, id from organisation where ods_code = 'LA901'",
                personId);
        long socialCare = item("category = 'SOCIAL_CARE'"
                + " and organisation_id = (select id from organisation where ods_code = 'LA901')");
        signInAs("gp.hart", "Clinician-demo-1");
        declareOngoingCare();
        browser.open("record/view.xhtml?person=" + personId + "&category=SOCIAL_CARE");
        browser.waitForText(By.id("category-title"), "Social care");
        assertFalse(browser.page().contains("Care Act needs assessment"), browser::page);
        probe(socialCare, "No such item in this record");
        assertEquals(1, denials("gp.hart", "break seal of item " + socialCare + ": not in the reader's scope"));
    }

    @Test
    void aProfileAtAnInactiveOrganisationIsRefusedAndAudited() throws Exception {
        // dr.lee works at the trust (R8000, RX901) and the mental health trust (R8003, RX903).
        signInChoosing("dr.lee", "Multirole-demo-1", "R8003");
        try {
            TestEnvironment.execute("update organisation set active = false where ods_code = 'RX903'");
            // The profile itself is no longer usable: refused before any record is read.
            browser.open("record/view.xhtml?person=" + personId);
            browser.waitForText(By.id("notices"), "Your organisation is not active in the shared care record");
            assertFalse(browser.page().contains("DENIALTEST"), browser::page);
            assertEquals(1, denials("dr.lee", "role profile refused"));
        } finally {
            TestEnvironment.execute("update organisation set active = true where ods_code = 'RX903'");
        }
    }
}
