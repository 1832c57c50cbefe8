package org.openicr.web.fhir;

import java.math.BigDecimal;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.openicr.patient.boundary.PatientSummary;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ItemDetail;

/**
 * The record as FHIR R4 resources profiled on UK Core (issue 20, docs/fhir.md): one mapping per
 * category, pure (the boundary's views in, HAPI's model out). What an item does not hold is left
 * out, never made up; a withheld (sealed) item carries nothing but its id, subject, dates and
 * source, its content marked masked (data-absent-reason), as the page shows it withheld.
 */
public final class FhirMapping {

    public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String VERIFICATION_EXTENSION =
            "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
    static final String VERIFICATION_SYSTEM =
            "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland";
    static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    static final String PROFILE_BASE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-";
    static final String INTERPRETATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String CONFIDENTIALITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    /** meta.source of an item: its source organisation's record in the NHS ODS directory (ORD API). */
    static final String ODS_SOURCE_PREFIX = "https://directory.spineservices.nhs.uk/ORD/2-0-0/organisations/";

    /** meta.source of an item whose source's ODS code is not known: the organisation by name. */
    static final String SOURCE_PREFIX = "urn:openicr:organisation:";

    private FhirMapping() {}

    /** The FHIR resource type of each category this slice serves. */
    public static final Map<Category, String> RESOURCE_TYPES = Map.of(
            Category.ALLERGIES, "AllergyIntolerance",
            Category.PROBLEMS, "Condition",
            Category.MEDICATIONS, "MedicationStatement",
            Category.RESULTS, "Observation");

    /**
     * A person as the search and the banner show them (the access decision's listing): a restricted
     * person without address, telephone and GP practice, marked restricted in meta.security.
     */
    public static Patient patient(PatientSummary p) {
        Patient patient = new Patient();
        patient.setId(Long.toString(p.personId()));
        patient.getMeta().addProfile(PROFILE_BASE + "Patient");
        Identifier nhs = patient.addIdentifier()
                .setSystem(NHS_NUMBER_SYSTEM)
                .setValue(p.nhsNumber().replace(" ", ""));
        // The record does not trace numbers against PDS itself: present, not traced by OpenICR.
        nhs.addExtension(new Extension(
                VERIFICATION_EXTENSION,
                new CodeableConcept(new Coding(VERIFICATION_SYSTEM, "02", "Number present but not traced"))));
        HumanName name = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.familyName());
        if (p.givenNames() != null) {
            for (String given : p.givenNames().strip().split("\\s+")) {
                name.addGiven(given);
            }
        }
        if (p.title() != null && !p.title().isBlank()) {
            name.addPrefix(p.title());
        }
        patient.setGender(gender(p.gender()));
        if (p.dateOfBirth() != null) {
            patient.setBirthDateElement(
                    new org.hl7.fhir.r4.model.DateType(p.dateOfBirth().toString()));
        }
        if (p.restricted()) {
            patient.getMeta().addSecurity(CONFIDENTIALITY_SYSTEM, "R", "restricted");
        } else {
            if (!p.addressLines().isEmpty() || p.postcode() != null) {
                org.hl7.fhir.r4.model.Address address =
                        patient.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME);
                p.addressLines().forEach(address::addLine);
                address.setPostalCode(p.postcode());
            }
            if (p.phone() != null && !p.phone().isBlank()) {
                patient.addTelecom()
                        .setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE)
                        .setValue(p.phone());
            }
            if (p.gpPracticeOds() != null && !p.gpPracticeOds().isBlank()) {
                patient.addGeneralPractitioner(new Reference()
                        .setIdentifier(new Identifier().setSystem(ODS_SYSTEM).setValue(p.gpPracticeOds()))
                        .setDisplay(p.gpPracticeName()));
            }
        }
        return patient;
    }

    static AdministrativeGender gender(String gender) {
        if (gender == null) {
            return AdministrativeGender.UNKNOWN;
        }
        return switch (gender) {
            case "MALE" -> AdministrativeGender.MALE;
            case "FEMALE" -> AdministrativeGender.FEMALE;
            case "OTHER" -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        };
    }

    /**
     * An item of a served category as its resource, with {@code meta.lastUpdated} and its source's
     * ODS code in {@code meta.source} (either may be null: left out).
     */
    public static Resource item(ItemView item, long patientId, java.time.Instant lastUpdated, String sourceOds) {
        Resource resource = item(item, patientId);
        if (lastUpdated != null) {
            resource.getMeta().setLastUpdated(Date.from(lastUpdated));
        }
        if (sourceOds != null && !sourceOds.isBlank()) {
            resource.getMeta().setSource(ODS_SOURCE_PREFIX + sourceOds);
        }
        return resource;
    }

    /** An item of a served category as its resource; {@code patientId} is the subject's id. */
    public static Resource item(ItemView item, long patientId) {
        return switch (item.category()) {
            case ALLERGIES -> allergy(item, patientId);
            case PROBLEMS -> condition(item, patientId);
            case MEDICATIONS -> medicationStatement(item, patientId);
            case RESULTS -> observation(item, patientId);
            default -> throw new IllegalArgumentException("Not served as FHIR: " + item.category());
        };
    }

    static AllergyIntolerance allergy(ItemView item, long patientId) {
        AllergyIntolerance allergy = new AllergyIntolerance();
        common(allergy, item, "AllergyIntolerance");
        allergy.setPatient(subject(patientId));
        allergy.setCode(code(item));
        if (item.withheld()) {
            return allergy;
        }
        String status = lower(item.status());
        if ("resolved".equals(status) || "inactive".equals(status)) {
            allergy.setClinicalStatus(new CodeableConcept(
                    new Coding("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", status, null)));
        } else if ("active".equals(status)) {
            allergy.setClinicalStatus(new CodeableConcept(new Coding(
                    "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active")));
        }
        if (item.effectiveAt() != null) {
            allergy.setOnset(new DateTimeType(Date.from(item.effectiveAt())));
        }
        String reaction = item.detail(ItemDetail.REACTION);
        String severity = lower(item.detail(ItemDetail.SEVERITY));
        if (reaction != null || severity != null) {
            AllergyIntolerance.AllergyIntoleranceReactionComponent r = allergy.addReaction();
            r.addManifestation(new CodeableConcept().setText(reaction == null ? "Not recorded" : reaction));
            if ("mild".equals(severity) || "moderate".equals(severity) || "severe".equals(severity)) {
                r.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.fromCode(severity));
            }
        }
        if (item.text() != null && !item.text().isBlank()) {
            allergy.addNote().setText(item.text());
        }
        return allergy;
    }

    static Condition condition(ItemView item, long patientId) {
        Condition condition = new Condition();
        common(condition, item, "Condition");
        condition.setSubject(subject(patientId));
        condition.setCode(code(item));
        if (item.withheld()) {
            return condition;
        }
        condition.addCategory(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item")));
        String status = lower(item.status());
        if (status != null
                && java.util.Set.of("active", "recurrence", "relapse", "inactive", "remission", "resolved")
                        .contains(status)) {
            condition.setClinicalStatus(new CodeableConcept(
                    new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", status, null)));
        }
        if (item.effectiveAt() != null) {
            condition.setOnset(new DateTimeType(Date.from(item.effectiveAt())));
        }
        if (item.effectiveEnd() != null) {
            condition.setAbatement(new DateTimeType(Date.from(item.effectiveEnd())));
        }
        if (item.text() != null && !item.text().isBlank()) {
            condition.addNote().setText(item.text());
        }
        return condition;
    }

    static MedicationStatement medicationStatement(ItemView item, long patientId) {
        MedicationStatement statement = new MedicationStatement();
        common(statement, item, "MedicationStatement");
        statement.setSubject(subject(patientId));
        statement.setMedication(code(item));
        statement.setStatus(
                item.withheld() ? MedicationStatement.MedicationStatementStatus.UNKNOWN : medicationStatus(item));
        if (item.withheld()) {
            return statement;
        }
        if (item.effectiveAt() != null || item.effectiveEnd() != null) {
            Period period = new Period();
            if (item.effectiveAt() != null) {
                period.setStart(Date.from(item.effectiveAt()));
            }
            if (item.effectiveEnd() != null) {
                period.setEnd(Date.from(item.effectiveEnd()));
            }
            statement.setEffective(period);
        }
        String dose = join(item.detail(ItemDetail.DOSE), item.detail(ItemDetail.FREQUENCY));
        if (dose != null || item.detail(ItemDetail.ROUTE) != null) {
            org.hl7.fhir.r4.model.Dosage dosage = statement.addDosage().setText(dose);
            if (item.detail(ItemDetail.ROUTE) != null) {
                dosage.setRoute(new CodeableConcept().setText(item.detail(ItemDetail.ROUTE)));
            }
        }
        statement.setInformationSource(organisation(item.sourceOrganisation()));
        if (item.text() != null && !item.text().isBlank()) {
            statement.addNote().setText(item.text());
        }
        return statement;
    }

    static MedicationStatement.MedicationStatementStatus medicationStatus(ItemView item) {
        String status = lower(item.status());
        if (status == null) {
            return MedicationStatement.MedicationStatementStatus.UNKNOWN;
        }
        return switch (status) {
            case "active", "current" -> MedicationStatement.MedicationStatementStatus.ACTIVE;
            case "stopped", "discontinued" -> MedicationStatement.MedicationStatementStatus.STOPPED;
            case "completed", "ended", "past" -> MedicationStatement.MedicationStatementStatus.COMPLETED;
            case "on-hold", "suspended" -> MedicationStatement.MedicationStatementStatus.ONHOLD;
            default -> MedicationStatement.MedicationStatementStatus.UNKNOWN;
        };
    }

    static Observation observation(ItemView item, long patientId) {
        Observation observation = new Observation();
        common(observation, item, "Observation");
        observation.setSubject(subject(patientId));
        observation.setCode(code(item));
        if (item.withheld()) {
            observation.setStatus(Observation.ObservationStatus.UNKNOWN);
            return observation;
        }
        observation.setStatus(observationStatus(item.status()));
        observation.addCategory(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")));
        if (item.effectiveAt() != null) {
            observation.setEffective(new DateTimeType(Date.from(item.effectiveAt())));
        }
        String value = item.detail(ItemDetail.VALUE);
        String unit = item.detail(ItemDetail.UNIT);
        BigDecimal number = number(value);
        if (number != null) {
            Quantity quantity = new Quantity().setValue(number);
            if (unit != null) {
                quantity.setUnit(unit);
            }
            observation.setValue(quantity);
        } else if (value != null) {
            observation.setValue(new StringType(unit == null ? value : value + " " + unit));
        }
        BigDecimal low = number(item.detail(ItemDetail.REFERENCE_LOW));
        BigDecimal high = number(item.detail(ItemDetail.REFERENCE_HIGH));
        String rangeText = item.detail(ItemDetail.REFERENCE_TEXT);
        if (low != null || high != null || rangeText != null) {
            Observation.ObservationReferenceRangeComponent range = observation.addReferenceRange();
            if (low != null) {
                range.setLow(simple(low, unit));
            }
            if (high != null) {
                range.setHigh(simple(high, unit));
            }
            range.setText(rangeText);
        }
        String flag = item.detail(ItemDetail.INTERPRETATION);
        if (flag != null && INTERPRETATIONS.containsKey(flag.strip().toUpperCase(Locale.ROOT))) {
            String code = flag.strip().toUpperCase(Locale.ROOT);
            observation.addInterpretation(
                    new CodeableConcept(new Coding(INTERPRETATION_SYSTEM, code, INTERPRETATIONS.get(code))));
        }
        observation.addPerformer(organisation(item.sourceOrganisation()));
        if (item.text() != null && !item.text().isBlank()) {
            observation.addNote().setText(item.text());
        }
        return observation;
    }

    /** HL7 OBX-8 flags as the record holds them, with v3-ObservationInterpretation's display. */
    static final Map<String, String> INTERPRETATIONS = Map.of(
            "H", "High", "L", "Low", "HH", "Critical high", "LL", "Critical low", "A", "Abnormal", "N", "Normal");

    static Observation.ObservationStatus observationStatus(String status) {
        String s = lower(status);
        if (s == null) {
            return Observation.ObservationStatus.FINAL;
        }
        return switch (s) {
            case "preliminary", "partial" -> Observation.ObservationStatus.PRELIMINARY;
            case "amended", "corrected" -> Observation.ObservationStatus.AMENDED;
            case "cancelled" -> Observation.ObservationStatus.CANCELLED;
            case "registered" -> Observation.ObservationStatus.REGISTERED;
            default -> Observation.ObservationStatus.FINAL;
        };
    }

    private static void common(DomainResource resource, ItemView item, String profile) {
        resource.setId(Long.toString(item.id()));
        resource.getMeta().addProfile(PROFILE_BASE + profile);
        if (item.sourceOrganisation() != null) {
            resource.getMeta()
                    .setSource(SOURCE_PREFIX
                            + java.net.URLEncoder.encode(
                                    item.sourceOrganisation(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (item.withheld()) {
            resource.getMeta().addSecurity(CONFIDENTIALITY_SYSTEM, "R", "restricted");
        }
    }

    /** The item's code; a withheld item's is masked, a text-only item's is its title as text. */
    static CodeableConcept code(ItemView item) {
        CodeableConcept concept = new CodeableConcept();
        if (item.withheld()) {
            concept.addExtension(new Extension(DATA_ABSENT_REASON, new org.hl7.fhir.r4.model.CodeType("masked")));
            return concept;
        }
        CodedConcept code = item.code();
        if (code != null) {
            concept.addCoding(new Coding(
                    code.system().uri(), code.code(), code.display() == null ? item.title() : code.display()));
        }
        concept.setText(item.title());
        return concept;
    }

    private static Reference subject(long patientId) {
        return new Reference("Patient/" + patientId);
    }

    private static Reference organisation(String name) {
        return name == null ? null : new Reference().setType("Organization").setDisplay(name);
    }

    static BigDecimal number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static org.hl7.fhir.r4.model.SimpleQuantity simple(BigDecimal value, String unit) {
        org.hl7.fhir.r4.model.SimpleQuantity quantity = new org.hl7.fhir.r4.model.SimpleQuantity();
        quantity.setValue(value);
        if (unit != null) {
            quantity.setUnit(unit);
        }
        return quantity;
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + ", " + b;
    }
}
