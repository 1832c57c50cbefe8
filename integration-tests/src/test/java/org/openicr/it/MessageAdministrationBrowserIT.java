package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Black-box in Chromium: the administrator's list of received messages shows a rejected message
 * with its error, and a message held as unmatched is replayed once the person is known (audited).
 */
class MessageAdministrationBrowserIT extends BrowserTest {

    private static final String GP = "sys.riverside-gp";
    private static final String GP_PASSWORD = "Source-demo-gp-1";

    private static Soap.Response items(String messageId, String patient) throws Exception {
        return Soap.post(
                TestEnvironment.ingestionUrl(),
                "SubmitItems",
                ItemIngestionSoapIT.batch(
                        messageId, patient, ItemIngestionSoapIT.medication("held-" + messageId, 1, "held item")),
                GP,
                GP_PASSWORD);
    }

    private void showStatus(String status) {
        signInAs("admin.khan", "Admin-demo-1");
        browser.open("admin/messages.xhtml");
        WebElement unfiltered = browser.waitFor(By.id("messages:list"));
        // PrimeFaces renders a hidden native select behind its menu; choose through it.
        browser.select("messages:status", status);
        browser.driver.findElement(By.id("messages:apply")).click();
        // The unfiltered list may already show the message: wait until the filtered one replaces it,
        // or a row found now goes stale before it is clicked.
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(unfiltered));
    }

    @Test
    void aRejectedMessageIsListedWithItsError() throws Exception {
        String messageId = "adm-rej-" + System.nanoTime();
        Soap.Response r = items(messageId, "<icr:nhsNumber>9434765918</icr:nhsNumber>");
        assertEquals("INVALID_NHS_NUMBER", r.faultCode(), r::toString);
        showStatus("REJECTED");
        browser.waitForText(By.id("messages:list"), messageId);
        assertTrue(browser.page().contains("INVALID_NHS_NUMBER"), browser::page);
        browser.screenshot("admin-received-messages");
    }

    @Test
    void aHeldMessageIsReplayedOnceThePersonIsKnown() throws Exception {
        String local = "HOSP" + System.nanoTime();
        String messageId = "adm-held-" + System.nanoTime();
        Soap.Response held = items(messageId, "<icr:localIdentifier>" + local + "</icr:localIdentifier>");
        assertEquals("HELD_UNMATCHED", held.element("outcome"), held::toString);

        String nhsNumber = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                nhsNumber,
                null,
                "Held",
                "REPLAY",
                LocalDate.of(1990, 5, 5),
                "female",
                "2 Road",
                "Bath",
                "BA1 1AA",
                null,
                "Y90001",
                false);
        String demographics = DemoRegion.demographicsEnvelope("adm-person-" + nhsNumber, person)
                .replace(
                        "<icr:restricted>", "<icr:localIdentifier>" + local + "</icr:localIdentifier><icr:restricted>");
        Soap.Response linked = Soap.post(TestEnvironment.ingestionUrl(), demographics, GP, GP_PASSWORD);
        assertEquals(200, linked.status(), linked::toString);

        showStatus("UNMATCHED");
        browser.waitForText(By.id("messages:list"), messageId);
        browser.driver
                .findElement(By.xpath("//tr[td[normalize-space()='" + messageId + "']]//button[span[text()='Replay']]"))
                .click();
        browser.waitForText(By.id("messages:feedback"), "now accepted"); // issue 18: the status in words

        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from inbound_message where message_id = ? and status = 'ACCEPTED' and replays = 1",
                        messageId));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item i join person p on p.id = i.person_id"
                                + " where i.source_key = ? and p.nhs_number = ?",
                        "held-" + messageId,
                        nhsNumber));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'MESSAGE_REPLAYED' and outcome = 'SUCCESS'"
                                + " and username = 'admin.khan' and detail like ?",
                        "%" + messageId + "%UNMATCHED -> ACCEPTED"));
    }
}
