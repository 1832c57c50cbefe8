package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openicr.tools.demo.DemoRegion.DemoPerson;

/**
 * Issue 20, second slice: the remaining categories as UK Core resources over HTTP (Procedure,
 * Encounter, Appointment, ServiceRequest, Flag, EpisodeOfCare, DocumentReference with its Binary,
 * DiagnosticReport), against the real server, PostgreSQL and Keycloak tokens. One person gets items
 * in every category through the SOAP ingestion (visible ones, and sealed ones of other
 * organisations); every resource served is parsed with HAPI and validated against UK Core; a
 * receptionist and a social worker see only their categories (empty searchsets, 404 on read); a
 * sealed document's Binary is refused and audited; a visible one's is the stored content.
 *
 * <p>Run with {@code -Dicr.keycloak=true} (the build starts Keycloak).
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "icr.keycloak", matches = "true")
class FhirResourcesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final String GP_HART_PROFILE = "555000001101";
    private static final String LETTER = "Discharge letter FHIRLETTER: home with district nurse visits.";

    /** The resource type of each new category, and the seeded item's id of it (visible to the GP). */
    private static final Map<String, Long> VISIBLE = new TreeMap<>();
    /** Sealed items of other organisations, by resource type: withheld from the GP. */
    private static final Map<String, Long> SEALED = new TreeMap<>();

    private static final List<String> NEW_TYPES = List.of(
            "Procedure",
            "Encounter",
            "Appointment",
            "ServiceRequest",
            "Flag",
            "EpisodeOfCare",
            "DocumentReference",
            "DiagnosticReport",
            "Immunization");

    private static String receptionProfile;
    private static String socialProfile;
    private static long personId;
    private static String nhs;
    private static long reportId;
    private static long[] reportResults;

    @BeforeAll
    static void person() throws Exception {
        TestEnvironment.seedDirectory();
        nhs = TestEnvironment.freshNhsNumber();
        personId = TestEnvironment.postPerson(new DemoPerson(
                nhs,
                "Mr",
                "Rhys",
                "FHIRRES",
                LocalDate.of(1950, 7, 1),
                "male",
                "2 Lane",
                "Bath",
                "BA2 2BB",
                null,
                "Y90001",
                false));
        String gp = "sys.riverside-gp";
        String gpPassword = "Source-demo-gp-1";
        String pas = "sys.avonvale-pas";
        String pasPassword = "Source-demo-pas-1";
        post(
                gp,
                gpPassword,
                "rp",
                item(
                        "PROCEDURES",
                        "rp",
                        "2026-02-01T10:00:00Z",
                        null,
                        "completed",
                        code("SNOMED_CT", "80146002", "Appendicectomy"),
                        "Laparoscopic, no complications",
                        null,
                        Map.of("clinician", "Dr A Shah", "location", "Theatre 2")));
        post(
                pas,
                pasPassword,
                "re",
                item(
                        "ENCOUNTERS",
                        "re",
                        "2026-02-01T08:00:00Z",
                        "2026-02-03T12:00:00Z",
                        "finished",
                        null,
                        "Inpatient admission, Ward 7",
                        null,
                        Map.of(
                                "encounterClass",
                                "inpatient",
                                "location",
                                "Ward 7",
                                "clinician",
                                "Dr B Osei",
                                "specialty",
                                "General surgery")));
        post(
                gp,
                gpPassword,
                "ra",
                item(
                        "APPOINTMENTS",
                        "ra",
                        "2026-03-01T09:30:00Z",
                        null,
                        "booked",
                        null,
                        "Wound check",
                        null,
                        Map.of("location", "Riverside practice nurse room", "clinician", "Nurse Jones")));
        post(
                gp,
                gpPassword,
                "rr",
                item(
                        "REFERRALS",
                        "rr",
                        "2026-02-10T09:00:00Z",
                        null,
                        "pending",
                        null,
                        "Referral to physiotherapy",
                        null,
                        Map.of(
                                "referredBy",
                                "Dr H Hart",
                                "referredTo",
                                "Avon Vale Physiotherapy",
                                "priority",
                                "routine",
                                "specialty",
                                "Physiotherapy")));
        post(
                gp,
                gpPassword,
                "rs",
                item(
                        "SAFEGUARDING",
                        "rs",
                        "2026-01-20T09:00:00Z",
                        null,
                        "active",
                        null,
                        "Vulnerable adult: lives alone, financial abuse concern",
                        null,
                        Map.of()));
        post(
                "sys.northavon-lcs",
                "Source-demo-lcs-1",
                "rc",
                item(
                        "SOCIAL_CARE",
                        "rc",
                        "2026-01-15T09:00:00Z",
                        null,
                        "open",
                        null,
                        "Care Act assessment: home care four times a day",
                        null,
                        Map.of(
                                "allocatedWorker",
                                "Sam Evans",
                                "team",
                                "North Avon Adult Social Care",
                                "contactPhone",
                                "01179 000000")));
        post(
                gp,
                gpPassword,
                "rd",
                item(
                        "DOCUMENTS",
                        "rd",
                        "2026-02-03T12:00:00Z",
                        null,
                        null,
                        null,
                        "Discharge letter",
                        document("text/plain", LETTER),
                        Map.of("author", "Dr B Osei", "documentType", "Discharge summary")));
        post(
                pas,
                pasPassword,
                "rx1",
                item(
                        "RESULTS",
                        "rx1",
                        "2026-02-02T07:00:00Z",
                        null,
                        "final",
                        code("LOINC", "718-7", "Haemoglobin"),
                        null,
                        null,
                        Map.of("value", "131", "unit", "g/L", "reportKey", "FBC-" + nhs)));
        post(
                pas,
                pasPassword,
                "rx2",
                item(
                        "RESULTS",
                        "rx2",
                        "2026-02-02T07:00:00Z",
                        null,
                        "final",
                        code("LOINC", "6690-2", "White cell count"),
                        null,
                        null,
                        Map.of("value", "7.1", "unit", "10*9/L", "reportKey", "FBC-" + nhs)));
        post(
                gp,
                gpPassword,
                "ri",
                item(
                        "IMMUNISATIONS",
                        "ri",
                        "2026-01-20T11:00:00Z",
                        null,
                        "completed",
                        code("SNOMED_CT", "1324681000000101", "Influenza vaccine"),
                        null,
                        null,
                        Map.of("lotNumber", "FLU-LOT-42", "clinician", "Nurse Jones", "site", "Left deltoid")));
        // sealed by other organisations than the GP's: withheld from gp.hart
        for (String category : List.of(
                "PROCEDURES",
                "ENCOUNTERS",
                "APPOINTMENTS",
                "REFERRALS",
                "SAFEGUARDING",
                "DOCUMENTS",
                "IMMUNISATIONS")) {
            String key = "sealed-" + category.toLowerCase(java.util.Locale.ROOT);
            post(
                    pas,
                    pasPassword,
                    key,
                    sealed(item(
                            category,
                            key,
                            "2026-01-10T09:00:00Z",
                            null,
                            null,
                            null,
                            "Withheld marker FHIRSEALED",
                            category.equals("DOCUMENTS") ? document("text/plain", "Sealed letter FHIRSEALED") : null,
                            Map.of())));
        }
        String key = "sealed-social";
        post(
                "sys.northavon-lcs",
                "Source-demo-lcs-1",
                key,
                sealed(item(
                        "SOCIAL_CARE",
                        key,
                        "2026-01-10T09:00:00Z",
                        null,
                        null,
                        null,
                        "Withheld marker FHIRSEALED",
                        null,
                        Map.of())));

        Map<String, String> visibleKeys = Map.of(
                "Procedure",
                "rp",
                "Encounter",
                "re",
                "Appointment",
                "ra",
                "ServiceRequest",
                "rr",
                "Flag",
                "rs",
                "EpisodeOfCare",
                "rc",
                "DocumentReference",
                "rd",
                "Immunization",
                "ri");
        for (Map.Entry<String, String> e : visibleKeys.entrySet()) {
            VISIBLE.put(e.getKey(), itemId(e.getValue()));
        }
        Map<String, String> sealedKeys = Map.of(
                "Procedure",
                "sealed-procedures",
                "Encounter",
                "sealed-encounters",
                "Appointment",
                "sealed-appointments",
                "ServiceRequest",
                "sealed-referrals",
                "Flag",
                "sealed-safeguarding",
                "EpisodeOfCare",
                "sealed-social",
                "DocumentReference",
                "sealed-documents",
                "Immunization",
                "sealed-immunisations");
        for (Map.Entry<String, String> e : sealedKeys.entrySet()) {
            SEALED.put(e.getKey(), itemId(e.getValue()));
        }
        reportResults = new long[] {itemId("rx1"), itemId("rx2")};
        java.util.Arrays.sort(reportResults);
        reportId = reportResults[0];
        VISIBLE.put("DiagnosticReport", reportId);
        receptionProfile = claimProfile("reception.wu", "Reception-demo-1");
        socialProfile = claimProfile("social.evans", "Social-demo-1");
    }

    private static long itemId(String key) throws Exception {
        return TestEnvironment.count(
                "select id from record_item where source_key = ? and person_id = ?", key + "-" + nhs, personId);
    }

    private static String code(String system, String code, String display) {
        return "<icr:code><icr:system>" + system + "</icr:system><icr:code>" + code + "</icr:code><icr:display>"
                + display + "</icr:display></icr:code>";
    }

    private static String document(String type, String content) {
        return "<icr:document><icr:contentType>" + type + "</icr:contentType><icr:data>"
                + Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8))
                + "</icr:data></icr:document>";
    }

    private static String item(
            String category,
            String key,
            String at,
            String end,
            String status,
            String code,
            String text,
            String document,
            Map<String, String> details) {
        StringBuilder xml = new StringBuilder("<icr:item><icr:category>" + category + "</icr:category>"
                + "<icr:sourceKey>" + key + "-" + nhs + "</icr:sourceKey><icr:version>1</icr:version>"
                + "<icr:effectiveAt>" + at + "</icr:effectiveAt>");
        if (end != null) {
            xml.append("<icr:effectiveEnd>").append(end).append("</icr:effectiveEnd>");
        }
        if (status != null) {
            xml.append("<icr:status>").append(status).append("</icr:status>");
        }
        if (code != null) {
            xml.append(code);
        }
        if (text != null) {
            xml.append("<icr:text>").append(text).append("</icr:text>");
        }
        xml.append("<!--sensitivity-->");
        new TreeMap<>(details).forEach((name, value) -> xml.append("<icr:detail><icr:name>")
                .append(name)
                .append("</icr:name><icr:value>")
                .append(value)
                .append("</icr:value></icr:detail>"));
        if (document != null) {
            xml.append(document);
        }
        return xml.append("</icr:item>").toString();
    }

    private static String sealed(String item) {
        return item.replace("<!--sensitivity-->", "<icr:sensitivity>SEALED</icr:sensitivity>");
    }

    private static void post(String user, String password, String key, String item) throws Exception {
        Soap.Response r = Soap.post(
                TestEnvironment.ingestionUrl(),
                "SubmitItems",
                ItemIngestionSoapIT.batch(
                        "fr-" + key + "-" + nhs,
                        "<icr:nhsNumber>" + nhs + "</icr:nhsNumber>",
                        item.replace("<!--sensitivity-->", "")),
                user,
                password);
        assertEquals(200, r.status(), r::toString);
    }

    // ---- the tests

    @Test
    void theCapabilityStatementListsEveryServedType() throws Exception {
        HttpResponse<String> r = get("metadata", null, null, null);
        assertEquals(200, r.statusCode(), r::body);
        Set<String> types = new TreeSet<>();
        parse(r, CapabilityStatement.class).getRestFirstRep().getResource().forEach(res -> types.add(res.getType()));
        types.remove("OperationDefinition");
        Set<String> expected = new TreeSet<>(
                Set.of("Patient", "AllergyIntolerance", "Condition", "MedicationStatement", "Observation", "Binary"));
        expected.addAll(NEW_TYPES);
        assertEquals(expected, types);
    }

    @Test
    void aClinicianReadsEveryNewTypeAndEverythingServedValidatesAgainstUkCore() throws Exception {
        List<Resource> served = new ArrayList<>();
        for (String type : NEW_TYPES) {
            Bundle bundle = search(type, gp(), GP_HART_PROFILE);
            assertEquals(bundle.getEntry().size(), bundle.getTotal(), type);
            bundle.getEntry().forEach(e -> served.add(e.getResource()));
            Resource found = bundle.getEntry().stream()
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(res -> res.getIdElement().getIdPart().equals(Long.toString(VISIBLE.get(type))))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(type + " " + VISIBLE.get(type) + " not in the search"));
            assertNotNull(found.getMeta().getLastUpdated(), type + ": when it last changed");
            assertTrue(
                    found.getMeta().getSource().startsWith("https://directory.spineservices.nhs.uk/ORD/2-0-0/"),
                    type + ": " + found.getMeta().getSource());
            assertTrue(
                    found.getMeta()
                            .getProfile()
                            .get(0)
                            .getValue()
                            .startsWith("https://fhir.hl7.org.uk/StructureDefinition/UKCore-" + type),
                    type);
            HttpResponse<String> read = get(type + "/" + VISIBLE.get(type), gp(), GP_HART_PROFILE, null);
            assertEquals(200, read.statusCode(), read::body);
            Resource byId = (Resource) FHIR.newJsonParser().parseResource(read.body());
            served.add(byId);
            assertTrue(
                    found.equalsDeep(byId)
                            || FHIR.newJsonParser()
                                    .encodeResourceToString(found)
                                    .equals(FHIR.newJsonParser().encodeResourceToString(byId)),
                    type + ": the read answers what the search lists");
            if (SEALED.containsKey(type)) {
                assertTrue(
                        bundle.getEntry().stream()
                                .anyMatch(e -> e.getResource().getIdPart().equals(Long.toString(SEALED.get(type)))
                                        && "R"
                                                .equals(e.getResource()
                                                        .getMeta()
                                                        .getSecurityFirstRep()
                                                        .getCode())),
                        type + ": the sealed item is listed withheld");
            }
            assertFalse(r(bundle).contains("FHIRSEALED"), type + ": withheld content never leaves");
        }
        checkFields(served);

        StringBuilder report = new StringBuilder();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> warnings = new TreeMap<>();
        for (Resource resource : served) {
            for (SingleValidationMessage m : UkCoreValidator.messages(resource)) {
                String line = resource.fhirType() + "/" + resource.getIdPart() + " " + m.getSeverity() + " "
                        + m.getLocationString() + ": " + m.getMessage();
                if (UkCoreValidator.isError(m)) {
                    errors.add(line);
                } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
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
        Path out = Path.of(
                System.getProperty("icr.fhir.resources.validation.report", "target/fhir-resources-validation.txt"));
        Files.writeString(out, served.size() + " resources validated\n" + report);
        assertTrue(served.size() >= 2 * NEW_TYPES.size(), "resources to validate: " + served.size());
        assertEquals(List.of(), errors, "UK Core validation errors (all messages in " + out + ")");
        // and the validator finds errors in these types: an Encounter without its class and status
        Encounter broken = (Encounter) served.stream()
                .filter(x -> x instanceof Encounter)
                .findFirst()
                .orElseThrow()
                .copy();
        broken.setClass_(null);
        broken.setStatus(null);
        assertTrue(
                UkCoreValidator.messages(broken).stream().anyMatch(UkCoreValidator::isError),
                "the validator reports a missing class and status as errors");
    }

    /** What each new mapping carries from the seeded items. */
    private static void checkFields(List<Resource> served) {
        org.hl7.fhir.r4.model.Immunization immunization =
                (org.hl7.fhir.r4.model.Immunization) byId(served, "Immunization");
        assertEquals(
                "1324681000000101",
                immunization.getVaccineCode().getCodingFirstRep().getCode());
        assertEquals("completed", immunization.getStatus().toCode());
        assertEquals("FLU-LOT-42", immunization.getLotNumber());
        assertEquals("Left deltoid", immunization.getSite().getText());
        assertEquals(
                "Nurse Jones", immunization.getPerformerFirstRep().getActor().getDisplay());
        Procedure procedure = (Procedure) byId(served, "Procedure");
        assertEquals("80146002", procedure.getCode().getCodingFirstRep().getCode());
        assertEquals("completed", procedure.getStatus().toCode());
        assertEquals("Dr A Shah", procedure.getPerformerFirstRep().getActor().getDisplay());
        Encounter encounter = (Encounter) byId(served, "Encounter");
        assertEquals("IMP", encounter.getClass_().getCode());
        assertEquals("finished", encounter.getStatus().toCode());
        assertEquals("Ward 7", encounter.getLocationFirstRep().getLocation().getDisplay());
        Appointment appointment = (Appointment) byId(served, "Appointment");
        assertEquals("booked", appointment.getStatus().toCode());
        assertEquals(
                "Patient/" + personId,
                appointment.getParticipantFirstRep().getActor().getReference());
        ServiceRequest referral = (ServiceRequest) byId(served, "ServiceRequest");
        assertEquals("active", referral.getStatus().toCode());
        assertEquals("routine", referral.getPriority().toCode());
        assertEquals("Avon Vale Physiotherapy", referral.getPerformerFirstRep().getDisplay());
        Flag flag = (Flag) byId(served, "Flag");
        assertEquals("active", flag.getStatus().toCode());
        assertEquals("safety", flag.getCategoryFirstRep().getCodingFirstRep().getCode());
        EpisodeOfCare episode = (EpisodeOfCare) byId(served, "EpisodeOfCare");
        CareTeam team = (CareTeam) episode.getContained().get(0);
        assertEquals("Sam Evans", team.getParticipantFirstRep().getMember().getDisplay());
        assertEquals(
                "#" + team.getIdElement().getIdPart().replace("#", ""),
                episode.getTeamFirstRep().getReference());
        DocumentReference document = (DocumentReference) byId(served, "DocumentReference");
        assertEquals(
                "Binary/" + VISIBLE.get("DocumentReference"),
                document.getContentFirstRep().getAttachment().getUrl());
        assertEquals("Discharge summary", document.getType().getText());
        DiagnosticReport report = (DiagnosticReport) byId(served, "DiagnosticReport");
        assertEquals(
                List.of("Observation/" + reportResults[0], "Observation/" + reportResults[1]),
                report.getResult().stream()
                        .map(ref -> ref.getReference())
                        .sorted()
                        .toList());
        assertEquals("FBC-" + nhs, report.getIdentifierFirstRep().getValue());
        assertEquals("final", report.getStatus().toCode());
    }

    private static Resource byId(List<Resource> served, String type) {
        return served.stream()
                .filter(x -> x.fhirType().equals(type) && x.getIdPart().equals(Long.toString(VISIBLE.get(type))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type));
    }

    @Test
    void aReceptionistGetsNothingOfTheCategoriesTheRoleMayNotSee() throws Exception {
        String token = token("reception.wu", "Reception-demo-1");
        for (String type : NEW_TYPES) {
            if (type.equals("Appointment")) {
                continue; // a receptionist's own category
            }
            Bundle bundle = search(type, token, receptionProfile);
            assertEquals(0, bundle.getTotal(), type);
            assertTrue(bundle.getEntry().isEmpty(), type);
            HttpResponse<String> read = get(type + "/" + VISIBLE.get(type), token, receptionProfile, null);
            assertEquals(404, read.statusCode(), type + ": " + read.body());
            assertEquals(
                    "NOT_FOUND",
                    parse(read, OperationOutcome.class)
                            .getIssueFirstRep()
                            .getDetails()
                            .getCodingFirstRep()
                            .getCode());
        }
        Bundle appointments = search("Appointment", token, receptionProfile);
        assertTrue(
                appointments.getEntry().stream()
                        .anyMatch(e -> e.getResource().getIdPart().equals(Long.toString(VISIBLE.get("Appointment")))),
                "a receptionist reads appointments");
        HttpResponse<String> binary = get("Binary/" + VISIBLE.get("DocumentReference"), token, receptionProfile, null);
        assertEquals(404, binary.statusCode(), binary::body);
        assertFalse(binary.body().contains("FHIRLETTER"));
        assertTrue(TestEnvironment.count(
                        "select count(*) from audit_event where outcome = 'DENIED' and username = 'reception.wu'"
                                + " and person_id = ? and detail like 'FHIR read reports: CATEGORY_NOT_PERMITTED%'",
                        personId)
                >= 1);
    }

    @Test
    void aSocialWorkerReadsSocialCareButNotResultsOrDocuments() throws Exception {
        String token = token("social.evans", "Social-demo-1");
        Bundle episodes = search("EpisodeOfCare", token, socialProfile);
        EpisodeOfCare episode = episodes.getEntry().stream()
                .map(e -> (EpisodeOfCare) e.getResource())
                .filter(e -> e.getIdPart().equals(Long.toString(VISIBLE.get("EpisodeOfCare"))))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r(episodes)));
        assertEquals("active", episode.getStatus().toCode());
        for (String type : List.of("DiagnosticReport", "DocumentReference", "Procedure", "Appointment")) {
            assertEquals(0, search(type, token, socialProfile).getTotal(), type);
        }
    }

    @Test
    void aSealedDocumentsBinaryIsRefusedAndAudited() throws Exception {
        long sealed = SEALED.get("DocumentReference");
        search("DocumentReference", gp(), GP_HART_PROFILE); // the reason, declared
        String denied = "select count(*) from audit_event where outcome = 'DENIED' and username = 'gp.hart'"
                + " and person_id = ? and detail like ?";
        long before = TestEnvironment.count(denied, personId, "%document " + sealed + ": not in scope%");
        HttpResponse<String> r = get("Binary/" + sealed, gp(), GP_HART_PROFILE, null);
        assertEquals(404, r.statusCode(), r::body);
        assertFalse(r.body().contains("FHIRSEALED"), r.body());
        assertEquals(
                "NOT_FOUND",
                parse(r, OperationOutcome.class)
                        .getIssueFirstRep()
                        .getDetails()
                        .getCodingFirstRep()
                        .getCode());
        assertEquals(before + 1, TestEnvironment.count(denied, personId, "%document " + sealed + ": not in scope%"));
        DocumentReference withheld = (DocumentReference) FHIR.newJsonParser()
                .parseResource(get("DocumentReference/" + sealed, gp(), GP_HART_PROFILE, null)
                        .body());
        assertEquals("R", withheld.getMeta().getSecurityFirstRep().getCode());
        assertFalse(withheld.getContentFirstRep().getAttachment().hasUrl(), "no address for withheld content");
    }

    @Test
    void aVisibleDocumentsBinaryIsTheViewersContentAndIsAudited() throws Exception {
        long id = VISIBLE.get("DocumentReference");
        search("DocumentReference", gp(), GP_HART_PROFILE); // the reason, declared
        String opened = "select count(*) from audit_event where action = 'RECORD_VIEW' and username = 'gp.hart'"
                + " and person_id = ? and detail like ? and purpose_of_use = 'TREAT'";
        String like = "document " + id + " opened (text/plain)%";
        long before = TestEnvironment.count(opened, personId, like);
        HttpResponse<String> r = get("Binary/" + id, gp(), GP_HART_PROFILE, null);
        assertEquals(200, r.statusCode(), r::body);
        Binary binary = parse(r, Binary.class);
        assertEquals("text/plain", binary.getContentType());
        // the viewer serves a text document's stored bytes unchanged (DocumentServlet): the same bytes
        assertArrayEquals(LETTER.getBytes(StandardCharsets.UTF_8), binary.getData());
        assertEquals(before + 1, TestEnvironment.count(opened, personId, like));
        // asked for the raw content, it comes sandboxed as the viewer's
        HttpRequest raw = HttpRequest.newBuilder(TestEnvironment.baseUrl().resolve("fhir/Binary/" + id))
                .header("Accept", "text/plain")
                .header("Authorization", "Bearer " + gp())
                .header("NHSD-Session-URID", GP_HART_PROFILE)
                .GET()
                .build();
        HttpResponse<String> rawAnswer = HTTP.send(raw, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, rawAnswer.statusCode(), rawAnswer::body);
        assertTrue(
                rawAnswer
                        .headers()
                        .firstValue("Content-Security-Policy")
                        .orElse("")
                        .startsWith("sandbox"),
                rawAnswer.headers()::toString);
        assertEquals(
                "nosniff",
                rawAnswer.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    // ---- helpers (as FhirApiIT's)

    private static Bundle search(String type, String token, String profile) throws Exception {
        HttpResponse<String> r =
                get(type + "?patient=Patient/" + personId + "&_count=200", token, profile, "ONGOING_CARE");
        assertEquals(200, r.statusCode(), () -> type + ": " + r.body());
        return parse(r, Bundle.class);
    }

    private static String r(Bundle bundle) {
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    private static String token(String user, String password) {
        return TOKENS.computeIfAbsent(user, u -> FhirTokens.fetch(u, password));
    }

    private static String claimProfile(String user, String password) {
        return FhirTokens.firstProfile(token(user, password));
    }

    private static String gp() {
        return token("gp.hart", "Clinician-demo-1");
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

    private static <T extends IBaseResource> T parse(HttpResponse<String> r, Class<T> type) {
        return FHIR.newJsonParser().parseResource(type, r.body());
    }
}
