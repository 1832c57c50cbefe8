package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.ingestion.control.hl7.Er7.PID_UK;
import static org.openicr.ingestion.control.hl7.Er7.message;
import static org.openicr.ingestion.control.hl7.Er7.msh;
import static org.openicr.ingestion.control.hl7.Er7.segment;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.ingestion.control.hl7.Hl7Command.UpsertItem;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.CarePlanning;
import org.openicr.vocabulary.Category;

/**
 * NK1 (next of kin and associated parties) becomes CONTACTS items as SOAP contacts are: a care giver
 * (table 0063 CGV) is marked caring "carer"; NK1-7 (table 0131) names the kind of contact; employers,
 * insurers and agencies are skipped (docs/hl7v2-mapping.md).
 */
class ContactMappingTest {

    private static final Hl7Mapper MAPPER = new Hl7Mapper();

    private static Hl7Mapping map(String type, String... segments) {
        String[] all = new String[segments.length + 1];
        all[0] = msh(type, "MSG-NK1");
        System.arraycopy(segments, 0, all, 1, segments.length);
        return MAPPER.map(message(all));
    }

    private static List<ItemSubmission> contacts(Hl7Mapping mapping) {
        return mapping.commands(UpsertItem.class).stream()
                .map(UpsertItem::item)
                .filter(i -> i.category() == Category.CONTACTS)
                .toList();
    }

    private static String nk1(String name, String relationship, String phone, String role, String end) {
        return segment("NK1", 1, "1", 2, name, 3, or(relationship), 5, or(phone), 7, or(role), 9, or(end));
    }

    private static String or(String value) {
        return value == null ? "" : value;
    }

    @ParameterizedTest(name = "NK1-3 {1}, NK1-7 {2}: {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "PENDLETON^Mary | SPO^Spouse^HL70063   | N          | Next of kin: Mary PENDLETON (spouse)             | -      | active",
                "PENDLETON^Mary | CGV^Care giver^HL70063 | -        | Carer: Mary PENDLETON                            | carer  | active",
                "PENDLETON^Mary | CGV                  | N          | Next of kin and carer: Mary PENDLETON | carer | active",
                "OKONKWO^Ngozi  | CHD                  | -          | Next of kin: Ngozi OKONKWO (child)               | -      | active",
                "OKONKWO^Ngozi  | -                    | C^Emergency Contact^HL70131 | Emergency contact: Ngozi OKONKWO | -  | active",
                "OKONKWO^Ngozi  | FND                  | O          | Contact: Ngozi OKONKWO (friend)                  | -      | active",
            })
    void eachPersonalNk1IsAContact(
            String name, String relationship, String role, String text, String caring, String status) {
        Hl7Mapping mapping = map(
                "ADT^A31^ADT_A05",
                segment("EVN", 1, "A31", 2, "20260312101500"),
                PID_UK,
                nk1(name, relationship, "01454 000201^PRN^PH", role, null));

        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        List<ItemSubmission> contacts = contacts(mapping);
        assertEquals(1, contacts.size(), mapping.reasons()::toString);
        ItemSubmission contact = contacts.get(0);
        assertEquals(text, contact.text());
        assertEquals(status, contact.status());
        assertEquals(caring, contact.details().get("caring"));
        assertEquals("01454 000201", contact.details().get("contactPhone"));
        assertTrue(contact.sourceKey().matches("contact/[0-9a-f]{24}"), contact.sourceKey());
        assertTrue(!contact.sourceKey().contains("PENDLETON")
                && !contact.sourceKey().contains("OKONKWO"));
        // What the SOAP contract would accept, the HL7 mapping makes.
        CarePlanning.check(contact.category(), contact.details());
    }

    @ParameterizedTest(name = "NK1-7 {0} is skipped")
    @CsvSource({"E", "I", "F", "S"})
    void employersInsurersAndAgenciesAreNotContacts(String role) {
        Hl7Mapping mapping = map("ADT^A31^ADT_A05", PID_UK, nk1("ACME LTD^Payroll", "EMR", null, role, null));
        assertTrue(contacts(mapping).isEmpty());
        assertTrue(
                mapping.reasons()
                        .contains("NK1 1 contact role (NK1-7 " + role + ") is not a personal contact: skipped"),
                mapping.reasons()::toString);
    }

    @Test
    void anEndedContactIsInactiveAndTheSameNameKeepsItsKeyAcrossMessages() {
        Hl7Mapping update = map("ADT^A08^ADT_A01", PID_UK, nk1("Pendleton^Mary", "CGV", null, null, "20200101"));
        assertEquals(1, contacts(update).size(), update.reasons()::toString);
        ItemSubmission ended = contacts(update).get(0);
        ItemSubmission current = contacts(map(
                        "ADT^A01^ADT_A01",
                        PID_UK,
                        nk1("PENDLETON^Mary", "CGV", null, null, null),
                        segment("PV1", 2, "I", 19, "V1")))
                .get(0);
        assertEquals("inactive", ended.status());
        assertEquals("active", current.status());
        assertEquals(current.sourceKey(), ended.sourceKey(), "one contact, updated by the later message");
        ItemSubmission other = contacts(map("ADT^A31^ADT_A05", PID_UK, nk1("PENDLETON^John", "SPO", null, null, null)))
                .get(0);
        assertNotEquals(current.sourceKey(), other.sourceKey());
    }

    @Test
    void theKeyIsThePatientsWithTheSendersIdentifierOrTheName() {
        String byId = segment("NK1", 1, "1", 2, "PENDLETON^Mary", 3, "CGV", 33, "C-778^^^RX1");
        String byName = segment("NK1", 1, "1", 2, "PENDLETON^Mary", 3, "CGV");
        String otherPatient = Er7.PID_UK.replace(Er7.NHS_NUMBER + "^^^NHS^NH~", "");
        String idKey = contacts(map("ADT^A31^ADT_A05", PID_UK, byId)).get(0).sourceKey();
        String nameKey = contacts(map("ADT^A31^ADT_A05", PID_UK, byName)).get(0).sourceKey();
        String otherKey = contacts(map("ADT^A01^ADT_A01", otherPatient, byName, segment("PV1", 2, "I", 19, "V1")))
                .get(0)
                .sourceKey();
        assertNotEquals(idKey, nameKey);
        // A source's keys are unique across its people: the same carer's name for another patient is another key.
        assertNotEquals(nameKey, otherKey);
        assertTrue(idKey.matches("contact/[0-9a-f]{24}"), idKey);
    }

    @Test
    void aMessageWithoutNk1SaysNothingAboutContacts() {
        assertTrue(contacts(map("ADT^A31^ADT_A05", PID_UK)).isEmpty());
    }
}
