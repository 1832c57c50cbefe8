package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.it.Hl7IngestionSoapIT.post;
import static org.openicr.it.Hl7IngestionSoapIT.segment;
import static org.openicr.it.Hl7IngestionSoapIT.unique;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 21, items 4 to 6, through the real HL7-over-SOAP door (the acute trust's PAS account): one
 * message of each new type (VXU^V04, PPR^PC1/PC2/PC3, ADT^A60, RDE^O11, RDE^O25, RDS^O13, DG1 in an
 * A03) changes the person's record as its mapping says, with the ordering rules of the existing
 * types (equal MSH-7 by arrival, an older update answered with an ERR warning); the NHS Number
 * found in PID-2 and by the NHS OID; an OBX-3 code without a coding system kept as LOINC once the
 * source is marked so, and a "<5" range read into its limit. The record is read back from the
 * database as stored; RecordViewerBrowserIT reads an immunisation through the page.
 */
@ExtendWith(ArquillianExtension.class)
class Hl7MessageTypesSoapIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void directory() throws Exception {
        TestEnvironment.seedDirectory();
    }

    private static String msh(String type, String controlId, String time) {
        return "MSH|^~\\&|PAS|RX901|ICR|ICB90|" + time + "||" + type + "|" + controlId + "|P|2.5.1";
    }

    private static String pid(String nhsNumber, String mrn) {
        return segment(
                "PID",
                1,
                "1",
                3,
                nhsNumber + "^^^NHS^NH~" + mrn + "^^^RX901^MR",
                5,
                "TYPESENT^Jane^^^MRS",
                7,
                "19700101",
                8,
                "F");
    }

    /** A person in the index, created by the PAS's A28, and their hospital number. */
    private static String[] person() throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        String mrn = "T" + unique();
        Soap.Response a28 = post(
                null,
                String.join("\r", msh("ADT^A28^ADT_A05", "A28-" + mrn, "202601100800"), "EVN|A28", pid(nhs, mrn)));
        assertEquals("AA", a28.element("acknowledgementCode"), a28::toString);
        return new String[] {nhs, mrn};
    }

    private static long live(String nhs, String category, String key, String extra) throws Exception {
        return TestEnvironment.count(
                "select count(*) from record_item i join person p on p.id = i.person_id where p.nhs_number = ?"
                        + " and i.category = ? and i.source_key = ? and i.withdrawn_at is null" + extra,
                nhs,
                category,
                key);
    }

    private static long withdrawn(String category, String key) throws Exception {
        return TestEnvironment.count(
                "select count(*) from record_item where category = ? and source_key = ? and withdrawn_at is not null",
                category,
                key);
    }

    private static void accepted(Soap.Response r) {
        assertEquals("AA", r.element("acknowledgementCode"), r::toString);
        assertEquals("ACCEPTED", r.element("outcome"), r::toString);
    }

    @Test
    void aVaccinationBecomesAnImmunisationAndItsDeletionWithdrawsIt() throws Exception {
        String[] p = person();
        String order = "IMM" + unique();
        String vxu = String.join(
                "\r",
                msh("VXU^V04^VXU_V04", "VXU-" + order, "202601101000"),
                pid(p[0], p[1]),
                segment("ORC", 1, "RE", 3, order),
                segment(
                        "RXA",
                        1,
                        "0",
                        2,
                        "1",
                        3,
                        "20260110",
                        5,
                        "39114911000001105^Influenza vaccine^SCT",
                        6,
                        "0.5",
                        7,
                        "mL^mL^UCUM",
                        15,
                        "FLU-LOT-7",
                        20,
                        "CP"),
                segment("RXR", 1, "IM^Intramuscular^HL70162", 2, "LD^Left Deltoid^HL70163"));
        accepted(post(null, vxu));
        assertEquals(
                1,
                live(
                        p[0],
                        "IMMUNISATIONS",
                        "immunisation/" + order,
                        " and i.code = '39114911000001105' and i.code_system = 'SNOMED_CT'"
                                + " and i.details->>'lotNumber' = 'FLU-LOT-7' and i.details->>'site' = 'Left Deltoid'"
                                + " and i.details->>'route' = 'Intramuscular' and i.details->>'dose' = '0.5 mL'"));

        String delete = vxu.replace("VXU-" + order, "VXU-D-" + order)
                .replace("202601101000", "202601101100")
                .replace("|CP", "|CP|D");
        accepted(post(null, delete));
        assertEquals(1, withdrawn("IMMUNISATIONS", "immunisation/" + order));
    }

    @Test
    void problemsAreAddedUpdatedInArrivalOrderAndDeleted() throws Exception {
        String[] p = person();
        String problem = "PRB" + unique();
        String prb = "PRB|AD|20260110|44054006^Type 2 diabetes^SCT|" + problem + "|||20250101";
        accepted(post(
                null,
                String.join("\r", msh("PPR^PC1^PPR_PC1", "PC1-" + problem, "202601101000"), pid(p[0], p[1]), prb)));
        assertEquals(1, live(p[0], "PROBLEMS", "problem/" + problem, " and i.status = 'active'"));

        // The same MSH-7, later arrival: applied (issue 21 item 1).
        String resolved = "PRB|UP|20260110|44054006^Type 2 diabetes^SCT|" + problem + "|||20250101||20260105";
        accepted(post(
                null,
                String.join(
                        "\r", msh("PPR^PC2^PPR_PC1", "PC2-" + problem, "202601101000"), pid(p[0], p[1]), resolved)));
        assertEquals(1, live(p[0], "PROBLEMS", "problem/" + problem, " and i.status = 'resolved'"));

        // An older update: not applied, and said so in an ERR warning.
        Soap.Response older = post(
                null,
                String.join("\r", msh("PPR^PC2^PPR_PC1", "PC2-old-" + problem, "202601090900"), pid(p[0], p[1]), prb));
        assertEquals("AA", older.element("acknowledgementCode"), older::toString);
        assertTrue(older.body().contains("ERR|||0^Message accepted^HL70357|W|IGNORED_OLDER_VERSION"), older::toString);
        assertEquals(1, live(p[0], "PROBLEMS", "problem/" + problem, " and i.status = 'resolved'"));

        accepted(post(
                null,
                String.join("\r", msh("PPR^PC3^PPR_PC1", "PC3-" + problem, "202601101200"), pid(p[0], p[1]), prb)));
        assertEquals(1, withdrawn("PROBLEMS", "problem/" + problem));
    }

    @Test
    void anAdverseReactionBecomesAnAllergy() throws Exception {
        String[] p = person();
        String id = "ALG" + unique();
        accepted(post(
                null,
                String.join(
                        "\r",
                        msh("ADT^A60^ADT_A60", "A60-" + id, "202601101000"),
                        "EVN|A60|20260110",
                        pid(p[0], p[1]),
                        segment(
                                "IAM",
                                1,
                                "1",
                                2,
                                "DA^Drug allergy^HL70127",
                                3,
                                "91936005^Penicillin allergy^SCT",
                                4,
                                "SV^Severe^HL70128",
                                5,
                                "Anaphylaxis",
                                6,
                                "A",
                                7,
                                id))));
        assertEquals(
                1,
                live(
                        p[0],
                        "ALLERGIES",
                        "allergy/" + id,
                        " and i.details->>'severity' = 'severe' and i.details->>'reaction' = 'Anaphylaxis'"));
    }

    @Test
    void pharmacyOrdersRefillsAndDispensesKeepOneMedication() throws Exception {
        String[] p = person();
        String order = "RX" + unique();
        String rxe = segment(
                "RXE",
                2,
                "322236009^Paracetamol 500mg tablets^SCT",
                3,
                "1",
                5,
                "TAB^tablet",
                10,
                "32",
                11,
                "TAB^tablet");
        accepted(post(
                null,
                String.join(
                        "\r",
                        msh("RDE^O11^RDE_O11", "O11-" + order, "202601101000"),
                        pid(p[0], p[1]),
                        segment("ORC", 1, "NW", 2, order),
                        segment("TQ1", 1, "1", 3, "QDS", 7, "20260110"),
                        rxe,
                        segment("RXR", 1, "PO^Oral^HL70162"))));
        assertEquals(
                1,
                live(
                        p[0],
                        "MEDICATIONS",
                        "medication/" + order,
                        " and i.status = 'active' and i.details->>'frequency' = 'QDS' and i.details->>'dose' = '1 tablet'"));

        accepted(post(
                null,
                String.join(
                        "\r",
                        msh("RDE^O25^RDE_O25", "O25-" + order, "202601111000"),
                        pid(p[0], p[1]),
                        segment("ORC", 1, "RF", 2, order),
                        rxe)));
        accepted(post(
                null,
                String.join(
                        "\r",
                        msh("RDS^O13^RDS_O13", "O13-" + order, "202601121000"),
                        pid(p[0], p[1]),
                        segment("ORC", 1, "RE", 2, order),
                        segment(
                                "RXD",
                                1,
                                "1",
                                2,
                                "322236009^Paracetamol 500mg tablets^SCT",
                                3,
                                "20260112",
                                4,
                                "32",
                                5,
                                "TAB^tablet"))));
        assertEquals(1, live(p[0], "MEDICATIONS", "medication/" + order, " and i.details->>'quantity' = '32 tablet'"));
        assertEquals(
                1,
                TestEnvironment.count("select count(*) from record_item where source_key = ?", "medication/" + order),
                "one medication for the order, its refill and its dispense");

        accepted(post(
                null,
                String.join(
                        "\r",
                        msh("RDE^O11^RDE_O11", "O11-DC-" + order, "202601131000"),
                        pid(p[0], p[1]),
                        segment("ORC", 1, "DC", 2, order),
                        rxe)));
        assertEquals(1, live(p[0], "MEDICATIONS", "medication/" + order, " and i.status = 'stopped'"));
    }

    @Test
    void aDischargeCarriesTheDiagnosesOfItsEncounter() throws Exception {
        String[] p = person();
        String visit = "V" + unique();
        accepted(post(
                null,
                String.join(
                        "\r",
                        msh("ADT^A03^ADT_A03", "A03-" + visit, "202601101000"),
                        "EVN|A03|20260110100000",
                        pid(p[0], p[1]),
                        segment("PV1", 1, "1", 2, "I", 19, visit, 44, "20260105090000", 45, "20260110100000"),
                        segment("DG1", 1, "1", 3, "J18.9^Pneumonia, unspecified^I10", 6, "F"))));
        assertEquals(1, live(p[0], "ENCOUNTERS", "visit/" + visit, ""));
        assertEquals(
                1,
                live(
                        p[0],
                        "PROBLEMS",
                        "diagnosis/" + visit + "/J18.9",
                        " and i.code_system = 'ICD10' and i.details->>'encounterClass' = 'final diagnosis of the encounter'"));
    }

    @Test
    void theNhsNumberIsFoundInPid2AndByTheNhsOid() throws Exception {
        String[] p = person();
        String order = "IMM" + unique();
        // v2.3: the NHS Number in PID-2, PID-3 holding only the hospital number.
        accepted(post(
                null,
                String.join(
                        "\r",
                        msh("VXU^V04^VXU_V04", "VXU-P2-" + order, "202601101000"),
                        segment("PID", 1, "1", 2, p[0], 3, "OTHER" + unique() + "^^^RX901^MR", 5, "TYPESENT^Jane"),
                        segment("ORC", 1, "RE", 3, order),
                        segment("RXA", 3, "20260110", 5, "MMR^MMR vaccine^L"))));
        assertEquals(1, live(p[0], "IMMUNISATIONS", "immunisation/" + order, ""));

        String second = "IMM2" + unique();
        accepted(post(
                null,
                String.join(
                        "\r",
                        msh("VXU^V04^VXU_V04", "VXU-OID-" + second, "202601101000"),
                        segment("PID", 1, "1", 3, p[0] + "^^^&2.16.840.1.113883.2.1.4.1&ISO", 5, "TYPESENT^Jane"),
                        segment("ORC", 1, "RE", 3, second),
                        segment("RXA", 3, "20260110", 5, "MMR^MMR vaccine^L"))));
        assertEquals(1, live(p[0], "IMMUNISATIONS", "immunisation/" + second, ""));
    }

    @Test
    void anImpliedLoincCodeIsKeptAsLoincOnceTheSourceIsMarked() throws Exception {
        String[] p = person();
        String order = "LAB" + unique();
        String oru = String.join(
                "\r",
                msh("ORU^R01^ORU_R01", "ORU-" + order, "202601101000"),
                pid(p[0], p[1]),
                segment("OBR", 1, "1", 3, order, 4, "CRP^CRP^L", 7, "20260110083000"),
                "OBX|1|NM|1988-5^C reactive protein||3|mg/L|<5|N|||F");
        TestEnvironment.execute(
                "update source_system set hl7_obx3_implies_loinc = true where code = ?", "avonvale-pas");
        try {
            accepted(post(null, oru));
        } finally {
            TestEnvironment.execute(
                    "update source_system set hl7_obx3_implies_loinc = false where code = ?", "avonvale-pas");
        }
        assertEquals(
                1,
                live(
                        p[0],
                        "RESULTS",
                        order + "/1988-5/",
                        " and i.code = '1988-5' and i.code_system = 'LOINC' and i.details->>'referenceHigh' = '5'"
                                + " and i.details->>'referenceText' = '<5'"));

        // Unmarked, the same code stays local.
        String local = "LAB2" + unique();
        accepted(post(null, oru.replace(order, local).replace("ORU-" + local, "ORU-L-" + local)));
        assertEquals(1, live(p[0], "RESULTS", local + "/1988-5/", " and i.code_system = 'LOCAL'"));
    }
}
