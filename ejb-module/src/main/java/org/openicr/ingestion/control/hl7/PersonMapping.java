package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.firstOf;
import static org.openicr.ingestion.control.hl7.Values.joined;
import static org.openicr.ingestion.control.hl7.Values.text;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.v28.datatype.CX;
import ca.uhn.hl7v2.model.v28.datatype.XAD;
import ca.uhn.hl7v2.model.v28.datatype.XON;
import ca.uhn.hl7v2.model.v28.datatype.XPN;
import ca.uhn.hl7v2.model.v28.datatype.XTN;
import ca.uhn.hl7v2.model.v28.segment.ARV;
import ca.uhn.hl7v2.model.v28.segment.PD1;
import ca.uhn.hl7v2.model.v28.segment.PID;
import ca.uhn.hl7v2.model.v28.segment.PV1;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openicr.patient.entity.Demographics;
import org.openicr.patient.entity.Gender;
import org.openicr.vocabulary.FieldLimit;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;

/**
 * Who a message is about (PID-3, MRG-1) and the person's demographics (PID, PD1, ARV).
 *
 * <p>The NHS Number is the PID-3 repetition marked as one in any of the forms of {@link
 * NhsNumberForms} (CX-5 NH, local spellings, CX-4 NHS or the NHS Number's OID), else PID-2 as HL7
 * v2.3 feeds send it. A number there that fails the Modulus
 * 11 check is reported and not used: matching on it could attach the data to someone else.
 */
final class PersonMapping {

    /** ODS codes are 3 to 10 letters and digits; anything else in PD1-3 is a local practice id. */
    private static final Pattern ODS_CODE = Pattern.compile("[A-Z0-9]{3,10}");

    /** HL7 table 0717 restriction values that cover the person's demographics. */
    private static final Set<String> PERSON_RESTRICTIONS = Set.of("ALL", "DEM");

    private PersonMapping() {}

    /** The identity from a patient identifier list; rejects the message when it names nobody. */
    static PatientIdentity identity(Hl7Message message, CX[] identifiers, String field) {
        Identifiers found = identifiers(message, identifiers, field);
        return identity(message, field, found.nhsNumber(), found.local());
    }

    /**
     * The person a PID names: PID-3's identifiers and, as HL7 v2.3 feeds send it, the NHS Number in
     * PID-2 (patient id, external; withdrawn in later versions). PID-2 counts when it is marked as
     * PID-3's would be ({@link NhsNumberForms}), or when it has no identifier type and no assigning
     * authority and its value is ten digits (the v2.3 habit); the Modulus 11 check applies as in
     * PID-3. Anything else in PID-2 is not read. PID-3's NHS Number comes first; a different valid
     * one in PID-2 is noted and not used.
     */
    static PatientIdentity identity(Hl7Message message, PID pid) {
        Identifiers found = identifiers(message, pid.getPatientIdentifierList(), "PID-3");
        NhsNumber external = externalNhsNumber(message, pid.getPatientID());
        NhsNumber nhsNumber = found.nhsNumber();
        if (nhsNumber == null) {
            nhsNumber = external;
        } else if (external != null && !external.equals(nhsNumber)) {
            message.note("PID-2 and PID-3 carry different NHS Numbers: PID-3's is used");
        }
        return identity(message, "PID-3", nhsNumber, found.local());
    }

    private record Identifiers(NhsNumber nhsNumber, List<LocalIdentifier> local) {}

    private static Identifiers identifiers(Hl7Message message, CX[] identifiers, String field) {
        NhsNumber nhsNumber = null;
        List<LocalIdentifier> local = new ArrayList<>();
        for (CX cx : identifiers) {
            String value = text(cx.getIDNumber());
            if (value == null) {
                continue;
            }
            String authority = Values.hd(cx.getAssigningAuthority());
            String type = text(cx.getIdentifierTypeCode());
            if (NhsNumberForms.marksNhsNumber(
                    type,
                    text(cx.getAssigningAuthority().getNamespaceID()),
                    text(cx.getAssigningAuthority().getUniversalID()))) {
                nhsNumber = nhsNumber(message, field, value, nhsNumber);
            } else {
                local.add(new LocalIdentifier(firstOf(authority, message.sendingFacility()), type, value));
            }
        }
        return new Identifiers(nhsNumber, local);
    }

    /** PID-2 (v2.8 keeps the field only as a placeholder, so its CX components are read by position). */
    private static NhsNumber externalNhsNumber(Hl7Message message, Type pid2) {
        String value = Values.component(pid2, 0);
        if (value == null) {
            return null;
        }
        String type = Values.component(pid2, 4);
        String namespace = Values.subcomponent(pid2, 3, 0);
        String universalId = Values.subcomponent(pid2, 3, 1);
        boolean unmarked = type == null
                && namespace == null
                && universalId == null
                && value.replaceAll("[\\s-]", "").matches("\\d{10}");
        if (!unmarked && !NhsNumberForms.marksNhsNumber(type, namespace, universalId)) {
            return null;
        }
        return nhsNumber(message, "PID-2", value, null);
    }

    private static PatientIdentity identity(
            Hl7Message message, String field, NhsNumber nhsNumber, List<LocalIdentifier> local) {
        PatientIdentity identity = new PatientIdentity(nhsNumber, local);
        if (identity.isEmpty()) {
            throw message.reject(field + " holds no usable patient identifier");
        }
        if (nhsNumber == null) {
            message.note("no NHS Number in " + field + ": matched by local identifier only");
        }
        return identity;
    }

    /** The NHS Number found so far, after one more marked value (checked, never quoted in a reason). */
    private static NhsNumber nhsNumber(Hl7Message message, String field, String value, NhsNumber found) {
        Optional<NhsNumber> valid = NhsNumber.parse(value);
        if (valid.isEmpty()) {
            message.note(field + " carries an NHS Number that is not 10 digits or fails the Modulus 11"
                    + " check: it is not used");
            return found;
        }
        if (found == null) {
            return valid.get();
        }
        if (!found.equals(valid.get())) {
            message.note(field + " carries two different NHS Numbers: only the first is used");
        }
        return found;
    }

    /**
     * The person's demographics when the identity has an NHS Number (the patient index is keyed by
     * it). Demographics the message cannot complete (no name, no date of birth) are noted and
     * skipped, or reject the message when {@code required}, as for ADT^A28 and A31.
     */
    static Optional<Hl7Command> upsertPerson(Hl7Message message, PID pid, PatientIdentity identity, boolean required) {
        if (identity.nhsNumber() == null) {
            return Optional.empty();
        }
        PD1 pd1 = message.first(PD1.class).orElse(null);
        XPN name = preferredName(pid.getPatientName());
        XAD address = preferredAddress(pid.getPatientAddress());
        if (name != null) {
            limit(message, FieldLimit.TITLE, text(name.getPrefixEgDR()), "PID-5.5 title");
            limit(
                    message,
                    FieldLimit.GIVEN_NAMES,
                    joined(" ", text(name.getGivenName()), text(name.getSecondAndFurtherGivenNamesOrInitialsThereof())),
                    "PID-5.2 and PID-5.3 given names");
            limit(message, FieldLimit.FAMILY_NAME, text(name.getFamilyName()), "PID-5.1 family name");
        }
        if (address != null) {
            limit(message, FieldLimit.ADDRESS_LINES, String.join("\n", addressLines(address)), "PID-11 address");
            limit(message, FieldLimit.POSTCODE, text(address.getZipOrPostalCode()), "PID-11.5 postcode");
        }
        limit(message, FieldLimit.PHONE, phone(pid.getPhoneNumberHome()), "PID-13 phone");
        try {
            Demographics demographics = new Demographics(
                    identity.nhsNumber(),
                    name == null ? null : text(name.getPrefixEgDR()),
                    name == null
                            ? null
                            : joined(
                                    " ",
                                    text(name.getGivenName()),
                                    text(name.getSecondAndFurtherGivenNamesOrInitialsThereof())),
                    name == null ? null : text(name.getFamilyName()),
                    message.date(pid.getDateTimeOfBirth(), "PID-7 date of birth"),
                    message.date(pid.getPatientDeathDateAndTime(), "PID-29 date of death"),
                    gender(text(pid.getAdministrativeSex())),
                    address == null ? List.of() : addressLines(address),
                    address == null ? null : text(address.getZipOrPostalCode()),
                    phone(pid.getPhoneNumberHome()),
                    pd1 == null ? null : gpPractice(message, pd1),
                    restricted(message, pd1));
            return Optional.of(new Hl7Command.UpsertPerson(demographics, message.messageTime()));
        } catch (IcrException e) {
            String reason = "the person's demographics are incomplete (" + e.reason() + ")";
            if (required) {
                throw message.reject(reason);
            }
            message.note(reason + ": the patient index is not updated");
            return Optional.empty();
        }
    }

    /** Rejects the message, naming the HL7 field, when a value is longer than its column. */
    private static void limit(Hl7Message message, FieldLimit limit, String value, String field) {
        if (value != null && value.strip().length() > limit.max()) {
            throw message.reject(
                    FieldLimit.tooLong(field, limit.max(), value.strip().length()));
        }
    }

    /** The legal name (XPN-7 L) when the sender marks one, else the first name with a surname. */
    private static XPN preferredName(XPN[] names) {
        return Arrays.stream(names)
                .filter(n -> "L".equalsIgnoreCase(text(n.getNameTypeCode())) && text(n.getFamilyName()) != null)
                .findFirst()
                .or(() -> Arrays.stream(names)
                        .filter(n -> text(n.getFamilyName()) != null)
                        .findFirst())
                .orElse(null);
    }

    /** The home address (XAD-7 H) when marked, else the first one given. */
    private static XAD preferredAddress(XAD[] addresses) {
        return Arrays.stream(addresses)
                .filter(a -> "H".equalsIgnoreCase(text(a.getAddressType())))
                .findFirst()
                .or(() -> Arrays.stream(addresses).findFirst())
                .orElse(null);
    }

    /** UK order: street (number and name), locality, town, county; the postcode is kept apart. */
    private static List<String> addressLines(XAD address) {
        List<String> lines = new ArrayList<>();
        String street = joined(
                " ",
                text(address.getStreetAddress().getStreetOrMailingAddress()),
                text(address.getStreetAddress().getStreetName()),
                text(address.getStreetAddress().getDwellingNumber()));
        for (String line : new String[] {
            street, text(address.getOtherDesignation()), text(address.getCity()), text(address.getStateOrProvince())
        }) {
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The first telephone number of PID-13; e-mail addresses (use code NET) are not telephones. */
    static String phone(XTN[] numbers) {
        for (XTN xtn : numbers) {
            if ("NET".equalsIgnoreCase(text(xtn.getTelecommunicationUseCode()))
                    || "Internet".equalsIgnoreCase(text(xtn.getTelecommunicationEquipmentType()))) {
                continue;
            }
            String number = firstOf(
                    text(xtn.getTelephoneNumber()),
                    text(xtn.getUnformattedTelephoneNumber()),
                    joined(" ", text(xtn.getAreaCityCode()), text(xtn.getLocalNumber())));
            if (number != null) {
                return number;
            }
        }
        return null;
    }

    /** HL7 table 0001: M, F, O, U, A (ambiguous), N (not applicable). */
    static Gender gender(String code) {
        if (code == null) {
            return Gender.UNKNOWN;
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "M" -> Gender.MALE;
            case "F" -> Gender.FEMALE;
            case "O", "A" -> Gender.OTHER;
            default -> Gender.UNKNOWN;
        };
    }

    /** The registered GP practice (PD1-3): its ODS code in XON-10, or in XON-3 as older feeds send it. */
    private static String gpPractice(Hl7Message message, PD1 pd1) {
        XON[] facilities = pd1.getPatientPrimaryFacility();
        if (facilities.length == 0) {
            return null;
        }
        String code = firstOf(text(facilities[0].getOrganizationIdentifier()), text(facilities[0].getIDNumber()));
        if (code == null) {
            return null;
        }
        code = code.toUpperCase(Locale.ROOT);
        if (!ODS_CODE.matcher(code).matches()) {
            message.note("PD1-3 registered GP practice is not an ODS code: not used");
            return null;
        }
        return code;
    }

    /**
     * What the message says of the restricted (PDS "sensitive") flag: true when PD1-12 protection
     * indicator is Y, or a patient-level ARV segment (before PV1, HL7 v2.6 and later) restricts all
     * data or all demographics; false when PD1-12 is N or such an ARV deletes that restriction (D);
     * null when it says nothing (PD1-12 empty, no such ARV), which leaves the flag as it is.
     */
    static Boolean restricted(Hl7Message message, PD1 pd1) {
        if (pd1 != null && Values.isYes(pd1.getProtectionIndicator())) {
            return true;
        }
        Boolean stated = null;
        if (pd1 != null && "N".equalsIgnoreCase(text(pd1.getProtectionIndicator()))) {
            stated = false;
        }
        for (Segment segment : message.segments()) {
            if (segment instanceof PV1) {
                break;
            }
            if (segment instanceof ARV arv
                    && PERSON_RESTRICTIONS.contains(
                            Objects.requireNonNullElse(text(arv.getAccessRestrictionValue()), "")
                                    .toUpperCase(Locale.ROOT))) {
                if (!"D".equalsIgnoreCase(text(arv.getAccessRestrictionActionCode()))) {
                    return true;
                }
                stated = false;
            }
        }
        return stated;
    }
}
