package org.openicr.web.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.patient.boundary.PatientSummary;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.web.fhir.mapping.AllergyMapping;
import org.openicr.web.fhir.mapping.ConditionMapping;
import org.openicr.web.fhir.mapping.Items;
import org.openicr.web.fhir.mapping.MedicationMapping;
import org.openicr.web.fhir.mapping.ObservationMapping;
import org.openicr.web.fhir.mapping.PatientMapping;

/** The pure mappings of the FHIR API (docs/fhir.md), as tables. */
class FhirMappingTest {

    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");

    private static ItemView item(Category category, String status, CodedConcept code, Map<ItemDetail, String> details) {
        return new ItemView(
                7,
                category,
                AT,
                null,
                status,
                "Title",
                code,
                "Free text",
                details,
                "Riverside Medical Practice",
                false);
    }

    private static ItemView withheld(Category category) {
        return new ItemView(8, category, AT, null, null, null, null, null, Map.of(), "Avon Vale Hospitals", true);
    }

    private static Map<ItemDetail, String> details(String... pairs) {
        Map<ItemDetail, String> map = new EnumMap<>(ItemDetail.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(ItemDetail.valueOf(pairs[i]), pairs[i + 1]);
        }
        return map;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "MALE, male",
        "FEMALE, female",
        "OTHER, other",
        "UNKNOWN, unknown",
        ", unknown",
    })
    void genders(String gender, String fhir) {
        assertEquals(AdministrativeGender.fromCode(fhir), PatientMapping.gender(gender));
    }

    @ParameterizedTest(name = "medication status {0} -> {1}")
    @CsvSource({
        "active, active",
        "Current, active",
        "stopped, stopped",
        "discontinued, stopped",
        "completed, completed",
        "on-hold, on-hold",
        "whatever, unknown",
        ", unknown",
    })
    void medicationStatuses(String status, String fhir) {
        assertEquals(
                fhir,
                MedicationMapping.status(item(Category.MEDICATIONS, status, null, Map.of())
                                .status())
                        .toCode());
    }

    @ParameterizedTest(name = "result status {0} -> {1}")
    @CsvSource({
        "final, final",
        "preliminary, preliminary",
        "corrected, amended",
        "cancelled, cancelled",
        ", final",
    })
    void resultStatuses(String status, String fhir) {
        assertEquals(fhir, ObservationMapping.status(status).toCode());
    }

    @ParameterizedTest(name = "value {0} -> {1}")
    @CsvSource({"5.4, 5.4", " 12 , 12", "<0.1, ", "positive, ", ", "})
    void numbers(String value, String number) {
        assertEquals(number == null ? null : new BigDecimal(number), Items.number(value));
    }

    @Test
    void aResultCarriesValueUnitRangeInterpretationAndSource() {
        Observation o = ObservationMapping.map(
                item(
                        Category.RESULTS,
                        "final",
                        new CodedConcept(CodeSystem.LOINC, "2823-3", "Potassium"),
                        details(
                                "VALUE",
                                "5.9",
                                "UNIT",
                                "mmol/L",
                                "REFERENCE_LOW",
                                "3.5",
                                "REFERENCE_HIGH",
                                "5.3",
                                "INTERPRETATION",
                                "h")),
                42);
        Quantity value = o.getValueQuantity();
        assertEquals(new BigDecimal("5.9"), value.getValue());
        assertEquals("mmol/L", value.getUnit());
        assertEquals(
                new BigDecimal("3.5"), o.getReferenceRangeFirstRep().getLow().getValue());
        assertEquals(
                new BigDecimal("5.3"), o.getReferenceRangeFirstRep().getHigh().getValue());
        assertEquals("H", o.getInterpretationFirstRep().getCodingFirstRep().getCode());
        assertEquals("http://loinc.org", o.getCode().getCodingFirstRep().getSystem());
        assertEquals("Patient/42", o.getSubject().getReference());
        assertEquals("Riverside Medical Practice", o.getPerformerFirstRep().getDisplay());
        assertEquals(
                "urn:openicr:organisation:Riverside+Medical+Practice",
                o.getMeta().getSource());
        assertEquals(
                "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Observation",
                o.getMeta().getProfile().get(0).getValue());
    }

    @Test
    void anItemCarriesWhenItLastChangedAndItsSourceByOdsCode() {
        Resource r = FhirMapping.item(item(Category.ALLERGIES, "active", null, Map.of()), 1, AT, "RX901");
        assertEquals(java.util.Date.from(AT), r.getMeta().getLastUpdated());
        assertEquals(
                "https://directory.spineservices.nhs.uk/ORD/2-0-0/organisations/RX901",
                r.getMeta().getSource());
        Resource unknown = FhirMapping.item(item(Category.ALLERGIES, "active", null, Map.of()), 1, null, null);
        assertNull(unknown.getMeta().getLastUpdated());
        assertEquals(
                "urn:openicr:organisation:Riverside+Medical+Practice",
                unknown.getMeta().getSource());
    }

    @Test
    void aResultThatIsNotANumberIsCarriedAsText() {
        Observation o = ObservationMapping.map(
                item(Category.RESULTS, "final", null, details("VALUE", "positive", "REFERENCE_TEXT", "negative")), 1);
        assertEquals("positive", o.getValueStringType().getValue());
        assertEquals("negative", o.getReferenceRangeFirstRep().getText());
        assertTrue(o.getInterpretation().isEmpty());
    }

    @Test
    void everyServedCategoryWithheldCarriesNoContentAndIsMarkedRestricted() {
        String json;
        for (Category category : FhirMapping.RESOURCE_TYPES.keySet()) {
            Resource resource = FhirMapping.item(withheld(category), 3);
            assertEquals(FhirMapping.RESOURCE_TYPES.get(category), resource.fhirType());
            json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(resource);
            assertTrue(json.contains("\"masked\""), json);
            assertTrue(json.contains("\"R\""), json);
            assertFalse(json.contains("Free text"), json);
            assertFalse(json.contains("\"note\""), json);
        }
    }

    @Test
    void anAllergyAndAConditionCarryCodeStatusAndNote() {
        AllergyIntolerance a = AllergyMapping.map(
                item(
                        Category.ALLERGIES,
                        "active",
                        new CodedConcept(CodeSystem.SNOMED_CT, "91936005", null),
                        details("REACTION", "Rash", "SEVERITY", "Moderate")),
                5);
        assertEquals("active", a.getClinicalStatus().getCodingFirstRep().getCode());
        assertEquals("Title", a.getCode().getCodingFirstRep().getDisplay());
        assertEquals("Rash", a.getReactionFirstRep().getManifestationFirstRep().getText());
        assertEquals(
                AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE,
                a.getReactionFirstRep().getSeverity());
        assertEquals("Free text", a.getNoteFirstRep().getText());
        Condition c = ConditionMapping.map(item(Category.PROBLEMS, "resolved", null, Map.of()), 5);
        assertEquals("resolved", c.getClinicalStatus().getCodingFirstRep().getCode());
        assertEquals("Title", c.getCode().getText());
        assertTrue(c.getCode().getCoding().isEmpty());
        MedicationStatement m = MedicationMapping.map(
                item(Category.MEDICATIONS, "active", null, details("DOSE", "One", "FREQUENCY", "daily")), 5);
        assertEquals("One, daily", m.getDosageFirstRep().getText());
    }

    private static PatientSummary person(boolean restricted) {
        return new PatientSummary(
                9,
                "999 000 0018",
                "Ms",
                "Fay Ann",
                "TEST",
                LocalDate.of(1961, 3, 4),
                65,
                "FEMALE",
                restricted ? List.of() : List.of("1 Road", "Bath"),
                restricted ? null : "BA1 1AA",
                restricted ? null : "01225 000000",
                restricted ? null : "Y90001",
                restricted ? null : "Riverside Medical Practice",
                restricted,
                true,
                false);
    }

    @Test
    void aPersonCarriesTheNhsNumberWithItsVerificationStatus() {
        Patient p = FhirMapping.patient(person(false));
        assertEquals("9990000018", p.getIdentifierFirstRep().getValue());
        assertEquals(FhirMapping.NHS_NUMBER_SYSTEM, p.getIdentifierFirstRep().getSystem());
        assertEquals(
                PatientMapping.VERIFICATION_EXTENSION,
                p.getIdentifierFirstRep().getExtensionFirstRep().getUrl());
        assertEquals(
                List.of("Fay", "Ann"),
                p.getNameFirstRep().getGiven().stream().map(g -> g.getValue()).toList());
        assertEquals("BA1 1AA", p.getAddressFirstRep().getPostalCode());
        assertEquals("01225 000000", p.getTelecomFirstRep().getValue());
        assertEquals(
                "Y90001", p.getGeneralPractitionerFirstRep().getIdentifier().getValue());
        assertTrue(p.getMeta().getSecurity().isEmpty());
    }

    @Test
    void aRestrictedPersonHasNoAddressTelecomOrPractice() {
        Patient p = FhirMapping.patient(person(true));
        assertTrue(p.getAddress().isEmpty());
        assertTrue(p.getTelecom().isEmpty());
        assertTrue(p.getGeneralPractitioner().isEmpty());
        assertEquals("R", p.getMeta().getSecurityFirstRep().getCode());
        assertNull(p.getDeceased());
    }
}
