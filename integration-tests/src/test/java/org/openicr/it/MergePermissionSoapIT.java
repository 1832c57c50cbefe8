package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box, issue 16 item 2: a merge (HL7 ADT^A40) only by a source that holds a local identifier
 * or items for both people, or is authoritative for the patient index; otherwise
 * SOURCE_NOT_PERMITTED and nothing changes. Every merge is audited as PERSON_MERGED with its source.
 */
@ExtendWith(ArquillianExtension.class)
class MergePermissionSoapIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void directory() throws Exception {
        TestEnvironment.seedDirectory();
    }

    private static String gpPerson(String family) throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        Soap.Response r = DemographicsOwnershipSoapIT.submit(
                DemographicsOwnershipSoapIT.GP,
                DemographicsOwnershipSoapIT.GP_PASSWORD,
                DemographicsOwnershipSoapIT.demographics(
                        "mp-" + nhs + "-" + System.nanoTime(), nhs, family, "1 ROAD", "BS1 1AA", "Y90001", null, null));
        assertEquals("CREATED", r.element("outcome"), r::toString);
        return nhs;
    }

    /** ADT^A40 naming both records by NHS Number: survivor in PID-3, retired in MRG-1. */
    private static Soap.Response a40(String username, String password, String survivorNhs, String retiredNhs)
            throws Exception {
        return DemographicsOwnershipSoapIT.hl7(
                username,
                password,
                "A40-" + System.nanoTime(),
                "20260110110000",
                "ADT^A40^ADT_A39",
                Hl7IngestionSoapIT.segment("PID", 1, "1", 3, survivorNhs + "^^^NHS^NH", 5, "SURVIVOR^JANE"),
                "MRG|" + retiredNhs + "^^^NHS^NH");
    }

    private static long merged(String retiredNhs) throws Exception {
        return TestEnvironment.count(
                "select count(*) from person where nhs_number = ? and merged_into_id is not null", retiredNhs);
    }

    @Test
    void theAcuteTrustCannotMergeTwoPeopleOnlyTheGpPracticeHolds() throws Exception {
        String a = gpPerson("ONLYGPA");
        String b = gpPerson("ONLYGPB");
        Soap.Response r = a40(DemographicsOwnershipSoapIT.PAS, DemographicsOwnershipSoapIT.PAS_PASSWORD, a, b);
        assertEquals("AE", r.element("acknowledgementCode"), r::toString);
        assertEquals("SOURCE_NOT_PERMITTED", r.element("errorCode"), r::toString);
        assertEquals(0, merged(b));
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from person_merge m join person r on r.id = m.retired_person_id"
                                + " where r.nhs_number = ?",
                        b));
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'PERSON_MERGED'"
                                + " and person_id = (select id from person where nhs_number = ?)",
                        a));
        // Stored as refused, with its code.
        assertTrue(TestEnvironment.count(
                        "select count(*) from inbound_message where account_username = ? and status = 'REJECTED'"
                                + " and error_code = 'SOURCE_NOT_PERMITTED'",
                        DemographicsOwnershipSoapIT.PAS)
                >= 1);
    }

    @Test
    void aSourceHoldingBothPeopleMergesAndTheMergeIsAuditedWithItsSource() throws Exception {
        String a = gpPerson("HELDA");
        String b = gpPerson("HELDB");
        // The acute trust now knows both people by its own hospital numbers.
        String u = Long.toString(System.nanoTime());
        for (String[] p : new String[][] {{a, "HA" + u}, {b, "HB" + u}}) {
            Soap.Response r = DemographicsOwnershipSoapIT.hl7(
                    DemographicsOwnershipSoapIT.PAS,
                    DemographicsOwnershipSoapIT.PAS_PASSWORD,
                    "A28-" + p[1],
                    "20260110100000",
                    "ADT^A28^ADT_A05",
                    Hl7IngestionSoapIT.pid(p[0], p[1], "HELD"));
            assertEquals("ACCEPTED", r.element("outcome"), r::toString);
        }
        Soap.Response r = a40(DemographicsOwnershipSoapIT.PAS, DemographicsOwnershipSoapIT.PAS_PASSWORD, a, b);
        assertEquals("ACCEPTED", r.element("outcome"), r::toString);
        assertEquals(1, merged(b));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'PERSON_MERGED' and outcome = 'SUCCESS'"
                                + " and username = ? and detail like '%avonvale-pas%'"
                                + " and person_id = (select id from person where nhs_number = ?)",
                        DemographicsOwnershipSoapIT.PAS, a));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from person_merge m join person r on r.id = m.retired_person_id"
                                + " join source_system s on s.id = m.source_system_id"
                                + " where r.nhs_number = ? and s.code = 'avonvale-pas'",
                        b));
    }

    @Test
    void theMergeMessageItselfDoesNotMakeTheSourceHoldTheSurvivor() throws Exception {
        String a = gpPerson("SELFA");
        String b = gpPerson("SELFB");
        String u = Long.toString(System.nanoTime());
        // The acute trust knows only b, by its hospital number.
        Soap.Response known = DemographicsOwnershipSoapIT.hl7(
                DemographicsOwnershipSoapIT.PAS,
                DemographicsOwnershipSoapIT.PAS_PASSWORD,
                "A28-SELF" + u,
                "20260110100000",
                "ADT^A28^ADT_A05",
                Hl7IngestionSoapIT.pid(b, "SB" + u, "SELF"));
        assertEquals("ACCEPTED", known.element("outcome"), known::toString);
        // Its A40 names a by NHS Number and a hospital number it never sent before (issue 16: the
        // identifiers in PID-3 are linked only once the merge is permitted).
        Soap.Response r = DemographicsOwnershipSoapIT.hl7(
                DemographicsOwnershipSoapIT.PAS,
                DemographicsOwnershipSoapIT.PAS_PASSWORD,
                "A40-SELF" + u,
                "20260110110000",
                "ADT^A40^ADT_A39",
                Hl7IngestionSoapIT.segment("PID", 1, "1", 3, a + "^^^NHS^NH~SA" + u + "^^^RX901^MR"),
                "MRG|" + b + "^^^NHS^NH");
        assertEquals("AE", r.element("acknowledgementCode"), r::toString);
        assertEquals("SOURCE_NOT_PERMITTED", r.element("errorCode"), r::toString);
        assertEquals(0, merged(b));
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from person_identifier i join source_system s on s.id = i.source_system_id"
                                + " where s.code = 'avonvale-pas' and i.value = ?",
                        "RX901:SA" + u));
    }

    @Test
    void aSourceAuthoritativeForThePatientIndexMayMergeAnyone() throws Exception {
        String a = gpPerson("INDEXA");
        String b = gpPerson("INDEXB");
        TestEnvironment.execute(
                "update source_system set authoritative_patient_index = true where code = 'northavon-lcs'");
        try {
            Soap.Response r =
                    a40(DemographicsOwnershipSoapIT.COUNCIL, DemographicsOwnershipSoapIT.COUNCIL_PASSWORD, a, b);
            assertEquals("ACCEPTED", r.element("outcome"), r::toString);
            assertEquals(1, merged(b));
        } finally {
            TestEnvironment.execute(
                    "update source_system set authoritative_patient_index = false where code = 'northavon-lcs'");
        }
    }
}
