package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openicr.tools.demo.DemoRegion.DemoPerson;

/**
 * Issue 20, first slice: the record as FHIR R4 over HTTP, against the real server, the real
 * PostgreSQL and real access tokens from the demo identity provider (Keycloak, the password grant of
 * the demo realm's {@code openicr-fhir-demo} client). Every answer is parsed with HAPI FHIR; the role
 * matrix is the pages': a clinician reads allergies, a receptionist's search of them is empty with
 * total 0, an opted-out person is refused and audited, a sealed item of another organisation is
 * withheld, no token is 401, a role profile not in the token is 403 and audited.
 *
 * <p>Run with {@code -Dicr.keycloak=true} (the build starts Keycloak).
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "icr.keycloak", matches = "true")
class FhirApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** gp.hart's and reception.wu's national role profile ids (the demo realm's person_roleid). */
    private static final String GP_HART_PROFILE = "555000001101";

    private static String receptionProfile;
    private static long personId;
    private static long optedOutId;
    private static String nhsNumber;

    @BeforeAll
    static void people() throws Exception {
        TestEnvironment.seedDirectory();
        nhsNumber = TestEnvironment.freshNhsNumber();
        personId = TestEnvironment.postPerson(person(nhsNumber, "FHIRTEST"));
        post(
                "sys.riverside-gp",
                "Source-demo-gp-1",
                "fa-" + nhsNumber,
                nhsNumber,
                "<icr:item><icr:category>ALLERGIES</icr:category><icr:sourceKey>fa-" + nhsNumber + "</icr:sourceKey>"
                        + "<icr:version>1</icr:version><icr:effectiveAt>2026-01-05T09:00:00Z</icr:effectiveAt>"
                        + "<icr:status>active</icr:status><icr:code><icr:system>SNOMED_CT</icr:system>"
                        + "<icr:code>91936005</icr:code><icr:display>Allergy to penicillin</icr:display></icr:code>"
                        + "<icr:text>Rash</icr:text></icr:item>");
        post(
                "sys.avonvale-pas",
                "Source-demo-pas-1",
                "fs-" + nhsNumber,
                nhsNumber,
                "<icr:item><icr:category>PROBLEMS</icr:category><icr:sourceKey>fs-" + nhsNumber + "</icr:sourceKey>"
                        + "<icr:version>1</icr:version><icr:effectiveAt>2026-01-06T09:00:00Z</icr:effectiveAt>"
                        + "<icr:status>active</icr:status><icr:text>Withheld marker FHIRSEALED</icr:text>"
                        + "<icr:sensitivity>SEALED</icr:sensitivity></icr:item>");
        String other = TestEnvironment.freshNhsNumber();
        optedOutId = TestEnvironment.postPerson(person(other, "FHIROPTOUT"));
        TestEnvironment.execute("update person set opted_out = true where id = ?", optedOutId);
        receptionProfile = claimProfile("reception.wu", "Reception-demo-1");
    }

    private static DemoPerson person(String nhs, String family) {
        return new DemoPerson(
                nhs,
                "Ms",
                "Fay",
                family,
                LocalDate.of(1961, 3, 4),
                "female",
                "1 Road",
                "Bath",
                "BA1 1AA",
                null,
                "Y90001",
                false);
    }

    private static void post(String user, String password, String key, String nhs, String item) throws Exception {
        Soap.Response r = Soap.post(
                TestEnvironment.ingestionUrl(),
                "SubmitItems",
                ItemIngestionSoapIT.batch(key, "<icr:nhsNumber>" + nhs + "</icr:nhsNumber>", item),
                user,
                password);
        assertEquals(200, r.status(), r::toString);
    }

    private static String keycloak() {
        return "http://127.0.0.1:" + Integer.getInteger("icr.keycloak.port", 29280) + "/realms/cis2-demo";
    }

    /** A real access token for a demo user, by the demo client's password grant, with the SMART scope. */
    private static String token(String user, String password) {
        return TOKENS.computeIfAbsent(user, u -> {
            try {
                String form = "grant_type=password&client_id=openicr-fhir-demo&username=" + u + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&scope="
                        + URLEncoder.encode("openid nationalrbacaccess user/*.read", StandardCharsets.UTF_8);
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(keycloak() + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r::body);
                return jakarta.json.Json.createReader(new java.io.StringReader(r.body()))
                        .readObject()
                        .getString("access_token");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    /** The first person_roleid of the user's token (read from the token's claims as the API does). */
    private static String claimProfile(String user, String password) {
        String payload = token(user, password).split("\\.")[1];
        String json = new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return jakarta.json.Json.createReader(new java.io.StringReader(json))
                .readObject()
                .getJsonArray("nhsid_nrbac_roles")
                .getJsonObject(0)
                .getString("person_roleid");
    }

    private static HttpResponse<String> get(String path, String token, String profile, String reason) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        TestEnvironment.baseUrl().resolve("fhir/" + path))
                .header("Accept", "application/fhir+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (profile != null) {
            request.header("NHSD-Session-URID", profile);
        }
        if (reason != null) {
            request.header("OpenICR-Legitimate-Reason", reason);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(
            HttpResponse<String> r, Class<T> type) {
        IParser parser = FHIR.newJsonParser();
        return parser.parseResource(type, r.body());
    }

    private static String gp() {
        return token("gp.hart", "Clinician-demo-1");
    }

    @Test
    void theCapabilityStatementIsPublicAndListsWhatIsServed() throws Exception {
        HttpResponse<String> r = get("metadata", null, null, null);
        assertEquals(200, r.statusCode(), r::body);
        CapabilityStatement cs = parse(r, CapabilityStatement.class);
        java.util.Set<String> types = new java.util.TreeSet<>();
        cs.getRestFirstRep().getResource().forEach(res -> types.add(res.getType()));
        types.remove("OperationDefinition"); // HAPI's own, for its operations' definitions
        assertEquals(
                java.util.Set.of(
                        "AllergyIntolerance",
                        "Appointment",
                        "Binary",
                        "Condition",
                        "DiagnosticReport",
                        "DocumentReference",
                        "Encounter",
                        "EpisodeOfCare",
                        "Flag",
                        "MedicationStatement",
                        "Observation",
                        "Patient",
                        "Procedure",
                        "ServiceRequest"),
                types);
    }

    @Test
    void noTokenIs401WithABearerChallengeAndAnOperationOutcome() throws Exception {
        HttpResponse<String> r = get("AllergyIntolerance?patient=Patient/" + personId, null, null, null);
        assertEquals(401, r.statusCode(), r::body);
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer "), r.headers()::toString);
        OperationOutcome outcome = parse(r, OperationOutcome.class);
        assertEquals("login", outcome.getIssueFirstRep().getCode().toCode());
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty(), "no session for an API call");

        HttpResponse<String> forged =
                get("AllergyIntolerance?patient=Patient/" + personId, gp() + "x", GP_HART_PROFILE, null);
        assertEquals(401, forged.statusCode(), forged::body);
        parse(forged, OperationOutcome.class);
    }

    @Test
    void aProfileNotInTheTokenIsRefusedAndAudited() throws Exception {
        long before = TestEnvironment.count(
                "select count(*) from audit_event where action = 'ACCESS_DENIED' and detail like 'FHIR GET%NHSD-Session-URID%'");
        HttpResponse<String> r = get("AllergyIntolerance?patient=Patient/" + personId, gp(), receptionProfile, null);
        assertEquals(403, r.statusCode(), r::body);
        assertEquals(
                "NOT_PERMITTED",
                parse(r, OperationOutcome.class)
                        .getIssueFirstRep()
                        .getDetails()
                        .getCodingFirstRep()
                        .getCode());
        assertEquals(
                before + 1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'ACCESS_DENIED' and detail like 'FHIR GET%NHSD-Session-URID%'"));
    }

    @Test
    void aClinicianFindsThePersonAndReadsAllergiesAuditedWithThePurposeOfUse() throws Exception {
        HttpResponse<String> found =
                get("Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + nhsNumber, gp(), GP_HART_PROFILE, null);
        assertEquals(200, found.statusCode(), found::body);
        Bundle patients = parse(found, Bundle.class);
        assertEquals(1, patients.getTotal());
        Patient patient = (Patient) patients.getEntryFirstRep().getResource();
        assertEquals(nhsNumber, patient.getIdentifierFirstRep().getValue());
        assertEquals(
                "https://fhir.nhs.uk/Id/nhs-number",
                patient.getIdentifierFirstRep().getSystem());
        assertEquals("FHIRTEST", patient.getNameFirstRep().getFamily());
        assertFalse(patient.getAddress().isEmpty(), "an unrestricted person's address is carried");

        String audited = "select count(*) from audit_event where action = 'RECORD_VIEW' and outcome = 'SUCCESS'"
                + " and username = 'gp.hart' and person_id = ? and detail like 'FHIR ALLERGIES: % item(s) from 0 of %'"
                + " and purpose_of_use = 'TREAT'";
        long before = TestEnvironment.count(audited, personId);
        HttpResponse<String> r =
                get("AllergyIntolerance?patient=Patient/" + personId, gp(), GP_HART_PROFILE, "ONGOING_CARE");
        assertEquals(200, r.statusCode(), r::body);
        Bundle bundle = parse(r, Bundle.class);
        // the demo loader gives the person a history of their own besides the test's allergy
        assertEquals(bundle.getEntry().size(), bundle.getTotal());
        AllergyIntolerance allergy = bundle.getEntry().stream()
                .map(e -> (AllergyIntolerance) e.getResource())
                .filter(a -> "91936005".equals(a.getCode().getCodingFirstRep().getCode()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.body()));
        assertEquals(
                "http://snomed.info/sct", allergy.getCode().getCodingFirstRep().getSystem());
        assertEquals(
                "https://directory.spineservices.nhs.uk/ORD/2-0-0/organisations/Y90001",
                allergy.getMeta().getSource(),
                "the source organisation, by its ODS code");
        assertNotNull(allergy.getMeta().getLastUpdated(), "when the item last changed");
        assertEquals(before + 1, TestEnvironment.count(audited, personId));
    }

    @Test
    void aSealedItemOfAnotherOrganisationIsWithheld() throws Exception {
        HttpResponse<String> r = get("Condition?subject=Patient/" + personId, gp(), GP_HART_PROFILE, "ONGOING_CARE");
        assertEquals(200, r.statusCode(), r::body);
        Bundle bundle = parse(r, Bundle.class);
        assertEquals(bundle.getEntry().size(), bundle.getTotal());
        Condition sealed = bundle.getEntry().stream()
                .map(e -> (Condition) e.getResource())
                .filter(c -> !c.getMeta().getSecurity().isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.body()));
        assertFalse(r.body().contains("FHIRSEALED"), r.body());
        assertTrue(sealed.getCode().getCoding().isEmpty());
        assertEquals("R", sealed.getMeta().getSecurityFirstRep().getCode());
    }

    @Test
    void aReceptionistsSearchOfAllergiesIsEmptyAndSaysNothingOfThem() throws Exception {
        String denied = "select count(*) from audit_event where outcome = 'DENIED' and username = 'reception.wu'"
                + " and person_id = ? and detail like 'FHIR read ALLERGIES: CATEGORY_NOT_PERMITTED%'";
        long before = TestEnvironment.count(denied, personId);
        String token = token("reception.wu", "Reception-demo-1");
        HttpResponse<String> r =
                get("AllergyIntolerance?patient=Patient/" + personId, token, receptionProfile, "ONGOING_CARE");
        assertEquals(200, r.statusCode(), r::body);
        Bundle bundle = parse(r, Bundle.class);
        assertEquals(0, bundle.getTotal());
        assertTrue(bundle.getEntry().isEmpty());
        assertEquals(before + 1, TestEnvironment.count(denied, personId));
    }

    @Test
    void anOptedOutPersonIsRefusedAndTheRefusalAudited() throws Exception {
        HttpResponse<String> r =
                get("AllergyIntolerance?patient=Patient/" + optedOutId, gp(), GP_HART_PROFILE, "ONGOING_CARE");
        assertEquals(403, r.statusCode(), r::body);
        OperationOutcome outcome = parse(r, OperationOutcome.class);
        assertEquals("forbidden", outcome.getIssueFirstRep().getCode().toCode());
        assertEquals(
                "This person's record is not available for viewing.",
                outcome.getIssueFirstRep().getDiagnostics());
        assertTrue(TestEnvironment.count(
                        "select count(*) from audit_event where outcome = 'DENIED' and username = 'gp.hart'"
                                + " and person_id = ? and detail like 'declare ONGOING_CARE: OPTED_OUT%'",
                        optedOutId)
                >= 1);
    }

    @Test
    void everyServedResourceValidatesAgainstUkCoreWithoutErrors() throws Exception {
        java.util.List<org.hl7.fhir.r4.model.Resource> served = new java.util.ArrayList<>();
        HttpResponse<String> found =
                get("Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + nhsNumber, gp(), GP_HART_PROFILE, null);
        assertEquals(200, found.statusCode(), found::body);
        parse(found, Bundle.class).getEntry().forEach(e -> served.add(e.getResource()));
        for (String type : java.util.List.of("AllergyIntolerance", "Condition", "MedicationStatement", "Observation")) {
            HttpResponse<String> r =
                    get(type + "?patient=Patient/" + personId + "&_count=200", gp(), GP_HART_PROFILE, "ONGOING_CARE");
            assertEquals(200, r.statusCode(), r::body);
            parse(r, Bundle.class).getEntry().forEach(e -> served.add(e.getResource()));
        }
        assertTrue(served.size() >= 5, "the person's record has items to validate: " + served.size());
        StringBuilder report = new StringBuilder();
        java.util.List<String> errors = new java.util.ArrayList<>();
        java.util.Map<String, Integer> warnings = new java.util.TreeMap<>();
        for (org.hl7.fhir.r4.model.Resource resource : served) {
            for (ca.uhn.fhir.validation.SingleValidationMessage m : UkCoreValidator.messages(resource)) {
                String line = resource.fhirType() + " " + m.getSeverity() + " " + m.getLocationString() + ": "
                        + m.getMessage();
                if (UkCoreValidator.isError(m)) {
                    errors.add(line);
                } else if (m.getSeverity() == ca.uhn.fhir.validation.ResultSeverityEnum.WARNING) {
                    warnings.merge(
                            resource.fhirType() + ": " + m.getMessage().replaceAll("[0-9]{6,}", "<code>"),
                            1,
                            Integer::sum);
                }
                report.append(line).append('\n');
            }
        }
        report.append("\nWarnings by kind (count):\n");
        warnings.forEach((w, n) -> report.append(n).append(" x ").append(w).append('\n'));
        java.nio.file.Path out =
                java.nio.file.Path.of(System.getProperty("icr.fhir.validation.report", "target/fhir-validation.txt"));
        java.nio.file.Files.writeString(out, served.size() + " resources validated\n" + report);
        assertEquals(java.util.List.of(), errors, "UK Core validation errors (all messages in " + out + ")");
        // and the validator does find errors: a served Observation without its required status and code
        org.hl7.fhir.r4.model.Observation broken = (org.hl7.fhir.r4.model.Observation) served.stream()
                .filter(r -> r instanceof org.hl7.fhir.r4.model.Observation)
                .findFirst()
                .orElseThrow()
                .copy();
        broken.setStatus(null);
        broken.setCode(null);
        assertTrue(
                UkCoreValidator.messages(broken).stream().anyMatch(UkCoreValidator::isError),
                "the validator reports a missing status and code as errors");
    }

    @Test
    void anItemIsReadByIdAndAHiddenOneIsNotFound() throws Exception {
        long allergyId = TestEnvironment.count("select id from record_item where source_key = ?", "fa-" + nhsNumber);
        // the reason, declared with a search; the read then uses it
        assertEquals(
                200,
                get(
                                "AllergyIntolerance?patient=Patient/" + personId + "&_count=0",
                                gp(),
                                GP_HART_PROFILE,
                                "ONGOING_CARE")
                        .statusCode());
        HttpResponse<String> r = get("AllergyIntolerance/" + allergyId, gp(), GP_HART_PROFILE, null);
        assertEquals(200, r.statusCode(), r::body);
        AllergyIntolerance allergy = parse(r, AllergyIntolerance.class);
        assertEquals("91936005", allergy.getCode().getCodingFirstRep().getCode());
        assertEquals("Patient/" + personId, allergy.getPatient().getReference());

        String token = token("reception.wu", "Reception-demo-1");
        get("AllergyIntolerance?patient=Patient/" + personId + "&_count=0", token, receptionProfile, "ONGOING_CARE");
        HttpResponse<String> hidden = get("AllergyIntolerance/" + allergyId, token, receptionProfile, null);
        assertEquals(404, hidden.statusCode(), hidden::body);
        assertEquals(
                "NOT_FOUND",
                parse(hidden, OperationOutcome.class)
                        .getIssueFirstRep()
                        .getDetails()
                        .getCodingFirstRep()
                        .getCode());
        assertFalse(hidden.body().contains("91936005"), hidden.body());
        HttpResponse<String> wrongType = get("Condition/" + allergyId, gp(), GP_HART_PROFILE, null);
        assertEquals(404, wrongType.statusCode(), wrongType::body);
    }

    @Test
    void aRoleThatMayNotReadRecordsGetsAnOperationOutcomeAndNoSession() throws Exception {
        String token = token("privacy.shaw", "Privacy-demo-1");
        String payload = token.split("\\.")[1];
        String profile = jakarta.json.Json.createReader(new java.io.StringReader(
                        new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)))
                .readObject()
                .getJsonArray("nhsid_nrbac_roles")
                .getJsonObject(0)
                .getString("person_roleid");
        HttpResponse<String> r = get("AllergyIntolerance?patient=Patient/" + personId, token, profile, null);
        assertEquals(403, r.statusCode(), r::body);
        assertEquals(
                "NOT_PERMITTED",
                parse(r, OperationOutcome.class)
                        .getIssueFirstRep()
                        .getDetails()
                        .getCodingFirstRep()
                        .getCode());
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty(), "no session for an API call");
    }
}
