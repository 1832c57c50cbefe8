package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Phones and tablets in Chromium (issue 18, item 10), and the matrix at a ward workstation's 1280 px
 * (item 8): at 390x844 and 360x740 the banner is stacked (each label above its value, none overlapping)
 * and no page of the record, the search or the reason step scrolls sideways; a wide table scrolls
 * inside its card. Screenshots of each go to target/screenshots (small-*).
 */
class SmallScreenBrowserIT extends BrowserTest {

    /** Phones (an iPhone 12-15's 390x844, a small Android's 360x740) and a portrait tablet. */
    static final List<int[]> SIZES = List.of(new int[] {390, 844}, new int[] {360, 740}, new int[] {768, 1024});

    /** The pages that must fit, read after the reason is declared: {person} is the test person's id. */
    static final List<String> PAGES = List.of(
            "record/search.xhtml",
            "record/view.xhtml?person={person}",
            "record/view.xhtml?person={person}&category=DEMOGRAPHICS",
            "record/view.xhtml?person={person}&category=CONTACTS",
            "record/view.xhtml?person={person}&category=MEDICATIONS",
            "record/view.xhtml?person={person}&category=PROBLEMS",
            "record/view.xhtml?person={person}&category=ALLERGIES",
            "record/view.xhtml?person={person}&category=RESULTS",
            "record/view.xhtml?person={person}&category=DOCUMENTS",
            "record/view.xhtml?person={person}&category=PROCEDURES",
            "record/view.xhtml?person={person}&category=ENCOUNTERS",
            "record/view.xhtml?person={person}&category=APPOINTMENTS",
            "record/view.xhtml?person={person}&category=REFERRALS",
            "record/view.xhtml?person={person}&category=SAFEGUARDING",
            "record/view.xhtml?person={person}&category=SOCIAL_CARE",
            "record/print.xhtml?person={person}");

    private static String nhsNumber;
    private static long personId;

    @BeforeAll
    static void personWithAFullRecord() throws Exception {
        nhsNumber = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                nhsNumber,
                "Mr",
                "Bartholomew-Maximilian",
                "FOTHERINGHAM-WORTHINGTONSHIRE",
                LocalDate.of(1939, 1, 30),
                "male",
                "Flat 14b, Riverside Court, 221 Long Ashton Road West",
                "Bristol",
                "BS41 9ZZ",
                "01454 000999",
                "Y90001",
                false);
        personId = TestEnvironment.postPerson(person);
    }

    @Test
    void onAPhoneTheBannerIsStackedAndNoRecordPageScrollsSideways() throws IOException {
        signInAs("gp.hart", "Clinician-demo-1");
        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            browser.resize(size[0], size[1]);
            String at = size[0] + "x" + size[1];

            browser.open("record/reason.xhtml?person=" + personId);
            browser.waitFor(By.id("reason:open"));
            fits(at + "-reason", problems);
            browser.driver
                    .findElement(By.xpath("//label[text()='Ongoing care relationship']"))
                    .click();
            browser.driver.findElement(By.id("reason:open")).click();
            browser.waitFor(By.id("patient-banner"));
            if (size[0] < 640) {
                stacked(at, problems);
            }
            for (String page : PAGES) {
                browser.open(page.replace("{person}", String.valueOf(personId)));
                browser.waitFor(By.tagName("main"));
                fits(at + "-" + AccessibilityBrowserIT.shortName(page), problems);
            }
            // The search with a found person's banner, at this size too.
            browser.open("record/search.xhtml");
            browser.waitFor(By.id("search:nhsNumber")).sendKeys(nhsNumber);
            browser.driver.findElement(By.id("search:find")).click();
            browser.waitFor(By.id("patient-name"));
            fits(at + "-search-found", problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theBannerKeepsItsRowsOnAWorkstation() throws IOException {
        signInAs("gp.hart", "Clinician-demo-1");
        openRecordForCare(personId);
        List<WebElement> labels = browser.driver.findElements(By.cssSelector("#patient-banner dt"));
        List<WebElement> values = browser.driver.findElements(By.cssSelector("#patient-banner dd"));
        // At 1280 px a label and its value share a row (the banner is not stacked there).
        assertEquals(
                labels.get(0).getLocation().getY(), values.get(0).getLocation().getY(), "NHS Number row");
        assertEquals("h1", browser.driver.findElement(By.id("patient-name")).getTagName());
        browser.screenshot("small-1280-banner");
    }

    @Test
    void theMatrixFitsItsCardWithTheRoleColumnInViewAndALabelOnEveryCheckbox() throws IOException {
        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/matrix.xhtml");
        WebElement grid = browser.waitFor(By.id("matrix:grid"));
        long[] widths = browser.widths();
        assertTrue(widths[1] <= widths[0], "the page is " + widths[1] + " px wide in a " + widths[0] + " px window");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) js.executeScript(
                "var g = arguments[0]; var card = g.closest('.icr-card').getBoundingClientRect();"
                        + " var before = g.querySelector('tbody th').getBoundingClientRect().left;"
                        + " g.scrollLeft = g.scrollWidth;"
                        + " var after = g.querySelector('tbody th').getBoundingClientRect().left;"
                        + " return {scrolls: g.scrollWidth > g.clientWidth, inside: g.getBoundingClientRect().right <= card.right,"
                        + " before: before, after: after, scrolled: g.scrollLeft};",
                grid);
        browser.screenshot("small-1280-matrix-scrolled");
        assertEquals(Boolean.TRUE, box.get("inside"), box::toString);
        if (Boolean.TRUE.equals(box.get("scrolls"))) {
            assertTrue(((Number) box.get("scrolled")).doubleValue() > 0, box::toString);
            assertEquals(
                    ((Number) box.get("before")).doubleValue(),
                    ((Number) box.get("after")).doubleValue(),
                    1.0,
                    "the role column stays in view: " + box);
        }
        // Every checkbox is named by its own label: role, code and category.
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>)
                js.executeScript("return Array.from(document.querySelectorAll('#matrix\\\\:grid input[type=checkbox]'))"
                        + ".filter(c => c.labels.length !== 1 || !/ may see /.test(c.labels[0].textContent))"
                        + ".map(c => c.getAttribute('data-cell'));");
        assertTrue(unlabelled.isEmpty(), "checkboxes without a label: " + unlabelled);
        String label = (String) js.executeScript(
                "return document.querySelector(\"input[data-cell='R8009-MEDICATIONS']\").labels[0].textContent;");
        assertTrue(label.endsWith("(R8009) may see Medications"), label);
        long checkboxes = browser.driver
                .findElements(By.cssSelector("#matrix\\:grid input[type=checkbox]"))
                .size();
        assertTrue(checkboxes >= 13, "one checkbox per category and role: " + checkboxes);
        browser.checkAccessibility("matrix-1280");
    }

    /** The page is no wider than the window (nothing scrolls sideways); a screenshot either way. */
    private void fits(String name, List<String> problems) throws IOException {
        browser.wait(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        browser.screenshot("small-" + name);
        long[] widths = browser.widths();
        if (widths[1] > widths[0]) {
            @SuppressWarnings("unchecked")
            List<String> wide = (List<String>) ((JavascriptExecutor) browser.driver)
                    .executeScript("var w = window.innerWidth; return Array.from(document.querySelectorAll('body *'))"
                            + ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.icr-table-scroll,"
                            + " .ui-datatable-tablewrapper, .icr-matrix-scroll, .icr-items'))"
                            + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className);");
            problems.add(
                    name + ": the page is " + widths[1] + " px wide in a " + widths[0] + " px window; widest: " + wide);
        }
    }

    /** Each banner label is above its value, and no two of them overlap. */
    private void stacked(String at, List<String> problems) {
        @SuppressWarnings("unchecked")
        List<String> overlaps = (List<String>) ((JavascriptExecutor) browser.driver)
                .executeScript(
                        "var cells = Array.from(document.querySelectorAll('#patient-banner dt, #patient-banner dd'));"
                                + " var found = [];"
                                + " for (var i = 0; i < cells.length; i++) { var a = cells[i].getBoundingClientRect();"
                                + "  if (a.right > window.innerWidth + 1) found.push(cells[i].textContent + ' leaves the window');"
                                + "  for (var j = i + 1; j < cells.length; j++) { var b = cells[j].getBoundingClientRect();"
                                + "   if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)"
                                + "    found.push(cells[i].textContent + ' overlaps ' + cells[j].textContent); } }"
                                + " var dts = document.querySelectorAll('#patient-banner dt');"
                                + " dts.forEach(dt => { var dd = dt.nextElementSibling;"
                                + "  if (dd && dd.getBoundingClientRect().top < dt.getBoundingClientRect().bottom - 1)"
                                + "   found.push(dt.textContent + ' is beside its value, not above it'); });"
                                + " return found;");
        for (String overlap : overlaps) {
            problems.add(at + " banner: " + overlap);
        }
    }
}
