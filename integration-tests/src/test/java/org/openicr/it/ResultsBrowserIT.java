package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 18, item 1, black-box in Chromium on the demo record (HbA1c six times, eGFR five times, one
 * potassium, a chest X-ray report): the summary's results card shows the latest value of each test
 * once, its flag in words and the way it moved; the results page has a cumulative grid by test and
 * day and a filter by test and by report in the address (bookmarkable, Back works); "Trend" only
 * where there are two numeric values; a receptionist, who may not see results, gets none of it.
 */
class ResultsBrowserIT extends BrowserTest {

    private static long personId;

    @BeforeAll
    static void personWithTheDemoRecord() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        personId = TestEnvironment.postPerson(new DemoPerson(
                nhsNumber,
                "Mrs",
                "Edith",
                "RESULTSTEST",
                LocalDate.of(1946, 11, 3),
                "female",
                "9 Mill Lane",
                "Thornbury",
                "BS35 9ZZ",
                "01454 000777",
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

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    private List<WebElement> lines(String containing) {
        return browser.driver.findElements(
                By.xpath("//*[@id='summary-RESULTS']//li[contains(., '" + containing + "')]"));
    }

    @Test
    void theSummaryShowsTheLatestValueOfEachTestOnce() throws Exception {
        openRecord("gp.hart", "Clinician-demo-1");
        String card = text("summary-RESULTS");
        assertEquals(1, lines("Haemoglobin A1c").size(), card);
        assertEquals(1, lines("eGFR").size(), card);
        assertEquals(1, lines("Potassium").size(), card);
        assertEquals(1, lines("Chest X-ray report").size(), card);
        String hba1c = lines("Haemoglobin A1c").get(0).getText();
        assertTrue(hba1c.contains("56 mmol/mol"), hba1c);
        assertTrue(hba1c.contains("High"), "the flag in words: " + hba1c);
        assertTrue(hba1c.contains("down from 58 mmol/mol on "), hba1c);
        assertFalse(hba1c.contains("(H)"), "no bare laboratory code: " + hba1c);
        String egfr = lines("eGFR").get(0).getText();
        assertTrue(egfr.contains("57 mL/min/1.73m2") && egfr.contains("Low"), egfr);
        assertTrue(egfr.contains("down from 59 mL/min/1.73m2"), egfr);
        String potassium = lines("Potassium").get(0).getText();
        assertFalse(potassium.contains("High") || potassium.contains("Low"), "a normal value: " + potassium);
        assertFalse(potassium.contains("from"), "one potassium: nothing to compare with");
        assertTrue(lines("Potassium").get(0).findElements(By.linkText("Trend")).isEmpty(), "nothing to draw");
        assertEquals(1, lines("eGFR").get(0).findElements(By.linkText("Trend")).size());
        // Newest test first: potassium and the X-ray (3 months ago), eGFR (4), HbA1c (5).
        List<String> order = browser.driver.findElements(By.cssSelector("#summary-RESULTS li .icr-item-title")).stream()
                .map(WebElement::getText)
                .toList();
        assertEquals(4, order.size(), order::toString);
        assertTrue(order.indexOf("Potassium") < order.indexOf("eGFR"), order::toString);
        assertTrue(order.indexOf("Chest X-ray report") < order.indexOf("eGFR"), order::toString);
        assertEquals(List.of("eGFR", "Haemoglobin A1c"), order.subList(2, 4));
        browser.screenshot("record-summary-latest-results");
    }

    @Test
    void theResultsPageHasAGridByTestAndDayWithAFilterInTheAddress() throws Exception {
        openRecord("gp.hart", "Clinician-demo-1");
        browser.open("record/view.xhtml?person=" + personId + "&category=RESULTS");
        browser.waitFor(By.id("result-grid"));
        List<String> tests =
                browser.driver.findElements(By.cssSelector("#result-grid tbody th .icr-item-title")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertEquals(List.of("eGFR", "Haemoglobin A1c", "Potassium"), tests);
        assertEquals(
                12,
                browser.driver
                        .findElements(By.cssSelector("#result-grid thead th.icr-grid-day"))
                        .size(),
                "one column per day: 6 HbA1c, 5 eGFR and 1 potassium, on different days");
        WebElement hba1c = browser.driver.findElement(By.xpath("//tr[@data-test='LOINC:4548-4']"));
        assertTrue(hba1c.getText().contains("20 - 41"), "the reference range: " + hba1c.getText());
        assertEquals(
                6, hba1c.findElements(By.cssSelector("td.icr-grid-abnormal")).size());
        assertEquals(
                6, hba1c.findElements(By.xpath(".//td[contains(., 'High')]")).size(), "marked in words");
        WebElement egfr = browser.driver.findElement(By.xpath("//tr[@data-test='LOINC:33914-3']"));
        assertEquals(2, egfr.findElements(By.xpath(".//td[contains(., 'Low')]")).size(), "59 and 57");
        WebElement potassium = browser.driver.findElement(By.xpath("//tr[@data-test='LOINC:2823-3']"));
        assertTrue(potassium.findElements(By.className("icr-trend-link")).isEmpty(), "one value: no Trend");
        assertEquals(1, hba1c.findElements(By.className("icr-trend-link")).size());
        assertTrue(
                browser.driver
                        .findElements(By.xpath("//tr[td[contains(., 'Potassium')]]//a[text()='Trend']"))
                        .isEmpty(),
                "no Trend for the single potassium in the list either");
        // Labelled controls.
        assertEquals(
                "Test",
                browser.driver
                        .findElement(By.cssSelector("label[for='filter-test']"))
                        .getText());
        assertEquals(
                "Report",
                browser.driver
                        .findElement(By.cssSelector("label[for='filter-report']"))
                        .getText());
        browser.screenshot("record-results-grid");

        new Select(browser.driver.findElement(By.id("filter-test"))).selectByVisibleText("Haemoglobin A1c");
        browser.driver.findElement(By.id("filter-apply")).click();
        browser.waitFor(By.id("filtered-results"));
        assertTrue(browser.driver.getCurrentUrl().contains("test=LOINC%3A4548-4"), browser.driver.getCurrentUrl());
        assertEquals(
                1,
                browser.driver
                        .findElements(By.cssSelector("#result-grid tbody tr"))
                        .size());
        assertEquals(
                6,
                browser.driver
                        .findElements(By.cssSelector("#filtered-results tbody tr"))
                        .size());
        assertFalse(text("filtered-results").contains("eGFR"));
        assertEquals(
                "Haemoglobin A1c",
                new Select(browser.driver.findElement(By.id("filter-test")))
                        .getFirstSelectedOption()
                        .getText(),
                "the filter shows what was chosen");
        browser.screenshot("record-results-filtered");

        // The address is the filter: opened again (a bookmark), it shows the same.
        String bookmark = browser.driver.getCurrentUrl();
        browser.driver.navigate().back();
        browser.waitFor(By.id("result-grid"));
        assertEquals(
                3,
                browser.driver
                        .findElements(By.cssSelector("#result-grid tbody tr"))
                        .size(),
                "Back: all tests");
        browser.driver.get(bookmark);
        browser.waitFor(By.id("filtered-results"));
        assertEquals(
                1,
                browser.driver
                        .findElements(By.cssSelector("#result-grid tbody tr"))
                        .size());

        // By report: the chest X-ray report, which has no value for the grid but is listed.
        browser.open("record/view.xhtml?person=" + personId + "&category=RESULTS");
        browser.waitFor(By.id("filter-report"));
        Select reports = new Select(browser.driver.findElement(By.id("filter-report")));
        reports.getOptions().stream()
                .filter(o -> o.getText().startsWith("Chest X-ray report, "))
                .findFirst()
                .orElseThrow()
                .click();
        browser.driver.findElement(By.id("filter-apply")).click();
        browser.waitFor(By.id("filtered-results"));
        assertTrue(text("filtered-results").contains("lungs clear"), browser::page);
        assertEquals(
                1,
                browser.driver
                        .findElements(By.cssSelector("#filtered-results tbody tr"))
                        .size());
        assertTrue(text("grid-empty").contains("No results with a value match the filter"));

        // Trend from the grid: the existing chart.
        browser.driver.findElement(By.id("filter-clear")).click();
        browser.waitFor(By.id("result-grid"));
        browser.driver
                .findElement(By.xpath("//tr[@data-test='LOINC:33914-3']//a[contains(@class, 'icr-trend-link')]"))
                .click();
        browser.waitFor(By.cssSelector("#trend canvas"));
        assertEquals(
                5,
                browser.driver
                        .findElements(By.cssSelector("#trend-values tbody tr"))
                        .size());
    }

    @Test
    void aReceptionistGetsNoResultsInTheGridTheFilterOrTheSummary() throws Exception {
        openRecord("reception.wu", "Reception-demo-1");
        String summary = browser.page();
        for (String hidden : List.of("Haemoglobin A1c", "eGFR", "Potassium", "Chest X-ray", "mmol/mol")) {
            assertFalse(summary.contains(hidden), hidden + " leaked into the summary");
        }
        browser.open("record/view.xhtml?person=" + personId + "&category=RESULTS&test=LOINC%3A4548-4&report=x");
        browser.waitFor(By.id("category-title"));
        String page = browser.page();
        assertTrue(page.contains("This category is not available to your role."), page);
        for (String hidden : List.of("result-grid", "filter-test", "Haemoglobin", "eGFR", "Potassium", "Chest X-ray")) {
            assertFalse(page.contains(hidden), hidden + " leaked");
        }
    }
}
