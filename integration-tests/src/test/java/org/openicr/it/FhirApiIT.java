package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
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

        // a person with a known record for the searches, paging and $everything: five problems on five
        // days of January, a result, an allergy and a problem sealed by another organisation
        pagedNhs = TestEnvironment.freshNhsNumber();
        pagedId = barePerson(pagedNhs, "FHIRPAGED");
        String[] problems = new String[5];
        for (int day = 1; day <= 5; day++) {
            problems[day - 1] = problem("fp" + day + "-" + pagedNhs, "2026-01-0" + day + "T09:00:00Z", null);
        }
        postAll("sys.riverside-gp", "Source-demo-gp-1", "fp-" + pagedNhs, pagedNhs, problems);
        postAll(
                "sys.riverside-gp",
                "Source-demo-gp-1",
                "fo-" + pagedNhs,
                pagedNhs,
                "<icr:item><icr:category>RESULTS</icr:category><icr:sourceKey>fr-" + pagedNhs + "</icr:sourceKey>"
                        + "<icr:version>1</icr:version><icr:effectiveAt>2026-01-07T09:00:00Z</icr:effectiveAt>"
                        + "<icr:status>final</icr:status><icr:code><icr:system>LOINC</icr:system>"
                        + "<icr:code>2823-3</icr:code><icr:display>Potassium</icr:display></icr:code>"
                        + "<icr:detail><icr:name>value</icr:name><icr:value>4.1</icr:value></icr:detail>"
                        + "<icr:detail><icr:name>unit</icr:name><icr:value>mmol/L</icr:value></icr:detail></icr:item>",
                "<icr:item><icr:category>ALLERGIES</icr:category><icr:sourceKey>fpa-" + pagedNhs + "</icr:sourceKey>"
                        + "<icr:version>1</icr:version><icr:effectiveAt>2026-01-08T09:00:00Z</icr:effectiveAt>"
                        + "<icr:status>active</icr:status><icr:code><icr:system>SNOMED_CT</icr:system>"
                        + "<icr:code>91936005</icr:code><icr:display>Allergy to penicillin</icr:display></icr:code>"
                        + "</icr:item>");
        postAll(
                "sys.avonvale-pas",
                "Source-demo-pas-1",
                "fps-" + pagedNhs,
                pagedNhs,
                problem("fps-" + pagedNhs, "2026-01-09T09:00:00Z", "SEALED"));
    }

    private static String pagedNhs;

    /**
     * A person with demographics only (the demo loader's {@code postPerson} gives a history of its own):
     * the searches' totals are then exactly the test's items.
     */
    private static long barePerson(String nhs, String family) throws Exception {
        DemographicsOwnershipSoapIT.submit(
                "sys.riverside-gp",
                "Source-demo-gp-1",
                DemographicsOwnershipSoapIT.demographics(
                        "fd-" + nhs, nhs, family, "1 Road", "BA1 1AA", "Y90001", null, null));
        long id = TestEnvironment.count("select id from person where nhs_number = ?", nhs);
        assertEquals(0, TestEnvironment.count("select count(*) from record_item where person_id = ?", id));
        return id;
    }

    private static long pagedId;

    /** A problem item dated {@code at}, its text its key (so a test can tell the items apart). */
    private static String problem(String key, String at, String sensitivity) {
        return "<icr:item><icr:category>PROBLEMS</icr:category><icr:sourceKey>" + key + "</icr:sourceKey>"
                + "<icr:version>1</icr:version><icr:effectiveAt>" + at + "</icr:effectiveAt>"
                + "<icr:status>active</icr:status><icr:text>Problem " + key + "</icr:text>"
                + (sensitivity == null ? "" : "<icr:sensitivity>" + sensitivity + "</icr:sensitivity>")
                + "</icr:item>";
    }

    private static void postAll(String user, String password, String messageId, String nhs, String... items)
            throws Exception {
        Soap.Response r = Soap.post(
                TestEnvironment.ingestionUrl(),
                "SubmitItems",
                ItemIngestionSoapIT.batch(messageId, "<icr:nhsNumber>" + nhs + "</icr:nhsNumber>", items),
                user,
                password);
        assertEquals(200, r.status(), r::toString);
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

    /** A real access token for a demo user, by the demo client's password grant, with the SMART scope. */
    private static String token(String user, String password) {
        return TOKENS.computeIfAbsent(user, u -> FhirTokens.fetch(u, password));
    }

    /** The first person_roleid of the user's token (read from the token's claims as the API does). */
    private static String claimProfile(String user, String password) {
        return FhirTokens.firstProfile(token(user, password));
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
                        "Immunization",
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
                + " and username = 'gp.hart' and person_id = ? and detail like 'FHIR ALLERGIES: % item(s) of % from the start%'"
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
    /** A search's Bundle, answered 200 and parsed with HAPI. */
    private static Bundle search(String path, String token, String profile) throws Exception {
        HttpResponse<String> r = get(path, token, profile, "ONGOING_CARE");
        assertEquals(200, r.statusCode(), () -> path + ": " + r.body());
        return parse(r, Bundle.class);
    }

    /** The items' ids of a Bundle's entries of one type, in order. */
    private static java.util.List<String> ids(Bundle bundle, String type) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r.fhirType().equals(type))
                .map(r -> r.getIdElement().getIdPart())
                .toList();
    }

    private static String itemId(String sourceKey) throws Exception {
        return Long.toString(TestEnvironment.count("select id from record_item where source_key = ?", sourceKey));
    }

    /** The path of a Bundle's next link, relative to the FHIR base (null: none). */
    private static String next(Bundle bundle) {
        Bundle.BundleLinkComponent link = bundle.getLink("next");
        return link == null ? null : link.getUrl().substring(link.getUrl().indexOf("/fhir/") + "/fhir/".length());
    }

    private static String code(HttpResponse<String> r) {
        return parse(r, OperationOutcome.class)
                .getIssueFirstRep()
                .getDetails()
                .getCodingFirstRep()
                .getCode();
    }

    @Test
    void dateAndLastUpdatedFilterInTheQueryAndTheTotalCountsOnlyWhatTheyKeep() throws Exception {
        String base = "Condition?patient=Patient/" + pagedId;
        // the five problems and the sealed one (listed withheld, with its date)
        assertEquals(6, search(base, gp(), GP_HART_PROFILE).getTotal());
        Bundle range = search(base + "&date=ge2026-01-02&date=lt2026-01-04", gp(), GP_HART_PROFILE);
        assertEquals(2, range.getTotal(), "ge the 2nd and lt the 4th: the 2nd and the 3rd");
        assertEquals(java.util.List.of(itemId("fp3-" + pagedNhs), itemId("fp2-" + pagedNhs)), ids(range, "Condition"));
        assertEquals(6, search(base + "&date=2026-01", gp(), GP_HART_PROFILE).getTotal(), "the month");
        assertEquals(1, search(base + "&date=2026-01-05", gp(), GP_HART_PROFILE).getTotal(), "the day");
        assertEquals(
                2, search(base + "&date=gt2026-01-04", gp(), GP_HART_PROFILE).getTotal(), "after the 4th");
        assertEquals(
                4, search(base + "&date=le2026-01-04", gp(), GP_HART_PROFILE).getTotal());
        assertEquals(0, search(base + "&date=gt2026-01", gp(), GP_HART_PROFILE).getTotal());
        assertEquals(
                0,
                search(base + "&date=ge2026-01-04&date=lt2026-01-02", gp(), GP_HART_PROFILE)
                        .getTotal(),
                "a range that keeps nothing is empty, not an error");

        // _lastUpdated: one problem last changed long ago
        TestEnvironment.execute(
                "update record_item set updated_at = '2020-06-01T00:00:00Z' where source_key = ?", "fp1-" + pagedNhs);
        Bundle old = search(base + "&_lastUpdated=lt2021", gp(), GP_HART_PROFILE);
        assertEquals(1, old.getTotal());
        assertEquals(java.util.List.of(itemId("fp1-" + pagedNhs)), ids(old, "Condition"));
        assertEquals(
                5, search(base + "&_lastUpdated=ge2021", gp(), GP_HART_PROFILE).getTotal());
        assertEquals(
                0,
                search(base + "&_lastUpdated=ge2021&date=2026-01-01", gp(), GP_HART_PROFILE)
                        .getTotal(),
                "both filters at once");

        for (String bad : java.util.List.of(
                "date=ne2026-01-01", "date=2026-01,2026-02", "date=2026-13", "date=ge2026-01-01T25:00Z", "unknown=1")) {
            HttpResponse<String> r = get(base + "&" + bad, gp(), GP_HART_PROFILE, "ONGOING_CARE");
            assertEquals(400, r.statusCode(), () -> bad + ": " + r.body());
            assertEquals("INVALID_INPUT", code(r), () -> bad + ": " + r.body());
        }
        HttpResponse<String> ne = get(base + "&date=ne2026-01-01", gp(), GP_HART_PROFILE, "ONGOING_CARE");
        assertEquals("INVALID_INPUT", code(ne));
        assertTrue(
                parse(ne, OperationOutcome.class)
                        .getIssueFirstRep()
                        .getDiagnostics()
                        .contains("ne"),
                ne::body);
    }

    @Test
    void categoryKeepsWhatTheResourcesCarryAndAnUnknownValueIsEmpty() throws Exception {
        String results = "Observation?patient=Patient/" + pagedId;
        assertEquals(
                1,
                search(results + "&category=laboratory", gp(), GP_HART_PROFILE).getTotal());
        assertEquals(
                1,
                search(
                                results
                                        + "&category=http://terminology.hl7.org/CodeSystem/observation-category%7Claboratory",
                                gp(),
                                GP_HART_PROFILE)
                        .getTotal());
        Bundle vital = search(results + "&category=vital-signs", gp(), GP_HART_PROFILE);
        assertEquals(0, vital.getTotal());
        assertTrue(vital.getEntry().isEmpty());
        assertEquals(
                1,
                search(results + "&category=vital-signs,laboratory", gp(), GP_HART_PROFILE)
                        .getTotal());
        assertEquals(
                0,
                search(results + "&category=other-system%7Claboratory", gp(), GP_HART_PROFILE)
                        .getTotal());
        assertEquals(
                6,
                search("Condition?patient=Patient/" + pagedId + "&category=problem-list-item", gp(), GP_HART_PROFILE)
                        .getTotal());
        // the record does not know an allergy's category: refused, not "none"
        HttpResponse<String> allergy = get(
                "AllergyIntolerance?patient=Patient/" + pagedId + "&category=medication",
                gp(),
                GP_HART_PROFILE,
                "ONGOING_CARE");
        assertEquals(400, allergy.statusCode(), allergy::body);
        assertEquals("INVALID_INPUT", code(allergy));
    }

    @Test
    void pagesFollowTheNextLinkAndAnInsertBetweenPagesNeitherRepeatsNorSkips() throws Exception {
        // a person of its own: the inserts change no other test's counts
        String nhs = TestEnvironment.freshNhsNumber();
        long id = barePerson(nhs, "FHIRINSERT");
        String[] problems = new String[5];
        for (int day = 1; day <= 5; day++) {
            problems[day - 1] = problem("fq" + day + "-" + nhs, "2026-01-0" + day + "T09:00:00Z", null);
        }
        postAll("sys.riverside-gp", "Source-demo-gp-1", "fq-" + nhs, nhs, problems);
        String first = "Condition?patient=Patient/" + id + "&date=2026-01&_count=2";
        Bundle page1 = search(first, gp(), GP_HART_PROFILE);
        assertEquals(5, page1.getTotal());
        assertEquals(2, page1.getEntry().size());
        String next = next(page1);
        assertNotNull(next, page1::toString);
        assertTrue(next.contains("date=2026-01") && next.contains("_page_token="), next);
        // between page 1 and page 2: a newer problem (offset paging would repeat page 1's last item on
        // page 2) and one dated among the later pages (it belongs on them: it is met once)
        postAll(
                "sys.riverside-gp",
                "Source-demo-gp-1",
                "fqi-" + nhs,
                nhs,
                problem("fqnew-" + nhs, "2026-01-20T09:00:00Z", null),
                problem("fqmid-" + nhs, "2026-01-02T12:00:00Z", null));
        java.util.List<String> seen = new java.util.ArrayList<>(ids(page1, "Condition"));
        int pages = 1;
        while (next != null) {
            Bundle page = search(next, gp(), GP_HART_PROFILE);
            assertTrue(page.getEntry().size() <= 2);
            seen.addAll(ids(page, "Condition"));
            next = next(page);
            assertTrue(++pages < 10, "the pages end");
        }
        assertEquals(new java.util.HashSet<>(seen).size(), seen.size(), "no item twice: " + seen);
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (int day = 5; day >= 3; day--) {
            expected.add(itemId("fq" + day + "-" + nhs));
        }
        expected.add(itemId("fqmid-" + nhs));
        expected.add(itemId("fq2-" + nhs));
        expected.add(itemId("fq1-" + nhs));
        assertEquals(expected, seen, "every item after page 1's last, the later insert included, newest first");
        assertFalse(seen.contains(itemId("fqnew-" + nhs)), "the newer insert is before page 1");
        assertEquals(7, search(first, gp(), GP_HART_PROFILE).getTotal(), "a new search counts both inserts");
    }

    @Test
    void aChangedOrMovedPageTokenIsRefusedNeverAnotherPage() throws Exception {
        String first = "Condition?patient=Patient/" + pagedId + "&_count=1";
        String next = next(search(first, gp(), GP_HART_PROFILE));
        assertNotNull(next);
        String token =
                java.net.URLDecoder.decode(next.substring(next.indexOf("_page_token=") + 12), StandardCharsets.UTF_8);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String payload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("1:-:999999999".getBytes(StandardCharsets.US_ASCII));
        java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("a changed MAC", first + "&_page_token=" + URLEncoder.encode(tampered, StandardCharsets.UTF_8));
        refused.put(
                "another position",
                first + "&_page_token="
                        + URLEncoder.encode(payload + token.substring(token.indexOf('.')), StandardCharsets.UTF_8));
        refused.put("garbage", first + "&_page_token=garbage");
        refused.put(
                "another person",
                "Condition?patient=Patient/" + personId + "&_count=1&_page_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8));
        refused.put(
                "another type",
                "Observation?patient=Patient/" + pagedId + "&_count=1&_page_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8));
        refused.put(
                "other filters",
                first + "&date=2026-01&_page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        refused.put("_offset", first + "&_offset=1");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            HttpResponse<String> r = get(e.getValue(), gp(), GP_HART_PROFILE, "ONGOING_CARE");
            assertEquals(400, r.statusCode(), () -> e.getKey() + ": " + r.body());
            assertEquals("INVALID_INPUT", code(r), e.getKey());
            assertFalse(r.body().contains("\"entry\""), e.getKey());
        }
        // another role profile with the same token: refused too
        HttpResponse<String> other = get(
                "Condition?patient=Patient/" + pagedId + "&_count=1&_page_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8),
                token("reception.wu", "Reception-demo-1"),
                receptionProfile,
                "ONGOING_CARE");
        assertEquals(400, other.statusCode(), other::body);
        // and the token as issued is accepted
        assertEquals(1, search(next, gp(), GP_HART_PROFILE).getEntry().size());
    }

    @Test
    void includeAddsThePatientThroughItsOwnReadAndAudit() throws Exception {
        String searched = "select count(*) from audit_event where action = 'PATIENT_SEARCH' and username = 'gp.hart'"
                + " and person_id = ? and detail like 'reason step:%'";
        long before = TestEnvironment.count(searched, pagedId);
        Bundle bundle = search(
                "Condition?patient=Patient/" + pagedId + "&_count=2&_include=Condition:patient", gp(), GP_HART_PROFILE);
        assertEquals(3, bundle.getEntry().size());
        assertEquals(6, bundle.getTotal(), "total counts the matches only");
        Bundle.BundleEntryComponent included = bundle.getEntry().get(2);
        assertEquals(Bundle.SearchEntryMode.INCLUDE, included.getSearch().getMode());
        Patient patient = (Patient) included.getResource();
        assertEquals(Long.toString(pagedId), patient.getIdElement().getIdPart());
        assertEquals(pagedNhs, patient.getIdentifierFirstRep().getValue());
        assertEquals(
                Bundle.SearchEntryMode.MATCH,
                bundle.getEntryFirstRep().getSearch().getMode());
        assertEquals(before + 1, TestEnvironment.count(searched, pagedId), "the Patient read is audited as its read");
        // the next page includes the patient again; subject works as patient
        Bundle page2 = search(next(bundle), gp(), GP_HART_PROFILE);
        assertEquals(1, ids(page2, "Patient").size());
        assertEquals(
                1,
                ids(
                                search(
                                        "Observation?subject=Patient/" + pagedId + "&_include=Observation:subject",
                                        gp(),
                                        GP_HART_PROFILE),
                                "Patient")
                        .size());
        // nothing matched, nothing included; an include of anything else is refused
        assertTrue(search(
                        "Condition?patient=Patient/" + pagedId + "&date=1990&_include=Condition:patient",
                        gp(),
                        GP_HART_PROFILE)
                .getEntry()
                .isEmpty());
        HttpResponse<String> other = get(
                "Condition?patient=Patient/" + pagedId + "&_include=Condition:asserter",
                gp(),
                GP_HART_PROFILE,
                "ONGOING_CARE");
        assertEquals(400, other.statusCode(), other::body);
        assertEquals("INVALID_INPUT", code(other));
    }

    @Test
    void everythingIsThePatientAndWhatTheRoleMaySeePagedAndAuditedOnce() throws Exception {
        String audited = "select count(*) from audit_event where action = 'RECORD_VIEW' and username = 'gp.hart'"
                + " and person_id = ? and detail like 'FHIR $everything %' and purpose_of_use = 'TREAT'";
        long before = TestEnvironment.count(audited, pagedId);
        Bundle all = search("Patient/" + pagedId + "/$everything?_count=200", gp(), GP_HART_PROFILE);
        assertEquals(before + 1, TestEnvironment.count(audited, pagedId), "one read event per call");
        assertEquals(Bundle.BundleType.SEARCHSET, all.getType());
        assertEquals(all.getEntry().size(), all.getTotal());
        assertEquals("Patient", all.getEntryFirstRep().getResource().fhirType());
        // as many as the searches of every category type the server lists find, and the Patient
        long items = 0;
        for (CapabilityStatement.CapabilityStatementRestResourceComponent type : parse(
                        get("metadata", null, null, null), CapabilityStatement.class)
                .getRestFirstRep()
                .getResource()) {
            // DiagnosticReport groups the Observations $everything already carries; Binary is a document's content
            if (!java.util.Set.of("Patient", "OperationDefinition", "DiagnosticReport", "Binary")
                    .contains(type.getType())) {
                int found = search(type.getType() + "?patient=Patient/" + pagedId + "&_count=0", gp(), GP_HART_PROFILE)
                        .getTotal();
                assertEquals(found, ids(all, type.getType()).size(), type.getType());
                items += found;
            }
        }
        assertTrue(items >= 8, "five problems, the sealed one, a result and an allergy: " + items);
        assertEquals(1 + items, all.getTotal(), "the Patient and every item of the served types");
        assertTrue(ids(all, "AllergyIntolerance").size() >= 1);
        assertEquals(1, ids(all, "Observation").size());
        String encoded = FHIR.newJsonParser().encodeResourceToString(all);
        assertTrue(encoded.contains("Problem fp5-"), "a problem's text is served");
        assertFalse(encoded.contains("Problem fps-"), "the sealed problem is withheld as in a search");
        assertEquals(6, ids(all, "Condition").size(), "the sealed problem is listed (withheld)");

        // paged: the same entries, each once
        java.util.List<String> paged = new java.util.ArrayList<>();
        String next = "Patient/" + pagedId + "/$everything?_count=3";
        int pages = 0;
        while (next != null) {
            Bundle page = search(next, gp(), GP_HART_PROFILE);
            assertEquals(all.getTotal(), page.getTotal());
            page.getEntry()
                    .forEach(e -> paged.add(e.getResource().fhirType() + "/"
                            + e.getResource().getIdElement().getIdPart()));
            next = next(page);
            assertTrue(++pages < 20);
        }
        assertEquals(
                all.getEntry().stream()
                        .map(e -> e.getResource().fhirType() + "/"
                                + e.getResource().getIdElement().getIdPart())
                        .toList(),
                paged);
    }

    @Test
    void aReceptionistsEverythingLeavesOutAndDoesNotCountWhatTheRoleMayNotSee() throws Exception {
        String token = token("reception.wu", "Reception-demo-1");
        String path = "Patient/" + pagedId + "/$everything?_count=200";
        Bundle before = search(path, token, receptionProfile);
        assertEquals(before.getEntry().size(), before.getTotal());
        assertTrue(ids(before, "AllergyIntolerance").isEmpty());
        long clinicianBefore = search(path, gp(), GP_HART_PROFILE).getTotal();
        postAll(
                "sys.riverside-gp",
                "Source-demo-gp-1",
                "fra-" + pagedNhs,
                pagedNhs,
                "<icr:item><icr:category>ALLERGIES</icr:category><icr:sourceKey>fra-" + pagedNhs + "</icr:sourceKey>"
                        + "<icr:version>1</icr:version><icr:effectiveAt>2026-02-01T09:00:00Z</icr:effectiveAt>"
                        + "<icr:status>active</icr:status><icr:text>Latex</icr:text></icr:item>");
        Bundle after = search(path, token, receptionProfile);
        assertEquals(before.getTotal(), after.getTotal(), "a hidden item changes nothing the receptionist sees");
        assertTrue(ids(after, "AllergyIntolerance").isEmpty());
        assertEquals("Patient", after.getEntryFirstRep().getResource().fhirType());
        assertEquals(clinicianBefore + 1, search(path, gp(), GP_HART_PROFILE).getTotal(), "the clinician sees it");
    }

    @Test
    void anOptedOutPersonsEverythingIsRefusedAndAudited() throws Exception {
        String denied = "select count(*) from audit_event where outcome = 'DENIED' and username = 'gp.hart'"
                + " and person_id = ?";
        long before = TestEnvironment.count(denied, optedOutId);
        HttpResponse<String> r = get("Patient/" + optedOutId + "/$everything", gp(), GP_HART_PROFILE, null);
        assertEquals(403, r.statusCode(), r::body);
        assertEquals("NOT_PERMITTED", code(r));
        assertFalse(r.body().contains("FHIROPTOUT"), r.body());
        assertEquals(before + 1, TestEnvironment.count(denied, optedOutId));
    }

    @Test
    void theCapabilityStatementListsTheSearchParametersAndEverything() throws Exception {
        CapabilityStatement cs = parse(get("metadata", null, null, null), CapabilityStatement.class);
        for (CapabilityStatement.CapabilityStatementRestResourceComponent resource :
                cs.getRestFirstRep().getResource()) {
            java.util.Set<String> params = new java.util.TreeSet<>();
            resource.getSearchParam().forEach(p -> params.add(p.getName()));
            switch (resource.getType()) {
                case "Observation", "Condition" -> assertTrue(
                        params.containsAll(java.util.Set.of("patient", "subject", "date", "_lastUpdated", "category")),
                        resource.getType() + " " + params);
                case "AllergyIntolerance", "MedicationStatement" -> {
                    assertTrue(
                            params.containsAll(java.util.Set.of("patient", "date", "_lastUpdated")),
                            resource.getType() + " " + params);
                    assertFalse(params.contains("category"), resource.getType() + " carries no category: " + params);
                }
                case "Patient" -> assertTrue(
                        resource.getOperation().stream()
                                .anyMatch(o -> o.getName().equals("everything")),
                        "Patient $everything");
                default -> {}
            }
            if (!java.util.Set.of("Patient", "OperationDefinition", "DiagnosticReport", "Binary")
                    .contains(resource.getType())) {
                assertTrue(
                        resource.getSearchInclude().stream()
                                .anyMatch(i -> i.getValue().equals(resource.getType() + ":patient")),
                        resource.getType() + " _include");
            }
        }
    }
}
