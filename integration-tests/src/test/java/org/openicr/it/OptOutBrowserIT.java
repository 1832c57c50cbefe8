package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;

/**
 * Black-box in Chromium: customer services record an opt-out (the person disappears from a
 * receptionist's search at once) and an opt-in (the person is back); the history and the audit keep
 * both, with channel and who recorded them.
 */
class OptOutBrowserIT extends BrowserTest {

    private void record(String nhsNumber, String button) {
        signInAs("admin.khan", "Admin-demo-1");
        browser.open("admin/optouts.xhtml");
        browser.waitFor(By.id("optouts:nhsNumber")).sendKeys(nhsNumber);
        browser.driver.findElement(By.id("optouts:find")).click();
        browser.waitForText(By.id("person-heading"), "Is this the person?");
        assertTrue(browser.driver.findElements(By.id("current-state")).isEmpty(), "nothing to record before the check");
        browser.driver.findElement(By.id("optouts:confirm")).click();
        browser.waitFor(By.id("current-state"));
        browser.select("optouts:channel", "LETTER");
        browser.driver.findElement(By.id("optouts:" + button)).click();
        browser.waitForText(By.id("optouts:messages"), "recorded");
    }

    private String searchAsReceptionist(String nhsNumber) {
        signInAs("reception.wu", "Reception-demo-1");
        browser.open("record/search.xhtml");
        browser.waitFor(By.id("search:nhsNumber")).sendKeys(nhsNumber);
        browser.driver.findElement(By.id("search:find")).click();
        browser.waitFor(By.cssSelector("#no-result, #not-available, #patient-name"));
        return browser.page();
    }

    @Test
    void theMatrixIsEditedAsAGridAndEveryChangeAudited() throws Exception {
        String cell = "//input[@data-cell='R8010-MEDICATIONS']";
        java.sql.Timestamp started = new java.sql.Timestamp(System.currentTimeMillis() - 1000);
        signInAs("admin.khan", "Admin-demo-1");
        browser.open("admin/matrix.xhtml");
        browser.waitFor(By.id("matrix:grid"));
        browser.screenshot("admin-matrix");
        assertFalse(browser.driver.findElement(By.xpath(cell)).isSelected());
        browser.driver.findElement(By.xpath(cell)).click();
        browser.driver.findElement(By.id("matrix:save")).click();
        browser.waitForText(By.id("matrix:messages"), "1 role(s) changed");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from role_category where rbac_role_code = 'R8010' and category = 'MEDICATIONS'"));
        browser.driver.findElement(By.xpath(cell)).click();
        browser.driver.findElement(By.id("matrix:save")).click();
        // The message reads the same as after the first save: wait for the change itself.
        for (int i = 0;
                i < 50
                        && TestEnvironment.count("select count(*) from role_category where rbac_role_code = 'R8010'"
                                        + " and category = 'MEDICATIONS'")
                                > 0;
                i++) {
            Thread.sleep(200);
        }
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from role_category where rbac_role_code = 'R8010' and category = 'MEDICATIONS'"));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'MATRIX_CHANGED'"
                                + " and username = 'admin.khan' and detail like 'role R8010: before [DEMOGRAPHICS, CONTACTS, APPOINTMENTS, ADJUSTMENTS]"
                                + " after [DEMOGRAPHICS, CONTACTS, MEDICATIONS, APPOINTMENTS, ADJUSTMENTS]'"
                                + " and occurred_at > ?",
                        started));
    }

    @Test
    void anOptOutHidesThePersonAndAnOptInRestoresThem() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                nhsNumber,
                "Mr",
                "Otto",
                "OPTCHANGE",
                LocalDate.of(1977, 7, 7),
                "male",
                "3 Lane",
                "Bath",
                "BA1 3AA",
                null,
                "Y90001",
                false);
        Soap.Response r = Soap.post(
                TestEnvironment.ingestionUrl(),
                DemoRegion.demographicsEnvelope("opt-" + nhsNumber, person),
                "sys.riverside-gp",
                "Source-demo-gp-1");
        assertEquals(200, r.status(), r::toString);

        record(nhsNumber, "optOut");
        browser.waitForText(By.id("current-state"), "opted out");
        browser.screenshot("admin-opt-out");
        String hidden = searchAsReceptionist(nhsNumber);
        assertFalse(hidden.contains("OPTCHANGE"), hidden);

        browser.driver.manage().deleteAllCookies();
        record(nhsNumber, "optIn");
        browser.waitForText(By.id("optouts:history"), "Opted in");
        String visible = searchAsReceptionist(nhsNumber);
        assertEquals(true, visible.contains("OPTCHANGE"), visible);

        assertEquals(
                2,
                TestEnvironment.count(
                        "select count(*) from opt_out_event e join person p on p.id = e.person_id"
                                + " where p.nhs_number = ? and e.channel = 'LETTER' and e.recorded_by = 'admin.khan'",
                        nhsNumber));
        assertEquals(
                2,
                TestEnvironment.count(
                        "select count(*) from audit_event a join person p on p.id = a.person_id"
                                + " where p.nhs_number = ? and a.action = 'OPT_OUT_CHANGED' and a.detail like 'before {optedOut=%'",
                        nhsNumber));
    }

    /** A clinician's search by each route; answers the page once the result is there. */
    private String searchByEveryRoute(String route, String nhsNumber, String family, String postcode) {
        try {
            return searchBy(route, nhsNumber, family, postcode);
        } catch (org.openqa.selenium.TimeoutException slow) {
            throw new AssertionError(route + ": no result shown; page: " + browser.page(), slow);
        }
    }

    private String searchBy(String route, String nhsNumber, String family, String postcode) {
        browser.open("record/search.xhtml");
        switch (route) {
            case "nhs" -> {
                browser.waitFor(By.id("search:nhsNumber")).sendKeys(nhsNumber);
                browser.driver.findElement(By.id("search:find")).click();
                browser.waitFor(By.cssSelector("#no-result, #not-available, #patient-name"));
                return browser.driver.findElement(By.id("search")).getAttribute("innerHTML");
            }
            case "name" -> {
                browser.waitFor(By.id("byName:familyName")).sendKeys(family);
                browser.driver.findElement(By.id("byName:dateOfBirth_input")).sendKeys("08/08/1958");
                browser.driver.findElement(By.id("byName:find")).click();
                browser.waitFor(By.id("list"));
            }
            default -> {
                browser.waitFor(By.id("byPostcode:namePrefix")).sendKeys(family.substring(0, 4));
                browser.driver.findElement(By.id("byPostcode:postcode")).sendKeys(postcode);
                browser.driver.findElement(By.id("byPostcode:find")).click();
                browser.waitFor(By.id("list"));
            }
        }
        // The results only: the search fields still hold what was typed (the family name).
        return browser.driver.findElement(By.id("results")).getAttribute("innerHTML");
    }

    @Test
    void anOptOutRecordedByTheAdministratorHidesThePersonOnEverySearchRoute() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        String family = "OPTROUTE" + (System.nanoTime() % 100000);
        String postcode = "BA2 8RR";
        long id = TestEnvironment.postPerson(new DemoPerson(
                nhsNumber,
                "Ms",
                "Ottilie",
                family,
                LocalDate.of(1958, 8, 8),
                "female",
                "8 Route Road",
                "Bath",
                postcode,
                null,
                "Y90001",
                false));
        String[] routes = {"nhs", "name", "postcode"};

        // Before the opt-out every route shows the person (so the test can fail).
        signInAs("gp.hart", "Clinician-demo-1");
        for (String route : routes) {
            String page = searchByEveryRoute(route, nhsNumber, family, postcode);
            assertTrue(page.contains(family), route + ": " + page);
        }

        browser.driver.manage().deleteAllCookies();
        record(nhsNumber, "optOut");
        browser.waitForText(By.id("current-state"), "opted out");

        // A clinician (gp.hart is also his practice's safeguarding lead) and a nurse, by every route:
        // nothing of the person but "not available for viewing", and no way into the record but the
        // safeguarding reason step for safeguarding staff.
        for (String[] reader : new String[][] {{"gp.hart", "Clinician-demo-1"}, {"nurse.okafor", "Nurse-demo-1"}}) {
            signInAs(reader[0], reader[1]);
            for (String route : routes) {
                String page = searchByEveryRoute(route, nhsNumber, family, postcode);
                assertFalse(page.contains(family), reader[0] + " " + route + ": " + page);
                assertFalse(page.contains("Ottilie"), reader[0] + " " + route + ": " + page);
                assertFalse(page.contains("8 Route Road"), reader[0] + " " + route + ": " + page);
                assertFalse(page.contains("Open the care record"), reader[0] + " " + route + ": " + page);
                assertFalse(page.contains("view.xhtml?person=" + id), reader[0] + " " + route + ": " + page);
                assertTrue(page.contains("not available for viewing"), reader[0] + " " + route + ": " + page);
                assertEquals(
                        reader[0].equals("gp.hart"),
                        page.contains("reason.xhtml?person=" + id),
                        reader[0] + " " + route + ": " + page);
            }
        }

        // Safeguarding staff with a safeguarding reason see the person again, by every route.
        signInAs("gp.hart", "Clinician-demo-1");
        searchByEveryRoute("nhs", nhsNumber, family, postcode);
        browser.driver.findElement(By.id("search:safeguarding-reason")).click();
        browser.waitFor(By.id("reason:choice"));
        browser.driver
                .findElement(By.xpath("//label[text()='Safeguarding concern']"))
                .click();
        browser.driver
                .findElement(By.id("reason:justification"))
                .sendKeys("Section 47 enquiry: concern raised by the school nurse today.");
        browser.driver.findElement(By.id("reason:open")).click();
        browser.waitForText(By.id("patient-name"), family);
        for (String route : routes) {
            String page = searchByEveryRoute(route, nhsNumber, family, postcode);
            assertTrue(page.contains(family), "safeguarding " + route + ": " + page);
        }
    }
}
