package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box, issue 16: HL7 ADT^A47 relabels only the sending source's own local identifier, and
 * ADT^A45 moves only the sending source's visit, under the merge's ownership check; a refusal is an
 * AE acknowledgement with its stable code and changes nothing; each change is audited as its own
 * event (IDENTIFIER_CHANGED, VISIT_MOVED).
 */
@ExtendWith(ArquillianExtension.class)
class VisitAndIdentifierSoapIT {

    private static final String PAS = DemographicsOwnershipSoapIT.PAS;
    private static final String PAS_PASSWORD = DemographicsOwnershipSoapIT.PAS_PASSWORD;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void directory() throws Exception {
        TestEnvironment.seedDirectory();
    }

    /** The acute trust registers a person under its hospital number (RX901:mrn). */
    private static String pasPerson(String mrn, String family) throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        Soap.Response r = hl7(PAS, PAS_PASSWORD, "ADT^A28^ADT_A05", Hl7IngestionSoapIT.pid(nhs, mrn, family));
        assertEquals("ACCEPTED", r.element("outcome"), r::toString);
        return nhs;
    }

    /** A person only the GP practice holds. */
    private static String gpPerson(String family) throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        Soap.Response r = DemographicsOwnershipSoapIT.submit(
                DemographicsOwnershipSoapIT.GP,
                DemographicsOwnershipSoapIT.GP_PASSWORD,
                DemographicsOwnershipSoapIT.demographics(
                        "vi-" + nhs + "-" + System.nanoTime(), nhs, family, "1 ROAD", "BS1 1AA", "Y90001", null, null));
        assertEquals("CREATED", r.element("outcome"), r::toString);
        return nhs;
    }

    private static Soap.Response hl7(String username, String password, String type, String... segments)
            throws Exception {
        return DemographicsOwnershipSoapIT.hl7(
                username, password, "VI-" + System.nanoTime(), "20260110120000", type, segments);
    }

    private static Soap.Response a47(String username, String password, String nhs, String newMrn, String oldMrn)
            throws Exception {
        return hl7(
                username,
                password,
                "ADT^A47^ADT_A30",
                Hl7IngestionSoapIT.segment("PID", 1, "1", 3, nhs + "^^^NHS^NH~" + newMrn + "^^^RX901^MR"),
                "MRG|" + oldMrn + "^^^RX901^MR");
    }

    /** The person a source's identifier leads to (by NHS Number), or "none". */
    private static String holder(String sourceCode, String value) throws Exception {
        try (var c = TestEnvironment.database();
                var ps = c.prepareStatement("select p.nhs_number from person_identifier i"
                        + " join source_system s on s.id = i.source_system_id join person p on p.id = i.person_id"
                        + " where s.code = ? and i.value = ?")) {
            ps.setString(1, sourceCode);
            ps.setString(2, value);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString("nhs_number") : "none";
            }
        }
    }

    private static long audited(String action, String nhs) throws Exception {
        return TestEnvironment.count(
                "select count(*) from audit_event where action = ? and outcome = 'SUCCESS'"
                        + " and person_id = (select id from person where nhs_number = ?)",
                action,
                nhs);
    }

    @Test
    void theSourceRelabelsItsOwnIdentifierAndNoOtherSourceIsTouched() throws Exception {
        String u = Hl7IngestionSoapIT.unique();
        String nhs = pasPerson("OLD" + u, "RELABEL");
        // The GP practice happens to use the same text for the person: its identifier is its own.
        TestEnvironment.execute(
                "insert into person_identifier (source_system_id, value, person_id)"
                        + " select s.id, ?, p.id from source_system s, person p where s.code = 'riverside-gp'"
                        + " and p.nhs_number = ?",
                "RX901:OLD" + u,
                nhs);

        Soap.Response r = a47(PAS, PAS_PASSWORD, nhs, "NEW" + u, "OLD" + u);

        assertEquals("AA", r.element("acknowledgementCode"), r::toString);
        assertEquals("ACCEPTED", r.element("outcome"), r::toString);
        assertEquals(nhs, holder("avonvale-pas", "RX901:NEW" + u));
        assertEquals("none", holder("avonvale-pas", "RX901:OLD" + u));
        assertEquals(nhs, holder("riverside-gp", "RX901:OLD" + u), "another source's identifier is untouched");
        assertEquals(1, audited("IDENTIFIER_CHANGED", nhs));
        // The new identifier now finds the person: an admission under it files on their record.
        Soap.Response admitted = hl7(
                PAS,
                PAS_PASSWORD,
                "ADT^A01^ADT_A01",
                Hl7IngestionSoapIT.segment("PID", 1, "1", 3, "NEW" + u + "^^^RX901^MR"),
                Hl7IngestionSoapIT.segment("PV1", 2, "I", 19, "VN" + u));
        assertEquals("ACCEPTED", admitted.element("outcome"), admitted::toString);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item r join person p on p.id = r.person_id"
                                + " where p.nhs_number = ? and r.source_key = ?",
                        nhs,
                        "visit/VN" + u));
    }

    @Test
    void aSourceThatDoesNotHoldTheOldIdentifierIsRefusedAndNothingChanges() throws Exception {
        String u = Hl7IngestionSoapIT.unique();
        String nhs = pasPerson("MINE" + u, "NOTHELD");

        // The council's system does not hold the acute trust's hospital number.
        Soap.Response r = a47(
                DemographicsOwnershipSoapIT.COUNCIL,
                DemographicsOwnershipSoapIT.COUNCIL_PASSWORD,
                nhs,
                "STOLEN" + u,
                "MINE" + u);

        assertEquals("AE", r.element("acknowledgementCode"), r::toString);
        assertEquals("SOURCE_NOT_PERMITTED", r.element("errorCode"), r::toString);
        assertEquals(nhs, holder("avonvale-pas", "RX901:MINE" + u));
        assertEquals("none", holder("northavon-lcs", "RX901:STOLEN" + u));
        assertEquals("none", holder("avonvale-pas", "RX901:STOLEN" + u));
        assertEquals(0, audited("IDENTIFIER_CHANGED", nhs));
    }

    @Test
    void aNewIdentifierAlreadyUsedForAnotherPersonIsRefusedAndNothingChanges() throws Exception {
        String u = Hl7IngestionSoapIT.unique();
        String a = pasPerson("A" + u, "CONFLICTA");
        String b = pasPerson("B" + u, "CONFLICTB");

        Soap.Response r = a47(PAS, PAS_PASSWORD, a, "B" + u, "A" + u);

        assertEquals("AE", r.element("acknowledgementCode"), r::toString);
        assertEquals("LOCAL_IDENTIFIER_CONFLICT", r.element("errorCode"), r::toString);
        assertEquals(a, holder("avonvale-pas", "RX901:A" + u));
        assertEquals(b, holder("avonvale-pas", "RX901:B" + u));
        assertEquals(0, audited("IDENTIFIER_CHANGED", a));
        assertEquals(0, audited("IDENTIFIER_CHANGED", b));
    }

    private static Soap.Response admit(String nhs, String mrn, String visit) throws Exception {
        Soap.Response r = hl7(
                PAS,
                PAS_PASSWORD,
                "ADT^A01^ADT_A01",
                Hl7IngestionSoapIT.pid(nhs, mrn, "VISITOR"),
                Hl7IngestionSoapIT.segment("PV1", 2, "I", 19, visit + "^^^RX901^VN"));
        assertEquals("ACCEPTED", r.element("outcome"), r::toString);
        return r;
    }

    private static String visitHolder(String visit) throws Exception {
        try (var c = TestEnvironment.database();
                var ps = c.prepareStatement("select p.nhs_number from record_item r join person p on p.id = r.person_id"
                        + " join source_system s on s.id = r.source_system_id"
                        + " where s.code = 'avonvale-pas' and r.source_key = ?")) {
            ps.setString(1, "visit/" + visit);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString("nhs_number") : "none";
            }
        }
    }

    @Test
    void aSourceHoldingBothPeopleMovesItsVisitAndTheMoveIsAudited() throws Exception {
        String u = Hl7IngestionSoapIT.unique();
        String right = pasPerson("R" + u, "RIGHTPERSON");
        String wrong = pasPerson("W" + u, "WRONGPERSON");
        admit(wrong, "W" + u, "V" + u);

        Soap.Response r = hl7(
                PAS,
                PAS_PASSWORD,
                "ADT^A45^ADT_A45",
                Hl7IngestionSoapIT.pid(right, "R" + u, "RIGHTPERSON"),
                "MRG|W" + u + "^^^RX901^MR||||V" + u + "^^^RX901^VN",
                Hl7IngestionSoapIT.segment("PV1", 2, "I", 19, "V" + u + "^^^RX901^VN"));

        assertEquals("AA", r.element("acknowledgementCode"), r::toString);
        assertEquals("ACCEPTED", r.element("outcome"), r::toString);
        assertEquals(right, visitHolder("V" + u));
        assertEquals(1, audited("VISIT_MOVED", right));
        // The people themselves are not merged.
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from person where nhs_number in (?, ?) and merged_into_id is not null",
                        right,
                        wrong));
    }

    @Test
    void aSourceThatDoesNotHoldThePersonCannotMoveItsVisitThereAndNothingChanges() throws Exception {
        String u = Hl7IngestionSoapIT.unique();
        String stranger = gpPerson("STRANGER");
        String patient = pasPerson("P" + u, "PATIENT");
        admit(patient, "P" + u, "V" + u);

        // PID-3 also carries a new hospital number: the message itself must not make the source "hold" the
        // stranger.
        Soap.Response r = DemographicsOwnershipSoapIT.hl7(
                PAS,
                PAS_PASSWORD,
                "VI-REFUSED-" + u,
                "20260110120000",
                "ADT^A45^ADT_A45",
                Hl7IngestionSoapIT.segment("PID", 1, "1", 3, stranger + "^^^NHS^NH~S" + u + "^^^RX901^MR"),
                "MRG|P" + u + "^^^RX901^MR||||V" + u + "^^^RX901^VN");

        assertEquals("AE", r.element("acknowledgementCode"), r::toString);
        assertEquals("SOURCE_NOT_PERMITTED", r.element("errorCode"), r::toString);
        assertEquals(patient, visitHolder("V" + u));
        assertEquals("none", holder("avonvale-pas", "RX901:S" + u));
        assertEquals(0, audited("VISIT_MOVED", stranger));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from inbound_message where account_username = ? and status = 'REJECTED'"
                                + " and error_code = 'SOURCE_NOT_PERMITTED'"
                                + " and position(convert_to(?, 'UTF8') in raw) > 0",
                        PAS,
                        "VI-REFUSED-" + u));
    }
}
