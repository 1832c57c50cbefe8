package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box, issue 16 item 1: no source rewrites what it does not own. Over real SOAP (and HL7 v2
 * over SOAP): the council cannot replace the GP practice's demographics or clear a restriction, a
 * message without the flag leaves it, an older version never replaces a newer one of the same
 * source, and the source authoritative for demographics (the demo's GP practice) may clear the
 * flag, audited as RESTRICTION_CLEARED with a privacy officer alert.
 */
@ExtendWith(ArquillianExtension.class)
class DemographicsOwnershipSoapIT {

    static final String GP = "sys.riverside-gp";
    static final String GP_PASSWORD = "Source-demo-gp-1";
    static final String COUNCIL = "sys.northavon-lcs";
    static final String COUNCIL_PASSWORD = "Source-demo-lcs-1";
    static final String PAS = "sys.avonvale-pas";
    static final String PAS_PASSWORD = "Source-demo-pas-1";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void directory() throws Exception {
        TestEnvironment.seedDirectory();
        // The demo region's decision (docs/decisions.md): the GP practice's system is authoritative
        // for demographics. Said here again so that this test does not depend on the seed's history.
        TestEnvironment.execute("update source_system set authoritative_demographics = (code = 'riverside-gp')"
                + " where code in ('riverside-gp', 'northavon-lcs', 'avonvale-pas')");
    }

    /** A SubmitDemographics envelope; {@code restricted} and {@code lastUpdated} left out when null. */
    static String demographics(
            String messageId,
            String nhs,
            String family,
            String line,
            String postcode,
            String practice,
            Boolean restricted,
            String lastUpdated) {
        return ItemIngestionSoapIT.envelope("<icr:DemographicsSubmission><icr:messageId>" + messageId
                + "</icr:messageId><icr:person><icr:nhsNumber>" + nhs + "</icr:nhsNumber>"
                + "<icr:givenNames>JANE</icr:givenNames><icr:familyName>" + family + "</icr:familyName>"
                + "<icr:dateOfBirth>1970-01-01</icr:dateOfBirth><icr:gender>female</icr:gender>"
                + "<icr:address><icr:line>" + line + "</icr:line><icr:postcode>" + postcode
                + "</icr:postcode></icr:address>"
                + (practice == null ? "" : "<icr:gpPracticeOds>" + practice + "</icr:gpPracticeOds>")
                + (restricted == null ? "" : "<icr:restricted>" + restricted + "</icr:restricted>")
                + (lastUpdated == null ? "" : "<icr:lastUpdated>" + lastUpdated + "</icr:lastUpdated>")
                + "</icr:person></icr:DemographicsSubmission>");
    }

    static Soap.Response submit(String username, String password, String envelope) throws Exception {
        Soap.Response r = Soap.post(TestEnvironment.ingestionUrl(), envelope, username, password);
        assertEquals(200, r.status(), r::toString);
        return r;
    }

    static String shown(String column, String nhs) throws Exception {
        try (var c = TestEnvironment.database();
                var ps = c.prepareStatement("select " + column + " from person where nhs_number = ?")) {
            ps.setString(1, nhs);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next(), "person " + nhs + " exists");
                return rs.getString(1);
            }
        }
    }

    static String unique() {
        return Long.toString(System.nanoTime());
    }

    @Test
    void theCouncilCannotOverwriteTheGpPracticesDemographics() throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        String u = unique();
        submit(
                GP,
                GP_PASSWORD,
                demographics("own-gp-" + u, nhs, "GPNAME", "1 GP ROAD", "BS1 1AA", "Y90001", null, null));
        Soap.Response council = submit(
                COUNCIL,
                COUNCIL_PASSWORD,
                demographics("own-la-" + u, nhs, "COUNCILNAME", "9 COUNCIL ROAD", "BS9 9ZZ", null, null, null));
        assertEquals("UPDATED", council.element("outcome"), council::toString);
        assertEquals("GPNAME", shown("family_name", nhs));
        assertEquals("BS1 1AA", shown("postcode", nhs));
        assertEquals("1 GP ROAD", shown("address_lines", nhs));
        // Both versions are kept, each as its source sent it.
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from person_demographics d join person p on p.id = d.person_id"
                                + " join source_system s on s.id = d.source_system_id"
                                + " where p.nhs_number = ? and s.code = 'northavon-lcs' and d.family_name = 'COUNCILNAME'",
                        nhs));
        assertEquals(
                2,
                TestEnvironment.count(
                        "select count(*) from person_demographics d join person p on p.id = d.person_id where p.nhs_number = ?",
                        nhs));
    }

    @Test
    void theRestrictedFlagIsStickyAndOnlyTheAuthoritativeSourceClearsIt() throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        String u = unique();
        submit(
                GP,
                GP_PASSWORD,
                demographics("r-gp-" + u, nhs, "HIDDEN", "1 SAFE HOUSE", "BS1 1AA", "Y90001", true, null));
        assertEquals("t", shown("restricted", nhs));

        // The council says false: ignored for the flag, answered with a warning.
        Soap.Response clear = submit(
                COUNCIL,
                COUNCIL_PASSWORD,
                demographics("r-la-" + u, nhs, "HIDDEN", "2 OTHER ROAD", "BS2 2BB", null, false, null));
        assertEquals("t", shown("restricted", nhs), clear::toString);
        assertTrue(clear.body().contains("only a source authoritative for demographics"), clear::toString);

        // A message that leaves the flag out changes nothing, from any source, the GP practice included.
        submit(
                COUNCIL,
                COUNCIL_PASSWORD,
                demographics("r-la2-" + u, nhs, "HIDDEN", "2 OTHER ROAD", "BS2 2BB", null, null, null));
        submit(
                GP,
                GP_PASSWORD,
                demographics("r-gp2-" + u, nhs, "HIDDEN", "1 SAFE HOUSE", "BS1 1AA", "Y90001", null, null));
        assertEquals("t", shown("restricted", nhs));
        // An HL7 A08 without PD1-12 from the acute trust changes nothing either.
        Soap.Response a08 = hl7(
                PAS,
                PAS_PASSWORD,
                "A08-" + u,
                "20260110100000",
                "ADT^A08^ADT_A01",
                Hl7IngestionSoapIT.pid(nhs, "RM" + u, "HIDDEN"),
                "PD1|||RIVERSIDE^^^^^^^^^Y90001");
        assertEquals("AA", a08.element("acknowledgementCode"), a08::toString);
        assertEquals("t", shown("restricted", nhs));
        assertEquals(
                0,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'RESTRICTION_CLEARED' and person_id ="
                                + " (select id from person where nhs_number = ?)",
                        nhs));

        // The GP practice's system is authoritative for demographics: its false clears the flag,
        // audited as its own event and raising a privacy officer alert.
        Soap.Response gpClear = submit(
                GP,
                GP_PASSWORD,
                demographics("r-gp3-" + u, nhs, "HIDDEN", "1 SAFE HOUSE", "BS1 1AA", "Y90001", false, null));
        assertNull(gpClear.element("warning"), gpClear::toString);
        assertEquals("f", shown("restricted", nhs));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event where action = 'RESTRICTION_CLEARED' and outcome = 'SUCCESS'"
                                + " and username = ? and person_id = (select id from person where nhs_number = ?)",
                        GP,
                        nhs));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from privacy_alert where kind = 'RESTRICTION_CLEARED' and username = ?"
                                + " and person_id = (select id from person where nhs_number = ?) and reviewed_at is null",
                        GP,
                        nhs));
    }

    @Test
    void anOlderVersionNeverReplacesANewerOneOfTheSameSource() throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        String u = unique();
        String mrn = "OV" + u;
        Soap.Response y2024 = hl7(
                PAS,
                PAS_PASSWORD,
                "A31-2024-" + u,
                "20240301120000",
                "ADT^A31^ADT_A05",
                Hl7IngestionSoapIT.pid(nhs, mrn, "NEWER2024"));
        assertEquals("ACCEPTED", y2024.element("outcome"), y2024::toString);
        Soap.Response y2023 = hl7(
                PAS,
                PAS_PASSWORD,
                "A31-2023-" + u,
                "20230301120000",
                "ADT^A31^ADT_A05",
                Hl7IngestionSoapIT.pid(nhs, mrn, "OLDER2023"));
        assertEquals("AA", y2023.element("acknowledgementCode"), y2023::toString);
        assertTrue(y2023.body().contains("superseded"), y2023::toString);
        assertEquals("NEWER2024", shown("family_name", nhs));
        // Kept in the inbox all the same.
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from inbound_message where message_id = ? and status = 'ACCEPTED'",
                        "A31-2023-" + u));

        // The same over SOAP with lastUpdated: the order the messages arrive in does not matter.
        Soap.Response newer = submit(
                COUNCIL,
                COUNCIL_PASSWORD,
                demographics("lu-new-" + u, nhs, "X", "3 NEW ROAD", "BS3 3CC", null, null, "2024-05-01T10:00:00Z"));
        Soap.Response older = submit(
                COUNCIL,
                COUNCIL_PASSWORD,
                demographics("lu-old-" + u, nhs, "Y", "4 OLD ROAD", "BS4 4DD", null, null, "2023-05-01T10:00:00Z"));
        assertEquals("UPDATED", newer.element("outcome"), newer::toString);
        assertEquals("SUPERSEDED", older.element("outcome"), older::toString);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from person_demographics d join person p on p.id = d.person_id"
                                + " join source_system s on s.id = d.source_system_id"
                                + " where p.nhs_number = ? and s.code = 'northavon-lcs' and d.postcode = 'BS3 3CC'",
                        nhs));
    }

    /** An HL7 v2 message over SOAP from the given source, with this MSH-7 time. */
    static Soap.Response hl7(
            String username, String password, String controlId, String time, String type, String... segments)
            throws Exception {
        String msh = "MSH|^~\\&|APP|FAC|ICR|ICB90|" + time + "||" + type + "|" + controlId + "|P|2.5.1";
        String er7 = msh + "\r" + "EVN||" + time + "\r" + String.join("\r", segments);
        String escaped = er7.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\r", "&#13;");
        Soap.Response r = Soap.post(
                TestEnvironment.ingestionUrl(),
                "SubmitHl7",
                ItemIngestionSoapIT.envelope("<icr:Hl7Message><icr:er7>" + escaped + "</icr:er7></icr:Hl7Message>"),
                username,
                password);
        assertEquals(200, r.status(), r::toString);
        return r;
    }
}
