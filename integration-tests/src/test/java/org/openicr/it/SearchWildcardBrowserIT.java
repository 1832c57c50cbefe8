package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;

/**
 * Black-box in Chromium (issue 16, item 13): {@code %} and {@code _} typed into a search are letters,
 * not LIKE wildcards. The postcode search's "first two letters of the family name" rule cannot be
 * bypassed with "%%" or "_x", and the administrators' user search for "_" lists only names that
 * contain an underscore.
 */
class SearchWildcardBrowserIT extends BrowserTest {

    private void searchByPostcode(String prefix, String postcode) {
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("byPostcode:namePrefix")).sendKeys(prefix);
        browser.driver.findElement(By.id("byPostcode:postcode")).sendKeys(postcode);
        browser.driver.findElement(By.id("byPostcode:find")).click();
        browser.waitFor(By.id("list"));
    }

    @Test
    void wildcardsDoNotBypassTheTwoLettersOfThePostcodeSearch() throws Exception {
        String family = "WILDCARD" + (System.nanoTime() % 100000);
        String postcode = "BA2 " + (1 + System.nanoTime() % 9) + "WQ";
        DemoPerson person = new DemoPerson(
                TestEnvironment.freshNhsNumber(),
                "Mr",
                "Percy",
                family,
                LocalDate.of(1966, 6, 6),
                "male",
                "9 Percent Lane",
                "Bath",
                postcode,
                null,
                "Y90001",
                false);
        TestEnvironment.postPerson(person);
        signInAs("gp.hart", "Clinician-demo-1");

        // The rule itself: the first letters of the name find the person (so the test can fail).
        searchByPostcode(family.substring(0, 2), postcode);
        browser.waitForText(By.id("list"), family);

        for (String bypass : new String[] {"%%", "__", "%" + family.charAt(1), "_" + family.charAt(1), "\\%"}) {
            searchByPostcode(bypass, postcode);
            browser.waitForText(By.id("list"), "Nobody matches");
            assertFalse(browser.page().contains(family), bypass + ": " + browser.page());
        }
    }

    @Test
    void anUnderscoreInTheUserSearchMatchesOnlyAnUnderscore() throws Exception {
        signInAs(ADMIN, ADMIN_PASSWORD);
        browser.open("admin/users.xhtml");
        browser.waitFor(By.id("users:search")).sendKeys("_");
        browser.driver.findElement(By.id("users:find")).click();
        browser.waitForText(By.id("users:list"), "No user matches");
        String list = browser.driver.findElement(By.id("users:list")).getText();
        assertFalse(list.contains("gp.hart"), list);
        assertFalse(list.contains("admin.khan"), list);
        browser.driver.findElement(By.id("users:search")).clear();
        browser.driver.findElement(By.id("users:search")).sendKeys("gp.");
        browser.driver.findElement(By.id("users:find")).click();
        browser.waitForText(By.id("users:list"), "gp.hart");
        assertTrue(browser.page().contains("gp.hart"));
    }
}
