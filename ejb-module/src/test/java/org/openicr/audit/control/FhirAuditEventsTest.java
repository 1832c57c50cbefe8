package org.openicr.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** The hand-written AuditEvent JSON is parsed by HAPI FHIR R4 in strict mode: unknown or misplaced elements fail. */
class FhirAuditEventsTest {

    private static final IParser STRICT =
            FhirContext.forR4().newJsonParser().setParserErrorHandler(new StrictErrorHandler());

    private static AuditEvent parse(FhirAuditEvents.Row row) {
        StringWriter json = new StringWriter();
        try (JsonGenerator g = Json.createGenerator(json)) {
            FhirAuditEvents.write(g, row);
        }
        return STRICT.parseResource(AuditEvent.class, json.toString());
    }

    @Test
    void aRecordViewIsABalpPatientReadWithPurposeOfUseRoleAndOrganisation() {
        AuditEvent e = parse(new FhirAuditEvents.Row(
                42,
                Instant.parse("2026-07-15T09:00:00Z"),
                "RECORD_VIEW",
                "SUCCESS",
                "gp.hart",
                "R8000",
                "Y90001",
                "9434765919",
                "ETREAT BTG",
                "summary: 12 item(s) in 5 categories; reason VITAL_INTERESTS"));
        assertEquals(
                FhirAuditEvents.BALP + "IHE.BasicAudit.PatientRead",
                e.getMeta().getProfile().get(0).getValue());
        assertEquals("rest", e.getType().getCode());
        assertEquals("read", e.getSubtypeFirstRep().getCode());
        assertEquals(AuditEvent.AuditEventAction.R, e.getAction());
        assertEquals(AuditEvent.AuditEventOutcome._0, e.getOutcome());
        assertEquals(Instant.parse("2026-07-15T09:00:00Z"), e.getRecorded().toInstant());
        assertEquals(
                List.of("ETREAT", "BTG"),
                e.getPurposeOfEvent().stream()
                        .map(c -> c.getCodingFirstRep().getCode())
                        .toList());
        assertEquals(
                FhirAuditEvents.ACT_REASON,
                e.getPurposeOfEventFirstRep().getCodingFirstRep().getSystem());
        AuditEvent.AuditEventAgentComponent user = e.getAgent().get(0);
        assertTrue(user.getRequestor());
        assertEquals("gp.hart", user.getWho().getIdentifier().getValue());
        assertEquals("R8000", user.getRoleFirstRep().getCodingFirstRep().getCode());
        assertEquals(
                "ETREAT", user.getPurposeOfUseFirstRep().getCodingFirstRep().getCode());
        AuditEvent.AuditEventAgentComponent organisation = e.getAgent().get(1);
        assertEquals(FhirAuditEvents.ODS, organisation.getWho().getIdentifier().getSystem());
        assertEquals("Y90001", organisation.getWho().getIdentifier().getValue());
        assertEquals("OpenICR", e.getSource().getObserver().getDisplay());
        AuditEvent.AuditEventEntityComponent patient = e.getEntityFirstRep();
        assertEquals(
                FhirAuditEvents.NHS_NUMBER, patient.getWhat().getIdentifier().getSystem());
        assertEquals("9434765919", patient.getWhat().getIdentifier().getValue());
        assertEquals("1", patient.getRole().getCode());
    }

    @Test
    void aSearchIsABalpQueryAndADenialHasAMinorFailureOutcome() {
        AuditEvent search = parse(new FhirAuditEvents.Row(
                43,
                Instant.now(),
                "PATIENT_SEARCH",
                "DENIED",
                "reception.wu",
                "R8009",
                "Y90001",
                null,
                null,
                "by NHS Number: NOT_PERMITTED"));
        assertEquals(
                FhirAuditEvents.BALP + "IHE.BasicAudit.Query",
                search.getMeta().getProfile().get(0).getValue());
        assertEquals("search-type", search.getSubtypeFirstRep().getCode());
        assertEquals(AuditEvent.AuditEventAction.E, search.getAction());
        assertEquals(AuditEvent.AuditEventOutcome._4, search.getOutcome());
        assertEquals("by NHS Number: NOT_PERMITTED", search.getOutcomeDesc());
        assertEquals("24", search.getEntityFirstRep().getRole().getCode());
        assertEquals(
                "by NHS Number: NOT_PERMITTED",
                new String(search.getEntityFirstRep().getQuery()));
    }

    @Test
    void signInFailureIsUserAuthenticationAndAChangeIsAnUpdate() {
        AuditEvent login = parse(new FhirAuditEvents.Row(
                44, Instant.now(), "LOGIN_FAILURE", "DENIED", "nobody", null, null, null, null, "unknown account"));
        assertEquals("110114", login.getType().getCode());
        assertEquals("110122", login.getSubtypeFirstRep().getCode());
        assertEquals(1, login.getAgent().stream().filter(a -> a.getRequestor()).count());
        assertFalse(login.hasPurposeOfEvent());
        AuditEvent change = parse(new FhirAuditEvents.Row(
                45,
                Instant.now(),
                "ALERT_SETTINGS_CHANGED",
                "SUCCESS",
                "privacy.shaw",
                null,
                null,
                null,
                null,
                "before: x | after: y"));
        assertEquals(AuditEvent.AuditEventAction.U, change.getAction());
        assertEquals("ALERT_SETTINGS_CHANGED", change.getSubtype().get(0).getCode());
    }

    @Test
    void aBundleOfEventsParses() {
        StringWriter json = new StringWriter();
        try (JsonGenerator g = Json.createGenerator(json)) {
            g.writeStartObject()
                    .write("resourceType", "Bundle")
                    .write("type", "collection")
                    .writeStartArray("entry");
            for (long id = 1; id <= 3; id++) {
                g.writeStartObject()
                        .write("fullUrl", "urn:uuid:" + FhirAuditEvents.uuid(id))
                        .writeKey("resource");
                FhirAuditEvents.write(
                        g,
                        new FhirAuditEvents.Row(
                                id, Instant.now(), "LOGOUT", "SUCCESS", "gp.hart", null, null, null, null, null));
                g.writeEnd();
            }
            g.writeEnd().writeEnd();
        }
        Bundle bundle = STRICT.parseResource(Bundle.class, json.toString());
        assertEquals(3, bundle.getEntry().size());
        assertEquals(
                "110123",
                ((AuditEvent) bundle.getEntry().get(2).getResource())
                        .getSubtypeFirstRep()
                        .getCode());
    }
}
