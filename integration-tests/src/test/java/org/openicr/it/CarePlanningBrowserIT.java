package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;

/**
 * Black-box in Chromium (issue 18, care planning up front): the alert strip says the resuscitation
 * decision and the reasonable adjustments in words beside safeguarding and allergies, on the summary
 * and on every category page; the summary's "Care planning" card shows the ReSPECT form with where
 * it is held, and frailty; carers read as carers. A receptionist sees the adjustments and not the
 * resuscitation decision, which is not in the page at all.
 */
class CarePlanningBrowserIT extends BrowserTest {

    private static long personId;

    @BeforeAll
    static void personWithACarePlan() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        personId = TestEnvironment.postPerson(new DemoPerson(
                nhsNumber,
                "Mrs",
                "Iris",
                "CAREPLANNED",
                LocalDate.of(1937, 1, 21),
                "female",
                "9 Mill Lane",
                "Thornbury",
                "BS35 2ZZ",
                null,
                "Y90001",
                false));
        CarePlanning.postStory(nhsNumber);
    }

    private String text(String id) {
        return browser.waitFor(By.id(id)).getText();
    }

    @Test
    void aClinicianReadsTheDecisionAndTheAdjustmentsFirst() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        openRecordForCare(personId);

        String resuscitation = text("alert-resuscitation");
        assertTrue(resuscitation.contains("Do not attempt CPR"), resuscitation);
        assertTrue(
                resuscitation.contains("(ReSPECT form: ward-based care, not for intensive care, Riverside Medical"
                        + " Practice, 12-Mar-2026; form held: With the patient at home (kitchen drawer))"),
                resuscitation);
        assertTrue(resuscitation.contains("form held: With the patient at home (kitchen drawer)"), resuscitation);
        // The superseded form of 2024 no longer stands: not in the strip.
        assertFalse(resuscitation.contains("For CPR"), resuscitation);
        assertFalse(resuscitation.contains("not-for-cpr"), resuscitation);

        String adjustments = text("alert-adjustments");
        assertTrue(
                adjustments.contains("Communication support: British Sign Language interpreter for every appointment"),
                adjustments);

        String card = text("summary-CARE_PLANS");
        assertTrue(card.startsWith("Care planning"), card);
        assertTrue(card.contains("ReSPECT form: ward-based care, not for intensive care"), card);
        assertTrue(card.contains("Do not attempt CPR"), card);
        assertTrue(card.contains("Review by"), card);
        assertTrue(card.contains("12-Oct-2026"), card);
        assertTrue(card.contains("6 (living with moderate frailty)"), card);
        assertFalse(card.contains("ReSPECT form (first)"), card);

        assertTrue(text("summary-ADJUSTMENTS").contains("British Sign Language interpreter"));
        String contacts = text("summary-CONTACTS");
        assertTrue(contacts.contains("Grace Okonjo"), contacts);
        assertTrue(contacts.contains("Carer of this person"), contacts);
        browser.screenshot("care-planning-summary");

        // The strip follows the reader to every page of the record.
        browser.open("record/view.xhtml?person=" + personId + "&category=MEDICATIONS");
        assertTrue(text("alert-resuscitation").contains("Do not attempt CPR"));
        assertTrue(text("alert-adjustments").contains("British Sign Language"));

        // The category's own page lists every plan, the superseded one too, with its details in words.
        browser.open("record/view.xhtml?person=" + personId + "&category=CARE_PLANS");
        browser.waitForText(By.tagName("main"), "ReSPECT form (first)");
        assertTrue(browser.page().contains("For CPR"), browser::page);
        assertTrue(browser.page().contains("Clinical Frailty Scale"), browser::page);
    }

    @Test
    void aReceptionistSeesTheAdjustmentsButNotTheResuscitationDecision() throws Exception {
        signInAs("reception.wu", "Reception-demo-1");
        openRecordForCare(personId);
        assertTrue(text("alert-adjustments").contains("British Sign Language interpreter for every appointment"));
        assertTrue(browser.driver.findElements(By.id("alert-resuscitation")).isEmpty(), browser::page);
        assertFalse(browser.page().contains("Do not attempt CPR"), browser::page);
        assertFalse(browser.page().contains("ward-based care"), browser::page);
        assertFalse(browser.page().contains("moderate frailty"), browser::page);
        assertTrue(text("summary-CONTACTS").contains("Carer of this person"));
        browser.screenshot("care-planning-receptionist");
    }

    @Test
    void withoutAnyDecisionTheStripSaysSoRatherThanNothing() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        long id = TestEnvironment.postPerson(new DemoPerson(
                nhsNumber,
                "Mr",
                "Noel",
                "NOPLAN",
                LocalDate.of(1960, 2, 2),
                "male",
                "1 Quay",
                "Bristol",
                "BS1 4ZZ",
                null,
                "Y90001",
                false));
        signInAs("nurse.okafor", "Nurse-demo-1");
        openRecordForCare(id);
        assertTrue(text("alert-resuscitation").contains("No ReSPECT form or DNACPR decision shared"));
        assertTrue(text("alert-adjustments").contains("No reasonable adjustments recorded"));
    }
}
