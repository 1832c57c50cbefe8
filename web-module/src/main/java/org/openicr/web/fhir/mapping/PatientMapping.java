package org.openicr.web.fhir.mapping;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.openicr.patient.boundary.PatientSummary;

/** A person as UKCore-Patient (docs/fhir.md). */
public final class PatientMapping {

    public static final String VERIFICATION_EXTENSION =
            "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
    public static final String VERIFICATION_SYSTEM =
            "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland";

    private PatientMapping() {}

    /**
     * A person as the search and the banner show them (the access decision's listing): a restricted
     * person without address, telephone and GP practice, marked restricted in meta.security.
     */
    public static Patient map(PatientSummary p) {
        Patient patient = new Patient();
        patient.setId(Long.toString(p.personId()));
        patient.getMeta().addProfile(Items.PROFILE_BASE + "Patient");
        Identifier nhs = patient.addIdentifier()
                .setSystem(Items.NHS_NUMBER_SYSTEM)
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
            patient.setBirthDateElement(new DateType(p.dateOfBirth().toString()));
        }
        if (p.restricted()) {
            patient.getMeta().addSecurity(Items.CONFIDENTIALITY_SYSTEM, "R", "restricted");
        } else {
            if (!p.addressLines().isEmpty() || p.postcode() != null) {
                Address address = patient.addAddress().setUse(Address.AddressUse.HOME);
                p.addressLines().forEach(address::addLine);
                address.setPostalCode(p.postcode());
            }
            if (p.phone() != null && !p.phone().isBlank()) {
                patient.addTelecom()
                        .setSystem(ContactPoint.ContactPointSystem.PHONE)
                        .setValue(p.phone());
            }
            if (p.gpPracticeOds() != null && !p.gpPracticeOds().isBlank()) {
                patient.addGeneralPractitioner(new Reference()
                        .setIdentifier(
                                new Identifier().setSystem(Items.ODS_SYSTEM).setValue(p.gpPracticeOds()))
                        .setDisplay(p.gpPracticeName()));
            }
        }
        return patient;
    }

    public static AdministrativeGender gender(String gender) {
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
}
