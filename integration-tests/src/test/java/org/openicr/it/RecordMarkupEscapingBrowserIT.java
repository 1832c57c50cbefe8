package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The record page's lists are written in Java (summary cards, alert strip, timelines, results grid:
 * docs/decision-log.md, "Session 12"), so this proves in Chromium that markup a source sends in a
 * title, a detail or a care plan's form location is shown as text on each of them and never runs:
 * no element a source named is created, no handler fires, and the words are on the page as sent.
 */
class RecordMarkupEscapingBrowserIT extends BrowserTest {

    /** Each sets window.icrInjected to its number if it ever runs. */
    private static final List<String> PAYLOADS = List.of(
            "<img src=x onerror=window.icrInjected=1>",
            "\"><script>window.icrInjected=2</script>",
            "<svg onload=window.icrInjected=3>",
            "<img src=y onerror=window.icrInjected=4>",
            "'><iframe srcdoc=x onload=window.icrInjected=5>",
            "<b onmouseover=window.icrInjected=6>x</b>");

    private static String nhsNumber;
    private static long personId;

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @BeforeAll
    static void personWhoseSourceSentMarkup() throws Exception {
        nhsNumber = TestEnvironment.freshNhsNumber();
        personId = TestEnvironment.postPerson(new DemoPerson(
                nhsNumber,
                "Ms",
                "Ada",
                "MARKUPTEST",
                LocalDate.of(1970, 2, 3),
                "female",
                "3 Tag Street",
                "Bristol",
                "BS1 1ZZ",
                null,
                "Y90001",
                false));
        String k = nhsNumber + "-markup-";
        Soap.Response r = CarePlanning.submit(CarePlanning.batch(
                "markup-" + nhsNumber,
                nhsNumber,
                CarePlanning.item(
                        "ALLERGIES",
                        k + "a",
                        "2026-01-02",
                        "active",
                        xml("Allergy " + PAYLOADS.get(0)),
                        "reaction",
                        xml(PAYLOADS.get(1))),
                CarePlanning.item("PROBLEMS", k + "p", "2026-01-03", "active", xml("Problem " + PAYLOADS.get(1))),
                CarePlanning.item(
                        "ENCOUNTERS",
                        k + "e",
                        "2026-01-04",
                        "finished",
                        xml("Visit " + PAYLOADS.get(2)),
                        "location",
                        xml(PAYLOADS.get(5))),
                CarePlanning.item(
                        "CARE_PLANS",
                        k + "c",
                        "2026-01-05",
                        "active",
                        xml("Plan " + PAYLOADS.get(4)),
                        "planType",
                        "respect",
                        "cprDecision",
                        "not-for-cpr",
                        "formLocation",
                        xml(PAYLOADS.get(3))),
                CarePlanning.item("SAFEGUARDING", k + "s", "2026-01-06", "active", xml("Concern " + PAYLOADS.get(2))),
                CarePlanning.item(
                        "RESULTS",
                        k + "r1",
                        "2026-01-07",
                        "final",
                        xml("Test " + PAYLOADS.get(0)),
                        "value",
                        "5.1",
                        "unit",
                        xml(PAYLOADS.get(3))),
                CarePlanning.item(
                        "RESULTS",
                        k + "r2",
                        "2026-01-08",
                        "final",
                        xml("Test " + PAYLOADS.get(0)),
                        "value",
                        "5.4",
                        "unit",
                        xml(PAYLOADS.get(3)))));
        assertEquals(200, r.status(), r::toString);
    }

    private Object injected() {
        return ((JavascriptExecutor) browser.driver).executeScript("return window.icrInjected;");
    }

    private void showsAsTextOnly(String page, String... containers) {
        browser.open("record/view.xhtml?person=" + personId + page);
        browser.waitFor(By.id("category-title"));
        assertEquals(null, injected(), "nothing a source sent ran on " + page);
        assertTrue(
                browser.driver
                        .findElements(By.cssSelector("#main img, #main svg, #main iframe, #main b, #main script"))
                        .isEmpty(),
                () -> "no element a source named exists on " + page + ": " + browser.page());
        for (String container : containers) {
            String text = browser.driver.findElement(By.id(container)).getText();
            assertTrue(
                    text.contains("<") && text.contains("window.icrInjected="),
                    () -> container + " shows the markup as words: " + text);
        }
    }

    @Test
    void markupFromASourceIsWordsOnEveryListOfTheRecordPage() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        openRecordForCare(personId);

        showsAsTextOnly(
                "",
                "alert-allergies",
                "alert-safeguarding",
                "alert-resuscitation",
                "summary-PROBLEMS",
                "summary-ENCOUNTERS",
                "summary-RESULTS");
        assertTrue(
                browser.driver
                        .findElement(By.id("alert-resuscitation"))
                        .getText()
                        .contains("form held: " + PAYLOADS.get(3)),
                browser::page);
        showsAsTextOnly("&category=ENCOUNTERS", "timeline");
        showsAsTextOnly("&page=timeline", "timeline");
        showsAsTextOnly("&category=RESULTS", "result-grid");
        browser.checkAccessibility("markup-results");
    }
}
