package org.openicr.web.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.record.boundary.ItemView;
import org.openicr.record.boundary.ResultReport;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.web.fhir.mapping.AppointmentMapping;
import org.openicr.web.fhir.mapping.DiagnosticReportMapping;
import org.openicr.web.fhir.mapping.DocumentReferenceMapping;
import org.openicr.web.fhir.mapping.EncounterMapping;
import org.openicr.web.fhir.mapping.EpisodeOfCareMapping;
import org.openicr.web.fhir.mapping.FlagMapping;
import org.openicr.web.fhir.mapping.ImmunizationMapping;
import org.openicr.web.fhir.mapping.ProcedureMapping;
import org.openicr.web.fhir.mapping.ServiceRequestMapping;

/** The second slice's pure mappings (docs/fhir.md, "Mapping per category"), as tables. */
class FhirResourceMappingTest {

    private static final Instant AT = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant END = Instant.parse("2026-02-03T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static ItemView item(
            long id, Category category, Instant end, String status, CodedConcept code, String... pairs) {
        Map<ItemDetail, String> details = new EnumMap<>(ItemDetail.class);
        for (int i = 0; i < pairs.length; i += 2) {
            details.put(ItemDetail.valueOf(pairs[i]), pairs[i + 1]);
        }
        return new ItemView(
                id, category, AT, end, status, "Title", code, "Free text", details, "Avon Vale Hospitals", false);
    }

    private static ItemView item(Category category, String status, String... pairs) {
        return item(7, category, null, status, null, pairs);
    }

    @ParameterizedTest(name = "procedure {0} -> {1}")
    @CsvSource({
        "completed, completed",
        "Done, completed",
        "in-progress, in-progress",
        "cancelled, not-done",
        "not-done, not-done",
        "stopped, stopped",
        "on-hold, on-hold",
        "planned, preparation",
        "whatever, unknown",
        ", unknown",
    })
    void procedureStatuses(String status, String fhir) {
        assertEquals(fhir, ProcedureMapping.status(status).toCode());
    }

    @ParameterizedTest(name = "encounter {0} -> {1}")
    @CsvSource({
        "finished, finished",
        "discharged, finished",
        "in-progress, in-progress",
        "admitted, in-progress",
        "planned, planned",
        "arrived, arrived",
        "cancelled, cancelled",
        "whatever, unknown",
        ", unknown",
    })
    void encounterStatuses(String status, String fhir) {
        assertEquals(fhir, EncounterMapping.status(status).toCode());
    }

    @ParameterizedTest(name = "encounter class {0} -> {1}")
    @CsvSource({
        "inpatient, IMP",
        "Outpatient, AMB",
        "emergency, EMER",
        "pre-admission, PRENC",
        "home, HH",
        "virtual, VR",
        "discharge, ",
        "recurring, ",
        ",",
    })
    void encounterClasses(String encounterClass, String code) {
        org.hl7.fhir.r4.model.Coding coding = EncounterMapping.encounterClass(encounterClass);
        assertEquals(code, coding.getCode());
        if (code == null) {
            assertEquals(
                    "unknown",
                    ((org.hl7.fhir.r4.model.CodeType)
                                    coding.getExtensionFirstRep().getValue())
                            .getValue());
        }
    }

    @ParameterizedTest(name = "appointment {0} -> {1}")
    @CsvSource({
        "booked, booked",
        "in progress, arrived",
        "completed, fulfilled",
        "cancelled, cancelled",
        "discontinued, cancelled",
        "did not attend, noshow",
        "pending, pending",
        "whatever, ",
        ",",
    })
    void appointmentStatuses(String status, String fhir) {
        Appointment.AppointmentStatus mapped = AppointmentMapping.status(status);
        assertEquals(fhir, mapped == null ? null : mapped.toCode());
    }

    @ParameterizedTest(name = "referral {0} -> {1}")
    @CsvSource({
        "pending, active",
        "accepted, active",
        "rejected, revoked",
        "expired, revoked",
        "cancelled, revoked",
        "completed, completed",
        "whatever, unknown",
        ", unknown",
    })
    void referralStatuses(String status, String fhir) {
        assertEquals(fhir, ServiceRequestMapping.status(status).toCode());
    }

    @ParameterizedTest(name = "priority {0} -> {1}")
    @CsvSource({
        "routine, routine",
        "urgent, urgent",
        "as soon as possible, asap",
        "immediate, stat",
        "callback, ",
        ",",
    })
    void referralPriorities(String priority, String fhir) {
        ServiceRequest.ServiceRequestPriority mapped = ServiceRequestMapping.priority(priority);
        assertEquals(fhir, mapped == null ? null : mapped.toCode());
    }

    @ParameterizedTest(name = "flag {0} -> {1}")
    @CsvSource({"active, active", ", active", "resolved, inactive", "closed, inactive", "whatever, active"})
    void flagStatuses(String status, String fhir) {
        assertEquals(fhir, FlagMapping.status(status).toCode());
    }

    @ParameterizedTest(name = "episode {0}, ended {1} -> {2}")
    @CsvSource({
        "open, false, active",
        "closed, false, finished",
        "waiting, false, waitlist",
        "cancelled, false, cancelled",
        ", false, active",
        ", true, finished",
        "whatever, true, finished",
    })
    void episodeStatuses(String status, boolean ended, String fhir) {
        ItemView item = item(7, Category.SOCIAL_CARE, ended ? END : null, status, null);
        assertEquals(fhir, EpisodeOfCareMapping.status(item, NOW).toCode());
    }

    @Test
    void aProcedureCarriesCodePerformerLocationAndNote() {
        Procedure p = ProcedureMapping.map(
                item(
                        7,
                        Category.PROCEDURES,
                        null,
                        "completed",
                        new CodedConcept(CodeSystem.SNOMED_CT, "80146002", null),
                        "CLINICIAN",
                        "Dr A Shah",
                        "LOCATION",
                        "Theatre 2"),
                3);
        assertEquals("80146002", p.getCode().getCodingFirstRep().getCode());
        assertEquals("Dr A Shah", p.getPerformerFirstRep().getActor().getDisplay());
        assertEquals("Theatre 2", p.getLocation().getDisplay());
        assertEquals("Free text", p.getNoteFirstRep().getText());
        assertEquals(java.util.Date.from(AT), p.getPerformedDateTimeType().getValue());
        assertEquals("Patient/3", p.getSubject().getReference());
    }

    @Test
    void anEncounterCarriesClassPeriodPlaceAndClinician() {
        Encounter e = EncounterMapping.map(
                item(
                        7,
                        Category.ENCOUNTERS,
                        END,
                        "finished",
                        null,
                        "ENCOUNTER_CLASS",
                        "inpatient",
                        "LOCATION",
                        "Ward 7",
                        "CLINICIAN",
                        "Dr B Osei",
                        "SPECIALTY",
                        "General surgery"),
                3);
        assertEquals("IMP", e.getClass_().getCode());
        assertEquals(java.util.Date.from(END), e.getPeriod().getEnd());
        assertEquals("Ward 7", e.getLocationFirstRep().getLocation().getDisplay());
        assertEquals("Dr B Osei", e.getParticipantFirstRep().getIndividual().getDisplay());
        assertEquals("General surgery", e.getServiceType().getText());
        assertEquals("Title", e.getTypeFirstRep().getText());
    }

    @Test
    void anAppointmentWithoutAnEndEndsWhenItStartsAndHasThePatientAsParticipant() {
        Appointment a = AppointmentMapping.map(item(Category.APPOINTMENTS, "booked", "LOCATION", "Room 1"), 3);
        assertEquals(a.getStart(), a.getEnd());
        assertEquals("Patient/3", a.getParticipantFirstRep().getActor().getReference());
        assertEquals("Room 1", a.getParticipant().get(1).getActor().getDisplay());
        assertEquals("Free text", a.getComment());
        Appointment unknown = AppointmentMapping.map(item(Category.APPOINTMENTS, "whatever"), 3);
        assertEquals(Appointment.AppointmentStatus.BOOKED, unknown.getStatus());
        Appointment withheld = AppointmentMapping.map(
                new ItemView(8, Category.APPOINTMENTS, AT, null, null, null, null, null, Map.of(), null, true), 3);
        assertEquals(Appointment.AppointmentStatus.PROPOSED, withheld.getStatus());
        assertNull(withheld.getStart());
        assertEquals(
                "needs-action", withheld.getParticipantFirstRep().getStatus().toCode());
    }

    @Test
    void aReferralCarriesWhoReferredToWhomAndPriority() {
        ServiceRequest s = ServiceRequestMapping.map(
                item(
                        Category.REFERRALS,
                        "pending",
                        "REFERRED_BY",
                        "Dr H Hart",
                        "REFERRED_TO",
                        "Physiotherapy",
                        "PRIORITY",
                        "urgent"),
                3);
        assertEquals("order", s.getIntent().toCode());
        assertEquals("Dr H Hart", s.getRequester().getDisplay());
        assertEquals("Physiotherapy", s.getPerformerFirstRep().getDisplay());
        assertEquals("urgent", s.getPriority().toCode());
        assertEquals("Free text", s.getNoteFirstRep().getText());
    }

    @Test
    void aSafeguardingAlertIsASafetyFlag() {
        Flag f = FlagMapping.map(item(Category.SAFEGUARDING, null), 3);
        assertEquals("safety", f.getCategoryFirstRep().getCodingFirstRep().getCode());
        assertEquals("active", f.getStatus().toCode());
        assertEquals("Title", f.getCode().getText());
        assertEquals("Avon Vale Hospitals", f.getAuthor().getDisplay());
    }

    @Test
    void socialCareCarriesTheAllocatedWorkerInAContainedCareTeam() {
        EpisodeOfCare e = EpisodeOfCareMapping.map(
                item(
                        Category.SOCIAL_CARE,
                        "open",
                        "ALLOCATED_WORKER",
                        "Sam Evans",
                        "TEAM",
                        "Adult team",
                        "CONTACT_PHONE",
                        "01179 000000"),
                3,
                NOW);
        CareTeam team = (CareTeam) e.getContained().get(0);
        assertEquals("Sam Evans", team.getParticipantFirstRep().getMember().getDisplay());
        assertEquals("Adult team", team.getName());
        assertEquals("01179 000000", team.getTelecomFirstRep().getValue());
        assertEquals("#careteam", e.getTeamFirstRep().getReference());
        EpisodeOfCare none = EpisodeOfCareMapping.map(item(Category.SOCIAL_CARE, "open"), 3, NOW);
        assertTrue(none.getContained().isEmpty());
        assertTrue(none.getTeam().isEmpty());
    }

    @Test
    void aDocumentPointsAtItsBinary() {
        DocumentReference d = DocumentReferenceMapping.map(
                item(Category.DOCUMENTS, null, "AUTHOR", "Dr B Osei", "DOCUMENT_TYPE", "Discharge summary"), 3);
        assertEquals("Binary/7", d.getContentFirstRep().getAttachment().getUrl());
        assertEquals("Discharge summary", d.getType().getText());
        assertEquals("Dr B Osei", d.getAuthorFirstRep().getDisplay());
        assertEquals("current", d.getStatus().toCode());
    }

    @Test
    void everyNewCategoryWithheldCarriesNoContentAndIsMarkedRestricted() {
        for (Category category : List.of(
                Category.PROCEDURES,
                Category.ENCOUNTERS,
                Category.APPOINTMENTS,
                Category.REFERRALS,
                Category.SAFEGUARDING,
                Category.SOCIAL_CARE,
                Category.DOCUMENTS,
                Category.IMMUNISATIONS)) {
            ItemView withheld =
                    new ItemView(8, category, AT, null, null, null, null, null, Map.of(), "Avon Vale Hospitals", true);
            String json =
                    FhirContext.forR4Cached().newJsonParser().encodeResourceToString(FhirMapping.item(withheld, 3));
            assertTrue(json.contains("\"masked\""), json);
            assertTrue(json.contains("\"R\""), json);
            assertFalse(json.contains("Binary/"), json);
            assertFalse(json.contains("2026-02-01"), category + ": no dates of withheld content: " + json);
        }
    }

    @Test
    void resultsOfOneReportAreOneDiagnosticReport() {
        ItemView hb = item(12, Category.RESULTS, null, "final", null, "REPORT_KEY", "FBC-1");
        ItemView wcc = item(11, Category.RESULTS, null, "preliminary", null, "REPORT_KEY", "FBC-1");
        ItemView alone = item(10, Category.RESULTS, null, "final", null);
        ItemView other = item(9, Category.RESULTS, null, "final", null, "REPORT_KEY", "U&E-1");
        List<ResultReport> reports = ResultReport.group(List.of(hb, wcc, alone, other));
        assertEquals(2, reports.size());
        DiagnosticReport d =
                DiagnosticReportMapping.map(reports.get(0), 3, Map.of(12L, AT, 11L, END), Map.of(12L, "RX901"));
        assertEquals("11", d.getIdPart());
        assertEquals("FBC-1", d.getIdentifierFirstRep().getValue());
        assertEquals(
                List.of("Observation/12", "Observation/11"),
                d.getResult().stream().map(r -> r.getReference()).toList());
        assertEquals("preliminary", d.getStatus().toCode());
        assertEquals(java.util.Date.from(END), d.getMeta().getLastUpdated());
        assertEquals(
                "https://directory.spineservices.nhs.uk/ORD/2-0-0/organisations/RX901",
                d.getMeta().getSource());
        assertEquals("Title", d.getCode().getText());
        assertEquals(
                "9",
                DiagnosticReportMapping.map(reports.get(1), 3, Map.of(), Map.of())
                        .getIdPart());
    }

    @ParameterizedTest(name = "immunisation {0} -> {1}, subpotent {2}, reason {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "completed, completed, false, -",
                "partially given, completed, true, -",
                "refused, not-done, false, Refused",
                "not given, not-done, false, -",
                "entered-in-error, entered-in-error, false, -",
                "-, completed, false, -",
            })
    void immunisationStatuses(String status, String expected, boolean subpotent, String reason) {
        Immunization immunization = ImmunizationMapping.map(
                item(7, Category.IMMUNISATIONS, null, status, null, "LOT_NUMBER", "L1", "SITE", "Left arm"), 3);
        assertEquals(expected, immunization.getStatus().toCode());
        assertEquals(subpotent, immunization.getIsSubpotent());
        assertEquals(
                reason,
                immunization.hasStatusReason() ? immunization.getStatusReason().getText() : null);
        assertEquals("L1", immunization.getLotNumber());
        assertEquals("Left arm", immunization.getSite().getText());
        assertEquals("Patient/3", immunization.getPatient().getReference());
        assertTrue(immunization.getOccurrenceDateTimeType().hasValue());
    }

    @Test
    void anUndatedImmunisationHasItsOccurrenceMarkedUnknown() {
        ItemView undated = new ItemView(
                9, Category.IMMUNISATIONS, null, null, "completed", "Flu", null, null, Map.of(), "GP", false);
        Immunization immunization = ImmunizationMapping.map(undated, 3);
        assertFalse(immunization.getOccurrenceDateTimeType().hasValue());
        assertEquals(
                "unknown",
                immunization
                        .getOccurrenceDateTimeType()
                        .getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/data-absent-reason")
                        .getValue()
                        .primitiveValue());
    }
}
