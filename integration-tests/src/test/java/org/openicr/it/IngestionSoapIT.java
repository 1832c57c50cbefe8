package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openicr.tools.demo.DemoRegion;
import org.openicr.tools.demo.DemoRegion.DemoPerson;

/**
 * Black-box: the ingestion service over real SOAP/HTTP against the deployed EAR, as an interface
 * team would call it. Each assertion message carries the last response seen.
 */
@ExtendWith(ArquillianExtension.class)
class IngestionSoapIT {

    private static final String GP_SYSTEM = "sys.riverside-gp";
    private static final String GP_SYSTEM_PASSWORD = "Source-demo-gp-1";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void directory() throws Exception {
        TestEnvironment.seedDirectory();
    }

    private static DemoPerson person(String nhsNumber, String family) {
        return new DemoPerson(
                nhsNumber,
                "Ms",
                "Test",
                family,
                LocalDate.of(1980, 2, 29),
                "female",
                "1 Test Street",
                "Bristol",
                "BS1 1AA",
                "0117 000 0000",
                "Y90001",
                false);
    }

    private static Soap.Response submit(DemoPerson person, String user, String password) throws Exception {
        String envelope = DemoRegion.demographicsEnvelope("it-" + System.nanoTime(), person);
        return Soap.post(TestEnvironment.ingestionUrl(), envelope, user, password);
    }

    @Test
    void anonymousCallGetsABasicChallenge() throws Exception {
        Soap.Response response = submit(person(TestEnvironment.freshNhsNumber(), "ANON"), null, null);
        assertEquals(401, response.status(), response::toString);
        assertNotNull(response.challenge(), "no WWW-Authenticate header");
        assertTrue(response.challenge().startsWith("Basic"), response.challenge());
    }

    @Test
    void wrongPasswordIsUnauthorised() throws Exception {
        Soap.Response response = submit(person(TestEnvironment.freshNhsNumber(), "WRONGPW"), GP_SYSTEM, "not-it");
        assertEquals(401, response.status(), response::toString);
    }

    @Test
    void aClinicianMayNotPostData() throws Exception {
        // Issue 16, item 7: people do not authenticate on /ws/* at all (401, never counted toward them).
        Soap.Response response =
                submit(person(TestEnvironment.freshNhsNumber(), "CLIN"), "gp.hart", "Clinician-demo-1");
        assertEquals(401, response.status(), response::toString);
        assertTrue(response.challenge() != null && response.challenge().startsWith("Basic"), response::toString);
        assertTrue(response.body().contains("Sign in needed"), response::toString);
    }

    @Test
    void theWsdlIsServedToSourceSystems() throws Exception {
        Soap.Response response =
                Soap.get(TestEnvironment.baseUrl().resolve("ws/ingestion?wsdl"), GP_SYSTEM, GP_SYSTEM_PASSWORD);
        assertEquals(200, response.status(), response::toString);
        assertTrue(response.body().contains("SubmitDemographics"), response::toString);
    }

    @Test
    void anInvalidNhsNumberGetsAFaultWithAStableCode() throws Exception {
        Soap.Response response = submit(person("9434765918", "BADNHS"), GP_SYSTEM, GP_SYSTEM_PASSWORD);
        assertEquals(500, response.status(), response::toString);
        assertEquals("INVALID_NHS_NUMBER", response.faultCode(), response::toString);
        assertTrue(response.body().contains("not a valid NHS Number (check the digits)"), response::toString);
        assertEquals(0, TestEnvironment.count("select count(*) from person where nhs_number = '9434765918'"));
    }

    @Test
    void aMissingRequiredFieldGetsInvalidInput() throws Exception {
        String envelope = DemoRegion.demographicsEnvelope("it-missing", person(TestEnvironment.freshNhsNumber(), "X"))
                .replaceAll("<icr:familyName>[^<]*</icr:familyName>", "<icr:familyName> </icr:familyName>");
        Soap.Response response = Soap.post(TestEnvironment.ingestionUrl(), envelope, GP_SYSTEM, GP_SYSTEM_PASSWORD);
        assertEquals(500, response.status(), response::toString);
        assertEquals("INVALID_INPUT", response.faultCode(), response::toString);
    }

    @Test
    void aViewOnlyOrganisationsSourceMayNotSubmit() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        String messageId = "it-hospice-" + System.nanoTime();
        Soap.Response response = Soap.post(
                TestEnvironment.ingestionUrl(),
                DemoRegion.demographicsEnvelope(messageId, person(nhsNumber, "HOSPICE")),
                "sys.hospice-epr",
                "Source-demo-hospice-1");
        assertEquals(500, response.status(), response::toString);
        assertEquals("SOURCE_NOT_PERMITTED", response.faultCode(), response::toString);
        assertEquals(0, TestEnvironment.count("select count(*) from person where nhs_number = ?", nhsNumber));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'MESSAGE_INGESTED'"
                                + " and outcome = 'DENIED' and username = 'sys.hospice-epr' and detail like ?",
                        "SubmitDemographics " + messageId + " (inbox %): SOURCE_NOT_PERMITTED"),
                "the refusal is audited even though the submission rolled back");
    }

    @Test
    void aPersonIsCreatedThenUpdatedAndAudited() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        Soap.Response created = submit(person(nhsNumber, "FIRSTNAME"), GP_SYSTEM, GP_SYSTEM_PASSWORD);
        assertEquals(200, created.status(), created::toString);
        assertEquals("CREATED", created.element("outcome"), created::toString);
        long personId = Long.parseLong(created.element("personReference"));

        Soap.Response updated = submit(person(nhsNumber, "SECONDNAME"), GP_SYSTEM, GP_SYSTEM_PASSWORD);
        assertEquals(200, updated.status(), updated::toString);
        assertEquals("UPDATED", updated.element("outcome"), updated::toString);
        assertEquals(String.valueOf(personId), updated.element("personReference"), updated::toString);

        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from person where id = ? and nhs_number = ? and family_name = 'SECONDNAME'",
                        personId,
                        nhsNumber));
        assertEquals(
                2,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'MESSAGE_INGESTED'"
                                + " and outcome = 'SUCCESS' and person_id = ? and username = ?",
                        personId,
                        GP_SYSTEM));
    }

    @Test
    void spacesInTheNhsNumberAreAccepted() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        String spaced = nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
        Soap.Response response = submit(person(spaced, "SPACED"), GP_SYSTEM, GP_SYSTEM_PASSWORD);
        assertEquals(200, response.status(), response::toString);
        assertEquals(1, TestEnvironment.count("select count(*) from person where nhs_number = ?", nhsNumber));
    }
}
