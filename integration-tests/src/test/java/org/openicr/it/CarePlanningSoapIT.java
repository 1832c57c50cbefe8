package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.it.CarePlanning.batch;
import static org.openicr.it.CarePlanning.item;
import static org.openicr.it.CarePlanning.submit;

import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openicr.tools.demo.DemoRegion.DemoPerson;

/**
 * Black-box over SOAP/HTTP: care planning (ReSPECT, DNACPR, frailty), reasonable adjustments and
 * carers are carried by the contract, stored with their typed details, and refused with a fault
 * naming the item and the detail when the record could not read them (kept in the inbox as refused).
 */
@ExtendWith(ArquillianExtension.class)
class CarePlanningSoapIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    private static String nhsNumber;

    @BeforeAll
    static void person() throws Exception {
        TestEnvironment.seedDirectory();
        nhsNumber = TestEnvironment.freshNhsNumber();
        TestEnvironment.postPerson(new DemoPerson(
                nhsNumber,
                "Mrs",
                "Edith",
                "PLANHOLDER",
                LocalDate.of(1936, 6, 6),
                "female",
                "3 Orchard Close",
                "Keynsham",
                "BS31 1ZZ",
                null,
                "Y90001",
                false));
    }

    @Test
    void carePlansAdjustmentsAndCarersAreAcceptedWithTheirDetails() throws Exception {
        CarePlanning.postStory(nhsNumber);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item i join person p on p.id = i.person_id"
                                + " where p.nhs_number = ? and i.category = 'CARE_PLANS'"
                                + " and i.details->>'cprDecision' = 'not-for-cpr'"
                                + " and i.details->>'formLocation' like 'With the patient at home%'",
                        nhsNumber));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item i join person p on p.id = i.person_id"
                                + " where p.nhs_number = ? and i.category = 'ADJUSTMENTS'"
                                + " and i.details->>'adjustmentCategory' = 'communication'",
                        nhsNumber));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item i join person p on p.id = i.person_id"
                                + " where p.nhs_number = ? and i.category = 'CONTACTS' and i.details->>'caring' = 'carer'",
                        nhsNumber));
    }

    private static void assertRefused(String messageId, String itemXml, String reason) throws Exception {
        Soap.Response r = submit(batch(
                messageId,
                nhsNumber,
                item(
                        "ADJUSTMENTS",
                        "ok-" + messageId,
                        "2026-01-01",
                        null,
                        "Large print letters",
                        "adjustmentCategory",
                        "sensory"),
                itemXml));
        assertEquals(500, r.status(), r::toString);
        assertEquals("INVALID_INPUT", r.faultCode(), r::toString);
        assertTrue(r.body().contains(reason), r::toString);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from inbound_message where message_id = ? and status = 'REJECTED'"
                                + " and error_code = 'INVALID_INPUT' and octet_length(raw) > 0",
                        messageId));
        // All or nothing: the valid first item of the refused batch was not stored either.
        assertEquals(
                0, TestEnvironment.count("select count(*) from record_item where source_key = ?", "ok-" + messageId));
    }

    @Test
    void aDnacprWithoutItsDecisionIsRefusedNamingTheField() throws Exception {
        String messageId = "cp-bad-" + System.nanoTime();
        assertRefused(
                messageId,
                item("CARE_PLANS", "dnacpr-" + messageId, "2026-01-01", null, "DNACPR", "planType", "dnacpr"),
                "item 2: detail cprDecision is required: send one of not-for-cpr, for-cpr.");
    }

    @Test
    void anUnknownAdjustmentCategoryIsRefusedNamingTheField() throws Exception {
        String messageId = "ra-bad-" + System.nanoTime();
        assertRefused(
                messageId,
                item("ADJUSTMENTS", "ra-" + messageId, "2026-01-01", null, "Ramp", "adjustmentCategory", "wheelchair"),
                "item 2: detail adjustmentCategory is not one of its values");
    }

    @Test
    void aFrailtyScoreOutsideTheScaleIsRefused() throws Exception {
        String messageId = "cfs-bad-" + System.nanoTime();
        assertRefused(
                messageId,
                item(
                        "CARE_PLANS",
                        "cfs-" + messageId,
                        "2026-01-01",
                        null,
                        "CFS",
                        "planType",
                        "frailty",
                        "frailtyScore",
                        "12"),
                "item 2: detail frailtyScore must be a Clinical Frailty Scale score from 1 to 9.");
    }
}
