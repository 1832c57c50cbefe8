package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Black-box in Chromium: the record summary and every category view (medication changes, the result
 * trend chart, the document viewer for text and PDF, the encounter timeline), the print view, for
 * three roles with different categories: what a role may not see is absent from the HTML, and a
 * document of a hidden category or a withheld one is refused by the server and audited.
 */
class RecordViewerBrowserIT extends BrowserTest {

    private static String nhsNumber;
    private static long personId;
    private static long letterId;
    private static long pdfId;

    @BeforeAll
    static void personWithAFullRecord() throws Exception {
        nhsNumber = TestEnvironment.freshNhsNumber();
        personId = post(nhsNumber, "VIEWERTEST");
        letterId = TestEnvironment.count("select id from record_item where source_key = ?", nhsNumber + "-d1");
        pdfId = TestEnvironment.count("select id from record_item where source_key = ?", nhsNumber + "-d2");
    }

    private static long post(String number, String family) throws Exception {
        DemoPerson person = new DemoPerson(
                number,
                "Mrs",
                "Edith",
                family,
                LocalDate.of(1946, 11, 3),
                "female",
                "9 Mill Lane",
                "Thornbury",
                "BS35 9ZZ",
                "01454 000777",
                "Y90001",
                false);
        return TestEnvironment.postPerson(person);
    }

    private void openRecord(String username, String password, long id, String number) {
        signInAs(username, password);
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("search:nhsNumber")).sendKeys(number);
        browser.driver.findElement(By.id("search:find")).click();
        browser.waitFor(By.id("search:open-record")).click();
        browser.waitFor(By.id("reason:choice"));
        browser.driver
                .findElement(By.xpath("//label[text()='Ongoing care relationship']"))
                .click();
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("category-title"), "Summary");
    }

    /** The ids of the summary's cards, in the order shown. */
    private List<String> summaryCards() {
        return browser.driver.findElements(By.cssSelector(".icr-summary > section")).stream()
                .map(e -> e.getAttribute("id"))
                .toList();
    }

    private String show(String category) {
        browser.open("record/view.xhtml?person=" + personId + "&category=" + category);
        browser.waitFor(By.id("category-title"));
        return browser.page();
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    /** Fetches a URL from inside the signed-in page: "status content-type first-bytes". */
    private String fetch(String relative) {
        return (String) ((JavascriptExecutor) browser.driver)
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                                + " + r.headers.get('content-type') + ' '"
                                + " + String.fromCharCode.apply(null, new Uint8Array(b).slice(0, 5)))))"
                                + ".catch(e => done('error ' + e));",
                        TestEnvironment.baseUrl().resolve(relative).toString());
    }

    private static long deniedDocumentReads(String username, long item) throws Exception {
        return TestEnvironment.count(
                "select count(*) from audit_event where action = 'RECORD_VIEW' and outcome = 'DENIED'"
                        + " and username = ? and person_id = ? and detail like ?",
                username,
                personId,
                "%document " + item + "%");
    }

    @Test
    void aClinicianReadsTheSummaryAndEveryCategory() throws Exception {
        openRecord("gp.hart", "Clinician-demo-1", personId, nhsNumber);
        assertTrue(text("alert-allergies").contains("Allergy to penicillin (Rash)"), browser::page);
        assertTrue(text("alert-safeguarding").contains("Adult safeguarding concern raised"), browser::page);
        assertTrue(text("summary-PROBLEMS").contains("Hypertension"), browser::page);
        assertFalse(text("summary-PROBLEMS").contains("Asthma"), "a resolved problem is not active");
        assertTrue(text("summary-MEDICATIONS").contains("Amlodipine 10mg tablets"), browser::page);
        assertFalse(text("summary-MEDICATIONS").contains("Ramipril"), "a stopped medication is not current");
        assertFalse(text("summary-MEDICATIONS").contains("Amlodipine 5mg"), "a replaced dose is not current");
        // Issue 18: the flag in words beside the value, not the laboratory's "(H)".
        assertTrue(text("summary-RESULTS").contains("56 mmol/mol"), browser::page);
        assertTrue(text("summary-RESULTS").contains("High"), browser::page);
        assertFalse(text("summary-RESULTS").contains("(H)"), browser::page);
        assertTrue(text("summary-ENCOUNTERS").contains("Diabetes clinic attendance"), browser::page);
        assertTrue(text("summary-REFERRALS").contains("Referral to falls prevention service"), browser::page);
        String socialCare = text("summary-SOCIAL_CARE");
        assertTrue(socialCare.contains("Allocated worker Sam Patel"), socialCare);
        assertTrue(socialCare.contains("Telephone 01454 000300"), socialCare);
        assertTrue(socialCare.contains("North Avon Council"), socialCare);
        assertTrue(text("summary-DOCUMENTS").contains("Diabetes clinic letter"), browser::page);
        assertFalse(browser.page().contains("not available to your role"), browser::page);
        browser.screenshot("record-summary");

        String medications = show("MEDICATIONS");
        assertTrue(text("current-medications").contains("Amlodipine 10mg tablets"), medications);
        assertFalse(text("current-medications").contains("Ramipril"), medications);
        String history = text("record:items");
        assertTrue(history.contains("Dose changed: Blood pressure above target on 5mg"), history);
        assertTrue(history.contains("Stopped: Persistent cough"), history);
        assertTrue(history.contains("Amlodipine 5mg tablets"), history);
        browser.screenshot("record-medications");

        show("RESULTS");
        assertTrue(text("record:items").contains("lungs clear"), "the radiology report is shown");
        browser.driver
                .findElement(By.xpath("//tr[td[contains(., 'Haemoglobin A1c')]]//a[text()='Trend']"))
                .click();
        browser.waitFor(By.cssSelector("#trend canvas"));
        assertTrue(text("trend-title").contains("reference range 20 - 41 mmol/mol"), browser::page);
        assertEquals(
                6,
                browser.driver
                        .findElements(By.cssSelector("#trend-values tbody tr"))
                        .size());
        browser.screenshot("record-results-trend");

        show("DOCUMENTS");
        browser.driver
                .findElement(By.xpath("//tr[td[contains(., 'Discharge summary')]]//a[text()='View']"))
                .click();
        browser.waitFor(By.id("document-viewer"));
        browser.driver.switchTo().frame("document-viewer");
        browser.waitForText(By.tagName("body"), "Admitted after a fall at home");
        browser.driver.switchTo().defaultContent();
        browser.screenshot("record-document-viewer");
        String pdf = fetch("record/document?person=" + personId + "&item=" + pdfId);
        // Never the PDF itself (issue 16): its pages drawn as images in a sandboxed HTML answer.
        assertTrue(pdf.startsWith("200 text/html") && pdf.endsWith("<!DOC"), pdf);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'RECORD_VIEW' and outcome = 'SUCCESS'"
                                + " and username = 'gp.hart' and person_id = ? and detail like ?",
                        personId,
                        "document " + pdfId + " opened (application/pdf)%"));

        // Issue 18: the encounters page shows encounters only; appointments are on their own page and,
        // with every other dated event, on the Timeline page (TimelineBrowserIT).
        show("ENCOUNTERS");
        String timeline = text("timeline");
        assertFalse(timeline.contains("Diabetes clinic follow-up"), timeline);
        for (String expected : List.of(
                "Attendance",
                "Admission",
                "Discharge",
                "Inpatient admission, Ward 9",
                "Discharged home from Ward 9",
                "Avon Vale Hospitals NHS Foundation Trust")) {
            assertTrue(timeline.contains(expected), expected + " in " + timeline);
        }
        browser.screenshot("record-timeline");

        Map<String, String> expected = Map.of(
                "PROBLEMS", "Asthma",
                "ALLERGIES", "Severity moderate",
                "PROCEDURES", "Cataract surgery",
                "REFERRALS", "Referred to Severn Community Health",
                "SAFEGUARDING", "Adult Safeguarding Hub",
                "SOCIAL_CARE", "Home care service: two visits a day",
                "CONTACTS", "Relationship Named GP",
                "APPOINTMENTS", "Blood pressure check");
        for (Map.Entry<String, String> view : expected.entrySet()) {
            show(view.getKey());
            String container = view.getKey().equals("APPOINTMENTS") ? "timeline" : "record:items";
            browser.waitForText(By.id(container), view.getValue());
        }

        browser.open("record/print.xhtml?person=" + personId);
        browser.waitForText(By.id("category-title"), "Summary");
        assertTrue(
                browser.driver.findElements(By.cssSelector(".icr-categories")).isEmpty());
        assertTrue(text("summary-MEDICATIONS").contains("Amlodipine 10mg tablets"));
        ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertFalse(browser.driver.findElement(By.id("print-button")).isDisplayed(), "no buttons on paper");
        browser.screenshot("record-print");
    }

    /**
     * Issue 21, item 4: a vaccination the PAS sends as HL7 v2 VXU^V04 is on a clinician's summary
     * ("Recent immunisations", with its batch number and site in words) and on its own category
     * page; a receptionist's summary names the category as not shown to the role.
     */
    @Test
    void aVaccinationSentAsVxuShowsUnderImmunisationsForAClinicianOnly() throws Exception {
        String number = TestEnvironment.freshNhsNumber();
        long id = post(number, "IMMUNISED");
        String order = "IMM" + System.nanoTime();
        Soap.Response r = Hl7IngestionSoapIT.post(
                null,
                String.join(
                        "\r",
                        Hl7IngestionSoapIT.msh("VXU^V04^VXU_V04", "VXU-" + order),
                        Hl7IngestionSoapIT.segment(
                                "PID", 1, "1", 3, number + "^^^NHS^NH", 5, "IMMUNISED^Edith", 7, "19461103"),
                        Hl7IngestionSoapIT.segment("ORC", 1, "RE", 3, order),
                        Hl7IngestionSoapIT.segment(
                                "RXA",
                                3,
                                "20260110",
                                5,
                                "39114911000001105^Influenza vaccine^SCT",
                                6,
                                "0.5",
                                7,
                                "mL^mL^UCUM",
                                15,
                                "FLU-LOT-7",
                                20,
                                "CP"),
                        Hl7IngestionSoapIT.segment(
                                "RXR", 1, "IM^Intramuscular^HL70162", 2, "LD^Left Deltoid^HL70163")));
        assertEquals("ACCEPTED", r.element("outcome"), r::toString);

        openRecord("gp.hart", "Clinician-demo-1", id, number);
        String card = text("summary-IMMUNISATIONS");
        assertTrue(card.contains("Recent immunisations"), card);
        assertTrue(card.contains("Influenza vaccine"), card);
        assertTrue(card.contains("FLU-LOT-7"), card);
        assertTrue(card.contains("Left Deltoid"), card);
        browser.open("record/view.xhtml?person=" + id + "&category=IMMUNISATIONS");
        assertEquals("Immunisations", text("category-title"));
        String page = browser.page();
        assertTrue(page.contains("Influenza vaccine") && page.contains("Batch number"), page);
        assertFalse(page.contains("not available to your role"), page);

        openRecord("reception.wu", "Reception-demo-1", id, number);
        assertTrue(text("summary-hidden").contains("Immunisations"), browser::page);
        assertFalse(browser.page().contains("Influenza vaccine"), browser::page);
    }

    @Test
    void aReceptionistSeesContactsAndAppointmentsOnlyAndIsRefusedDocuments() throws Exception {
        openRecord("reception.wu", "Reception-demo-1", personId, nhsNumber);
        // Issue 18: the receptionist's own layout (who, how to reach them, appointments) and the
        // categories it may not see named once, on one quiet line, not as cards.
        // The receptionist's adjustments (issue 18, item 2) come right after contacts.
        assertEquals(
                List.of("summary-DEMOGRAPHICS", "summary-CONTACTS", "summary-ADJUSTMENTS", "summary-APPOINTMENTS"),
                summaryCards());
        assertTrue(text("summary-hidden").contains("Care planning"), browser::page);
        assertEquals("01454 000777", text("personal-phone"));
        assertTrue(text("summary-hidden").startsWith("Not shown to your role: "), browser::page);
        assertTrue(text("summary-hidden").contains("Medications"), browser::page);
        assertTrue(text("summary-hidden").contains("Safeguarding alerts"), browser::page);
        assertTrue(browser.driver
                .findElements(By.cssSelector(".icr-summary .icr-not-available"))
                .isEmpty());
        assertTrue(text("summary-APPOINTMENTS").contains("Diabetes clinic follow-up"), browser::page);
        assertFalse(
                text("summary-APPOINTMENTS").contains("Blood pressure check"), "a fulfilled appointment is not booked");
        assertTrue(text("summary-CONTACTS").contains("Named GP: Dr A Hart"), browser::page);
        assertTrue(browser.driver.findElements(By.id("alert-allergies")).isEmpty());
        List<String> hidden = List.of(
                "Amlodipine",
                "Hypertension",
                "Haemoglobin A1c",
                "eGFR",
                "Discharge summary",
                "Diabetes clinic letter",
                "Care Act",
                "Home care service",
                "safeguarding concern",
                "penicillin",
                "Emergency department",
                "Ward 9",
                "falls prevention");
        assertAbsent(browser.page(), hidden, "summary");
        browser.screenshot("record-summary-receptionist");
        for (String category : List.of(
                "CONTACTS",
                "MEDICATIONS",
                "PROBLEMS",
                "ALLERGIES",
                "RESULTS",
                "DOCUMENTS",
                "PROCEDURES",
                "ENCOUNTERS",
                "APPOINTMENTS",
                "REFERRALS",
                "SAFEGUARDING",
                "SOCIAL_CARE")) {
            assertAbsent(show(category), hidden, category);
        }
        browser.open("record/view.xhtml?person=" + personId + "&category=RESULTS&trendSystem=LOINC&trend=4548-4");
        browser.waitFor(By.id("category-title"));
        assertAbsent(browser.page(), hidden, "trend");
        String refused = fetch("record/document?person=" + personId + "&item=" + letterId);
        assertTrue(refused.startsWith("404"), refused); // issue 18: as a document that does not exist
        assertFalse(refused.contains("Admitted"), refused);
        assertEquals(1, deniedDocumentReads("reception.wu", letterId));
    }

    @Test
    void aSocialWorkerSeesSocialCareWithTheWorkerButNoResultsOrDocuments() throws Exception {
        openRecord("social.evans", "Social-demo-1", personId, nhsNumber);
        String socialCare = text("summary-SOCIAL_CARE");
        assertTrue(socialCare.contains("Care Act needs assessment"), socialCare);
        assertTrue(socialCare.contains("Allocated worker Sam Patel"), socialCare);
        assertTrue(socialCare.contains("Team Adult Social Care North"), socialCare);
        // Issue 18: the social worker's own layout (adjustments and care plans after contacts); results and
        // documents named on the one line.
        assertEquals(
                List.of(
                        "summary-DEMOGRAPHICS",
                        "summary-CONTACTS",
                        "summary-ADJUSTMENTS",
                        "summary-CARE_PLANS",
                        "summary-SOCIAL_CARE",
                        "summary-SAFEGUARDING",
                        "summary-REFERRALS",
                        "summary-ENCOUNTERS"),
                summaryCards());
        assertTrue(text("summary-hidden").contains("Results"), browser::page);
        assertTrue(text("summary-hidden").contains("Documents"), browser::page);
        assertTrue(browser.driver.findElements(By.id("summary-RESULTS")).isEmpty(), browser::page);
        assertTrue(browser.driver
                .findElements(By.cssSelector(".icr-summary .icr-not-available"))
                .isEmpty());
        browser.screenshot("record-summary-social-worker");
        assertTrue(text("alert-safeguarding").contains("Adult safeguarding concern raised"));
        List<String> hidden = List.of(
                "Haemoglobin A1c",
                "eGFR",
                "Discharge summary",
                "Diabetes clinic letter",
                "Amlodipine",
                "Hypertension",
                "penicillin",
                "lungs clear");
        assertAbsent(browser.page(), hidden, "summary");
        for (String category : List.of("RESULTS", "DOCUMENTS", "MEDICATIONS", "ENCOUNTERS", "SOCIAL_CARE")) {
            assertAbsent(show(category), hidden, category);
        }
        assertTrue(text("record:items").contains("Home care service: two visits a day"));
        String refused = fetch("record/document?person=" + personId + "&item=" + pdfId);
        assertTrue(refused.startsWith("404"), refused); // issue 18: as a document that does not exist
        assertEquals(1, deniedDocumentReads("social.evans", pdfId));
    }

    @Test
    void aSealedDocumentFromAnotherOrganisationIsNeverServed() throws Exception {
        String number = TestEnvironment.freshNhsNumber();
        long sealedPerson = post(number, "SEALEDDOC");
        long sealed = TestEnvironment.count("select id from record_item where source_key = ?", number + "-d1");
        TestEnvironment.execute("update record_item set sensitivity = 'SEALED' where id = ?", sealed);

        openRecord("gp.hart", "Clinician-demo-1", sealedPerson, number);
        browser.open("record/view.xhtml?person=" + sealedPerson + "&category=DOCUMENTS");
        browser.waitForText(By.id("record:items"), "Withheld by the source");
        assertFalse(browser.page().contains("Discharge summary"), browser::page);
        assertTrue(
                browser.page().contains("record/seal.xhtml?person=" + sealedPerson + "&amp;item=" + sealed),
                "a role that may break seals is offered the seal-break page");
        String refused = fetch("record/document?person=" + sealedPerson + "&item=" + sealed);
        assertTrue(refused.startsWith("404"), refused); // issue 18: as a document that does not exist
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'RECORD_VIEW' and outcome = 'DENIED'"
                                + " and username = 'gp.hart' and person_id = ? and detail like ?",
                        sealedPerson,
                        "%document " + sealed + "%"));
        // A document of another person, through this person's record, is refused too.
        String elsewhere = fetch("record/document?person=" + sealedPerson + "&item=" + letterId);
        assertTrue(elsewhere.startsWith("404"), elsewhere); // issue 18: as a document that does not exist

        // A nurse, who may not break seals, sees that it is withheld but no seal-break link.
        browser.driver.manage().deleteAllCookies();
        openRecord("nurse.okafor", "Nurse-demo-1", sealedPerson, number);
        browser.open("record/view.xhtml?person=" + sealedPerson + "&category=PROBLEMS");
        browser.waitForText(By.id("record:items"), "Withheld by the source");
        assertFalse(browser.page().contains("seal.xhtml"), browser::page);
    }

    private static void assertAbsent(String html, List<String> hidden, String where) {
        for (String text : hidden) {
            assertFalse(html.contains(text), text + " must not reach this role's page (" + where + ")");
        }
    }
}
