package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box: HL7 v2 over SOAP. Every sample message others wrote is answered without a server error
 * and with the outcome decided for it; UK-style ADT, ORU and A40 messages change the record.
 */
@ExtendWith(ArquillianExtension.class)
class Hl7IngestionSoapIT {

    private static final String PAS = "sys.avonvale-pas";
    private static final String PAS_PASSWORD = "Source-demo-pas-1";
    private static final Path SAMPLES = Path.of("../ejb-module/src/test/resources/hl7v2");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void directory() throws Exception {
        TestEnvironment.seedDirectory();
    }

    static Soap.Response post(String messageId, String er7) throws Exception {
        String escaped = er7.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\r", "&#13;");
        String envelope = ItemIngestionSoapIT.envelope("<icr:Hl7Message>"
                + (messageId == null ? "" : "<icr:messageId>" + messageId + "</icr:messageId>")
                + "<icr:er7>" + escaped + "</icr:er7></icr:Hl7Message>");
        return Soap.post(TestEnvironment.ingestionUrl(), "SubmitHl7", envelope, PAS, PAS_PASSWORD);
    }

    /** A segment with values at the given field positions, as in the unit tests' Er7 builder. */
    static String segment(String name, Object... positionsAndValues) {
        List<String> fields = new ArrayList<>(List.of(name));
        for (int i = 0; i < positionsAndValues.length; i += 2) {
            int position = (Integer) positionsAndValues[i];
            while (fields.size() <= position) {
                fields.add("");
            }
            fields.set(position, (String) positionsAndValues[i + 1]);
        }
        return String.join("|", fields);
    }

    private static final java.util.concurrent.atomic.AtomicInteger SECONDS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Each message a second later than the one before, so that versions (MSH-7) increase. */
    static String msh(String type, String controlId) {
        java.time.LocalDateTime at =
                java.time.LocalDateTime.of(2026, 1, 10, 9, 0).plusSeconds(SECONDS.incrementAndGet());
        String time = at.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        return "MSH|^~\\&|PAS|RX901|ICR|ICB90|" + time + "||" + type + "|" + controlId + "|P|2.5.1";
    }

    static String pid(String nhsNumber, String mrn, String family) {
        String ids = (nhsNumber == null ? "" : nhsNumber + "^^^NHS^NH~") + mrn + "^^^RX901^MR";
        return segment(
                "PID",
                1,
                "1",
                3,
                ids,
                5,
                family + "^JANE^^^MRS",
                7,
                "19700101",
                8,
                "F",
                11,
                "1 HIGH STREET^^BRISTOL^^BS1 1AA^GBR^H");
    }

    static String unique() {
        return Long.toString(System.nanoTime());
    }

    @Test
    void everySampleMessageIsAnsweredWithItsDecidedOutcome() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> refusedWith = new TreeMap<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("expected-outcomes.csv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split(",");
                expected.put(parts[0].strip(), parts[1].strip());
                if (parts.length > 2) {
                    refusedWith.put(parts[0].strip(), parts[2].strip());
                }
            }
        }
        List<String> files;
        try (Stream<Path> listing = Files.list(SAMPLES)) {
            files = listing.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".hl7"))
                    .sorted()
                    .toList();
        }
        assertTrue(files.size() >= 40, "samples found: " + files.size());
        for (String file : files) {
            String er7 = Files.readString(SAMPLES.resolve(file));
            Soap.Response r = post("sample-" + file + "-" + unique(), er7);
            assertEquals(200, r.status(), () -> file + ": " + r);
            String ack = r.element("acknowledgementCode");
            String outcome = r.element("outcome");
            switch (expected.get(file)) {
                case "MAPPED" -> {
                    if (refusedWith.containsKey(file)) {
                        // Mapped, then refused by the record for this source (a stable code in ERR).
                        assertEquals("AE", ack, () -> file + ": " + r);
                        assertEquals(refusedWith.get(file), r.element("errorCode"), () -> file + ": " + r);
                        continue;
                    }
                    assertEquals("AA", ack, () -> file + ": " + r);
                    assertTrue(List.of("ACCEPTED", "HELD_UNMATCHED").contains(outcome), () -> file + ": " + r);
                }
                case "NOT_USED" -> {
                    assertEquals("AA", ack, () -> file + ": " + r);
                    assertEquals("NOT_USED", outcome, () -> file + ": " + r);
                }
                case "REJECTED" -> assertEquals("AR", ack, () -> file + ": " + r);
                default -> throw new AssertionError("no expected outcome for " + file);
            }
        }
    }

    @Test
    void ukMessagesBuildTheRecordAndAnA40MergeMovesItsItems() throws Exception {
        String nhsA = TestEnvironment.freshNhsNumber();
        String nhsB = TestEnvironment.freshNhsNumber();
        String mrnA = "A" + unique();
        String mrnB = "B" + unique();
        String visit = "V" + unique();
        String order = "FL" + unique();

        Soap.Response a28 = post(
                null,
                String.join(
                        "\r",
                        msh("ADT^A28^ADT_A05", "A28-" + mrnA),
                        "EVN|A28|20260110090000",
                        pid(nhsA, mrnA, "HL7SURVIVOR")));
        assertEquals("AA", a28.element("acknowledgementCode"), a28::toString);
        assertEquals(1, TestEnvironment.count("select count(*) from person where nhs_number = ?", nhsA));

        Soap.Response a01 = post(
                null,
                String.join(
                        "\r",
                        msh("ADT^A01^ADT_A01", "A01-" + visit),
                        "EVN|A01|20260110090000",
                        pid(nhsA, mrnA, "HL7SURVIVOR"),
                        segment("PV1", 1, "1", 2, "I", 3, "WARD9^BED2^^RX901", 19, visit, 44, "20260110090000")));
        assertEquals("ACCEPTED", a01.element("outcome"), a01::toString);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item where source_key = ?"
                                + " and category = 'ENCOUNTERS' and withdrawn_at is null",
                        "visit/" + visit));

        // A laboratory message carrying only the hospital number is matched through it.
        Soap.Response oru = post(
                null,
                String.join(
                        "\r",
                        msh("ORU^R01^ORU_R01", "ORU-" + order),
                        segment("PID", 1, "1", 3, mrnA + "^^^RX901^MR"),
                        segment(
                                "OBR",
                                1,
                                "1",
                                2,
                                "PL1^ICE",
                                3,
                                order + "^LIMS",
                                4,
                                "FBC^Full blood count^L",
                                7,
                                "20260110083000"),
                        "OBX|1|NM|718-7^Haemoglobin^LN||130|g/L|115-165|N|||F"));
        assertEquals("ACCEPTED", oru.element("outcome"), oru::toString);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item i join person p on p.id = i.person_id"
                                + " where p.nhs_number = ? and i.category = 'RESULTS' and i.details->>'value' = '130'"
                                + " and i.details->>'referenceHigh' = '165'",
                        nhsA));

        // A11 cancels the admission: it leaves view and is kept.
        Soap.Response a11 = post(
                null,
                String.join(
                        "\r",
                        msh("ADT^A11^ADT_A09", "A11-" + visit),
                        "EVN|A11|20260110100000",
                        pid(nhsA, mrnA, "HL7SURVIVOR"),
                        segment("PV1", 1, "1", 2, "I", 19, visit)));
        assertEquals("ACCEPTED", a11.element("outcome"), a11::toString);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item where source_key = ?" + " and withdrawn_at is not null",
                        "visit/" + visit));

        // A second record of the same person, with a result, merged into the first by A40.
        post(
                null,
                String.join(
                        "\r",
                        msh("ADT^A28^ADT_A05", "A28-" + mrnB),
                        "EVN|A28|20260110090000",
                        pid(nhsB, mrnB, "HL7RETIRED")));
        post(
                null,
                String.join(
                        "\r",
                        msh("ORU^R01^ORU_R01", "ORU-B-" + order),
                        segment("PID", 1, "1", 3, mrnB + "^^^RX901^MR"),
                        segment(
                                "OBR",
                                1,
                                "1",
                                3,
                                order + "B^LIMS",
                                4,
                                "UE^Urea and electrolytes^L",
                                7,
                                "20260110083000"),
                        "OBX|1|NM|2823-3^Potassium^LN||4.1|mmol/L|3.5-5.3|N|||F"));
        Soap.Response a40 = post(
                null,
                String.join(
                        "\r",
                        msh("ADT^A40^ADT_A39", "A40-" + mrnB),
                        "EVN|A40|20260110110000",
                        pid(nhsA, mrnA, "HL7SURVIVOR"),
                        "MRG|" + mrnB + "^^^RX901^MR"));
        assertEquals("ACCEPTED", a40.element("outcome"), a40::toString);
        assertTrue(a40.body().contains("1 item(s) moved"), a40::toString);
        assertEquals(
                2,
                TestEnvironment.count(
                        "select count(*) from record_item i join person p on p.id = i.person_id"
                                + " where p.nhs_number = ? and i.category = 'RESULTS'",
                        nhsA));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from person r join person s on s.id = r.merged_into_id"
                                + " where r.nhs_number = ? and s.nhs_number = ?",
                        nhsB,
                        nhsA));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from person_merge m join person r"
                                + " on r.id = m.retired_person_id where r.nhs_number = ? and m.items_moved = 1",
                        nhsB));
    }

    @Test
    void aRepeatedControlIdGetsTheFirstAnswer() throws Exception {
        String mrn = "R" + unique();
        String message = String.join(
                "\r",
                msh("ADT^A28^ADT_A05", "REPEAT-" + mrn),
                "EVN|A28|20260110090000",
                pid(TestEnvironment.freshNhsNumber(), mrn, "HL7REPEAT"));
        Soap.Response first = post(null, message);
        Soap.Response repeat = post(null, message);
        assertEquals(first.element("outcome"), repeat.element("outcome"), repeat::toString);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from inbound_message where message_id = ? and status = 'DUPLICATE'",
                        "REPEAT-" + mrn));
    }

    @Test
    void garbageIsRejectedWithAnAr() throws Exception {
        Soap.Response r = post("garbage-" + unique(), "this is not HL7");
        assertEquals(200, r.status(), r::toString);
        assertEquals("AR", r.element("acknowledgementCode"), r::toString);
        assertEquals("HL7_REJECTED", r.element("errorCode"), r::toString);
    }

    @Test
    void anInvalidNhsNumberIsReportedAndNotUsed() throws Exception {
        String mrn = "N" + unique();
        Soap.Response r = post(
                null,
                String.join(
                        "\r",
                        msh("ADT^A28^ADT_A05", "BADNHS-" + mrn),
                        "EVN|A28|20260110090000",
                        pid("9434765918", mrn, "HL7BADNHS")));
        assertEquals(200, r.status(), r::toString);
        assertEquals(0, TestEnvironment.count("select count(*) from person where nhs_number = '9434765918'"));
    }
}
