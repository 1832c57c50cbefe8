package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.firstOf;
import static org.openicr.ingestion.control.hl7.Values.joined;
import static org.openicr.ingestion.control.hl7.Values.text;

import ca.uhn.hl7v2.model.v28.datatype.CX;
import ca.uhn.hl7v2.model.v28.datatype.XPN;
import ca.uhn.hl7v2.model.v28.segment.NK1;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.CarePlanning;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.vocabulary.Sensitivity;

/**
 * NK1 (next of kin and associated parties) in ADT messages: each named person becomes a CONTACTS
 * item, as a contact sent over SOAP is, with the relationship (NK1-3, HL7 table 0063, in words),
 * the first telephone number (NK1-5, else NK1-6) and, when the relationship is CGV (care giver), the
 * detail caring "carer", so the summary reads the contact as a carer of this person. NK1-7 contact
 * role (HL7 table 0131) N, or none, names the next of kin, C an emergency contact, O or U a contact;
 * E, F, I and S (employer, agencies, insurer) are not people who know or look after the patient and
 * are skipped, noted.
 *
 * <p>The source key is {@code contact/<NK1-33 CX-1>} when the sender identifies the contact, else
 * {@code contact/name-<hash>} of the contact's name (upper case, spaces collapsed): a name must not
 * stand in the key, and NK1-1 only numbers segments within one message. A message without NK1 says
 * nothing about contacts, so nothing is withdrawn; an NK1 with an end date (NK1-9) on or before the
 * message's date is kept as "inactive", which the summary leaves out.
 */
final class ContactMapping {

    private ContactMapping() {}

    /** HL7 table 0063 relationship (a selection of the codes PAS systems send), in words. */
    static final Map<String, String> RELATIONSHIPS = Map.ofEntries(
            Map.entry("SPO", "Spouse"),
            Map.entry("DOM", "Partner"),
            Map.entry("CHD", "Child"),
            Map.entry("PAR", "Parent"),
            Map.entry("MTH", "Mother"),
            Map.entry("FTH", "Father"),
            Map.entry("SIB", "Sibling"),
            Map.entry("BRO", "Brother"),
            Map.entry("SIS", "Sister"),
            Map.entry("GCH", "Grandchild"),
            Map.entry("GRP", "Grandparent"),
            Map.entry("EXF", "Extended family"),
            Map.entry("FND", "Friend"),
            Map.entry("NBR", "Neighbour"),
            Map.entry("GRD", "Guardian"),
            Map.entry("CGV", "Care giver"),
            Map.entry("EMC", "Emergency contact"),
            Map.entry("FCH", "Foster child"),
            Map.entry("SCH", "Stepchild"),
            Map.entry("OAD", "Other adult"),
            Map.entry("OTH", "Other"),
            Map.entry("UNK", "Unknown"));

    /** Table 0131 contact roles that are not people who know or look after the patient. */
    private static final java.util.Set<String> NOT_PERSONAL_ROLES = java.util.Set.of("E", "F", "I", "S");

    /** The contacts of the NK1 segments, in the order sent; empty when there are none. */
    static List<Hl7Command> contacts(Hl7Message message, PatientIdentity identity) {
        List<Hl7Command> commands = new ArrayList<>();
        for (NK1 nk1 : message.all(NK1.class)) {
            String position = "NK1 " + firstOf(text(nk1.getSetIDNK1()), "?");
            String role = upper(text(nk1.getContactRole()));
            if (role != null && NOT_PERSONAL_ROLES.contains(role)) {
                message.note(position + " contact role (NK1-7 " + role + ") is not a personal contact: skipped");
                continue;
            }
            XPN name = named(nk1.getNK1Name());
            if (name == null) {
                message.note(position + " names no person (NK1-2): skipped");
                continue;
            }
            commands.add(new Hl7Command.UpsertItem(contact(message, identity, nk1, name, role), null));
        }
        return commands;
    }

    private static ItemSubmission contact(
            Hl7Message message, PatientIdentity identity, NK1 nk1, XPN name, String role) {
        String code = upper(Values.component(nk1.getRelationship(), 0));
        String relationship =
                firstOf(Values.component(nk1.getRelationship(), 1), code == null ? null : RELATIONSHIPS.get(code));
        boolean carer = "CGV".equals(code);
        // NK1 is the next of kin segment: without a role (NK1-7) its person is the next of kin.
        boolean nextOfKin = role == null || "N".equals(role);
        String person = personName(name);
        String kind;
        if (carer) {
            kind = "N".equals(role) ? "Next of kin and carer" : "Carer";
        } else if (nextOfKin) {
            kind = "Next of kin";
        } else {
            kind = "C".equals(role) ? "Emergency contact" : "Contact";
        }
        // "Carer: Mary PENDLETON": a care giver's relationship is what the kind already says.
        String text = kind + ": " + person
                + (relationship == null || carer ? "" : " (" + relationship.toLowerCase(Locale.UK) + ")");
        Map<String, String> details = new LinkedHashMap<>();
        Values.detail(details, ItemDetail.RELATIONSHIP, relationship);
        Values.detail(
                details,
                ItemDetail.CONTACT_PHONE,
                firstOf(PersonMapping.phone(nk1.getPhoneNumber()), PersonMapping.phone(nk1.getBusinessPhoneNumber())));
        if (carer) {
            Values.detail(details, ItemDetail.CARING, CarePlanning.Caring.CARER.key());
        }
        LocalDate start = message.date(nk1.getStartDate(), "NK1-8");
        LocalDate end = message.date(nk1.getEndDate(), "NK1-9");
        Instant messageTime = message.messageTime();
        Instant starts = start == null ? null : start.atStartOfDay(LONDON).toInstant();
        Instant ends = end == null ? null : end.atStartOfDay(LONDON).toInstant();
        if (starts != null && ends != null && ends.isBefore(starts)) {
            message.note("NK1-9 end date is before NK1-8 start date: ignored");
            ends = null;
        }
        boolean ended = ends != null && !ends.isAfter(messageTime);
        String status = ended ? "inactive" : "active";
        // Known from NK1-8, else from the message, unless the message reports a contact that already ended.
        Instant effective = starts != null ? starts : ended ? null : messageTime;
        Instant effectiveEnd = ends;
        String key = key(identity, nk1, name);
        return message.build(
                "a contact (NK1)",
                () -> new ItemSubmission(
                        Category.CONTACTS,
                        key,
                        message.version(),
                        effective,
                        effectiveEnd,
                        messageTime,
                        status,
                        null,
                        text,
                        Sensitivity.NORMAL,
                        details));
    }

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The first name with a family or given name. */
    private static XPN named(XPN[] names) {
        for (XPN name : names) {
            if (text(name.getFamilyName()) != null || text(name.getGivenName()) != null) {
                return name;
            }
        }
        return null;
    }

    /** "Mary PENDLETON": given names, then the family name in capitals, as NHS records write it. */
    static String personName(XPN name) {
        String family = text(name.getFamilyName());
        return joined(
                " ",
                text(name.getGivenName()),
                text(name.getSecondAndFurtherGivenNamesOrInitialsThereof()),
                family == null ? null : family.toUpperCase(Locale.UK));
    }

    /**
     * A source's keys are unique across all its people, so the key is a hash of the patient (NHS
     * Number, else the first local identifier) with the contact (NK1-33 when the sender identifies
     * the contact, else the name): "contact/<24 hex>". Neither a name nor an NHS Number stands in it.
     */
    static String key(PatientIdentity identity, NK1 nk1, XPN name) {
        String contact = null;
        for (CX id : nk1.getNextOfKinAssociatedPartySIdentifiers()) {
            String value = text(id.getIDNumber());
            if (value != null) {
                contact = "id:" + value;
                break;
            }
        }
        if (contact == null) {
            contact = "name:"
                    + personName(name)
                            .toUpperCase(Locale.UK)
                            .replaceAll("\\s+", " ")
                            .strip();
        }
        return patientScoped("contact/", identity, contact);
    }

    /**
     * A source key for something a source holds once per person (a contact, its DNACPR decision):
     * a source's keys are unique across all its people, so the key is {@code prefix} and a hash of
     * the patient (NHS Number, else the first local identifier) with {@code what}, 24 hex digits.
     * Neither a name nor an NHS Number stands in it.
     */
    static String patientScoped(String prefix, PatientIdentity identity, String what) {
        String patient = identity.nhsNumber() != null
                ? identity.nhsNumber().value()
                : identity.localIdentifiers().isEmpty()
                        ? ""
                        : identity.localIdentifiers().get(0).assigningAuthority() + ":"
                                + identity.localIdentifiers().get(0).value();
        return prefix + sha256(patient + "|" + what).substring(0, 24);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
