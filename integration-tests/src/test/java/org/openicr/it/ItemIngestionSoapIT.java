package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openicr.tools.demo.DemoRegion;
import org.openicr.tools.demo.DemoRegion.DemoPerson;

/**
 * Black-box: record items over real SOAP/HTTP. Batches, idempotency on message id, out-of-order
 * versions, matching by local identifier, unmatched messages held, withdrawals, and every fault
 * code for bad input, with the raw message kept in the inbox whatever its fate.
 */
@ExtendWith(ArquillianExtension.class)
class ItemIngestionSoapIT {

    private static final String GP = "sys.riverside-gp";
    private static final String GP_PASSWORD = "Source-demo-gp-1";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    private String nhsNumber;

    @BeforeAll
    static void directory() throws Exception {
        TestEnvironment.seedDirectory();
    }

    @BeforeEach
    void person() throws Exception {
        nhsNumber = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                nhsNumber,
                "Mr",
                "Item",
                "TESTER",
                LocalDate.of(1970, 3, 3),
                "male",
                "1 Road",
                "Bristol",
                "BS1 1AA",
                null,
                "Y90001",
                false);
        Soap.Response r = Soap.post(
                TestEnvironment.ingestionUrl(),
                DemoRegion.demographicsEnvelope("items-person-" + nhsNumber, person),
                GP,
                GP_PASSWORD);
        assertEquals(200, r.status(), r::toString);
    }

    static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:icr=\"urn:openicr:ingestion:v1\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }

    static String batch(String messageId, String patient, String... items) {
        return envelope("<icr:ItemBatch><icr:messageId>" + messageId + "</icr:messageId><icr:patient>" + patient
                + "</icr:patient>" + String.join("", items) + "</icr:ItemBatch>");
    }

    static String medication(String key, long version, String text) {
        return "<icr:item><icr:category>MEDICATIONS</icr:category><icr:sourceKey>" + key + "</icr:sourceKey>"
                + "<icr:version>" + version + "</icr:version><icr:effectiveAt>2026-01-05T09:00:00Z</icr:effectiveAt>"
                + "<icr:status>active</icr:status><icr:code><icr:system>DMD</icr:system><icr:code>39720311000001101"
                + "</icr:code><icr:display>Amlodipine 5mg tablets</icr:display></icr:code><icr:text>" + text
                + "</icr:text><icr:detail><icr:name>dose</icr:name><icr:value>One daily</icr:value></icr:detail>"
                + "</icr:item>";
    }

    private String nhs() {
        return "<icr:nhsNumber>" + nhsNumber + "</icr:nhsNumber>";
    }

    private static Soap.Response submit(String envelope) throws Exception {
        return Soap.post(TestEnvironment.ingestionUrl(), "SubmitItems", envelope, GP, GP_PASSWORD);
    }

    private static String id(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    private long storedWithStatus(String messageId, String status) throws Exception {
        return TestEnvironment.count(
                "select count(*) from inbound_message where message_id = ? and status = ? and octet_length(raw) > 0",
                messageId,
                status);
    }

    @Test
    void aBatchIsStoredAndEachItemAnswered() throws Exception {
        String messageId = id("batch");
        Soap.Response r = submit(batch(
                messageId,
                nhs(),
                medication("med-1-" + nhsNumber, 1, "first"),
                medication("med-2-" + nhsNumber, 1, "second")));
        assertEquals(200, r.status(), r::toString);
        assertEquals("ACCEPTED", r.element("outcome"), r::toString);
        assertEquals(2, r.body().split("<outcome>CREATED</outcome>").length - 1, r::toString);
        assertEquals(
                2,
                TestEnvironment.count(
                        "select count(*) from record_item i join person p on p.id = i.person_id where p.nhs_number = ?"
                                + " and i.category = 'MEDICATIONS' and i.details->>'dose' = 'One daily'"
                                + " and i.code_system = 'DMD'",
                        nhsNumber));
        assertEquals(1, storedWithStatus(messageId, "ACCEPTED"));
        // Stored once, raw and with its outcome, in the transaction that wrote the items: the items
        // name that inbox row, and so does the audit event written with it.
        assertEquals(
                2,
                TestEnvironment.count(
                        "select count(*) from record_item i join inbound_message m on m.id = i.inbound_message_id"
                                + " where m.message_id = ? and m.item_count = 2 and m.outcome like '%CREATED%'"
                                + " and m.processed_at >= m.received_at",
                        messageId));
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event e join inbound_message m on e.detail like '%(inbox ' || m.id"
                                + " || ')%' where m.message_id = ? and e.action = 'MESSAGE_INGESTED'"
                                + " and e.outcome = 'SUCCESS'",
                        messageId));
    }

    @Test
    void aRepeatedMessageIdGetsTheFirstAnswerAndChangesNothing() throws Exception {
        String messageId = id("repeat");
        String key = "med-r-" + nhsNumber;
        Soap.Response first = submit(batch(messageId, nhs(), medication(key, 5, "original")));
        assertEquals(200, first.status(), first::toString);
        Soap.Response repeat = submit(batch(messageId, nhs(), medication(key, 9, "changed in the repeat")));
        assertEquals(200, repeat.status(), repeat::toString);
        assertEquals(first.element("itemOutcome"), repeat.element("itemOutcome"));
        assertTrue(repeat.body().contains("<outcome>CREATED</outcome>"), repeat::toString);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item where source_key = ? and text = 'original' and version = 5",
                        key));
        assertEquals(1, storedWithStatus(messageId, "DUPLICATE"));
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() throws Exception {
        String key = "med-v-" + nhsNumber;
        assertEquals(
                200,
                submit(batch(id("v3"), nhs(), medication(key, 3, "version three")))
                        .status());
        Soap.Response older = submit(batch(id("v2"), nhs(), medication(key, 2, "version two")));
        assertEquals(200, older.status(), older::toString);
        assertTrue(older.body().contains("<outcome>IGNORED_OLDER_VERSION</outcome>"), older::toString);
        Soap.Response newer = submit(batch(id("v4"), nhs(), medication(key, 4, "version four")));
        assertTrue(newer.body().contains("<outcome>UPDATED</outcome>"), newer::toString);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item where source_key = ? and text = 'version four'", key));
    }

    @Test
    void concurrentMessagesForOnePersonAreAllStoredAndTheNewestVersionWins() throws Exception {
        String shared = "med-c-" + nhsNumber;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Soap.Response>> answers = new java.util.ArrayList<>();
            for (int i = 1; i <= 24; i++) {
                int version = i;
                answers.add(pool.submit(() -> submit(batch(
                        id("conc" + version),
                        nhs(),
                        medication(shared, version, "version " + version),
                        medication("med-c" + version + "-" + nhsNumber, 1, "own item " + version)))));
            }
            for (java.util.concurrent.Future<Soap.Response> answer : answers) {
                Soap.Response r = answer.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(200, r.status(), r::toString);
                assertEquals("ACCEPTED", r.element("outcome"), r::toString);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item where source_key = ? and version = 24 and text = 'version 24'",
                        shared));
        assertEquals(
                25,
                TestEnvironment.count(
                        "select count(*) from record_item i join person p on p.id = i.person_id where p.nhs_number = ?",
                        nhsNumber));
    }

    @Test
    void itemsAreMatchedByTheSourcesLocalIdentifier() throws Exception {
        String local = "RX" + System.nanoTime();
        assertEquals(
                200,
                submit(batch(
                                id("link"),
                                nhs() + "<icr:localIdentifier>" + local + "</icr:localIdentifier>",
                                medication("med-l1-" + nhsNumber, 1, "linked")))
                        .status());
        Soap.Response byLocal = submit(batch(
                id("local"),
                "<icr:localIdentifier>" + local + "</icr:localIdentifier>",
                medication("med-l2-" + nhsNumber, 1, "by local id")));
        assertEquals("ACCEPTED", byLocal.element("outcome"), byLocal::toString);
        assertEquals(
                2,
                TestEnvironment.count(
                        "select count(*) from record_item i join person p on p.id = i.person_id where p.nhs_number = ?",
                        nhsNumber));
    }

    @Test
    void aMessageForNobodyKnownIsHeldNotDropped() throws Exception {
        String messageId = id("unmatched");
        Soap.Response r = submit(batch(
                messageId,
                "<icr:localIdentifier>UNKNOWN-" + System.nanoTime() + "</icr:localIdentifier>",
                medication("med-u-" + nhsNumber, 1, "held")));
        assertEquals(200, r.status(), r::toString);
        assertEquals("HELD_UNMATCHED", r.element("outcome"), r::toString);
        assertEquals(1, storedWithStatus(messageId, "UNMATCHED"));
    }

    @Test
    void withdrawnItemsLeaveViewButAreKept() throws Exception {
        String key = "med-w-" + nhsNumber;
        assertEquals(
                200,
                submit(batch(id("w"), nhs(), medication(key, 1, "to withdraw"))).status());
        Soap.Response r = Soap.post(
                TestEnvironment.ingestionUrl(),
                "WithdrawItems",
                envelope("<icr:ItemWithdrawal><icr:messageId>" + id("wd") + "</icr:messageId><icr:withdrawal>"
                        + "<icr:sourceKey>" + key
                        + "</icr:sourceKey><icr:reason>RETENTION</icr:reason></icr:withdrawal>"
                        + "<icr:withdrawal><icr:sourceKey>never-sent</icr:sourceKey><icr:reason>CANCELLED</icr:reason>"
                        + "</icr:withdrawal></icr:ItemWithdrawal>"),
                GP,
                GP_PASSWORD);
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.body().contains("<outcome>WITHDRAWN</outcome>"), r::toString);
        assertTrue(r.body().contains("<outcome>NOT_FOUND</outcome>"), r::toString);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from record_item where source_key = ? and withdrawn_at is not null"
                                + " and withdrawn_reason = 'RETENTION'",
                        key));
    }

    private void assertFault(String envelope, String operation, String code, String messageId) throws Exception {
        Soap.Response r = Soap.post(TestEnvironment.ingestionUrl(), operation, envelope, GP, GP_PASSWORD);
        assertEquals(500, r.status(), r::toString);
        assertEquals(code, r.faultCode(), r::toString);
        assertTrue(r.body().contains("<reason>"), r::toString);
        if (messageId != null) {
            assertEquals(
                    1,
                    TestEnvironment.count(
                            "select count(*) from inbound_message where message_id = ? and status = 'REJECTED'"
                                    + " and error_code = ? and octet_length(raw) > 0",
                            messageId,
                            code));
        }
    }

    @Test
    void anUnknownCategoryIsRefused() throws Exception {
        String messageId = id("cat");
        assertFault(
                batch(messageId, nhs(), medication("k-" + nhsNumber, 1, "x").replace("MEDICATIONS", "HOROSCOPES")),
                "SubmitItems",
                "UNKNOWN_CATEGORY",
                messageId);
    }

    @Test
    void anUnknownCodeSystemIsRefused() throws Exception {
        String messageId = id("cs");
        assertFault(
                batch(messageId, nhs(), medication("k-" + nhsNumber, 1, "x").replace(">DMD<", ">MYSTERY<")),
                "SubmitItems",
                "UNKNOWN_CODE_SYSTEM",
                messageId);
    }

    @Test
    void anInvalidNhsNumberIsRefused() throws Exception {
        String messageId = id("nhs");
        assertFault(
                batch(messageId, "<icr:nhsNumber>9434765918</icr:nhsNumber>", medication("k1", 1, "x")),
                "SubmitItems",
                "INVALID_NHS_NUMBER",
                messageId);
    }

    @Test
    void aRepeatOfARejectedMessageGetsTheSameRefusal() throws Exception {
        String messageId = id("rej");
        String bad = batch(messageId, "<icr:nhsNumber>9434765918</icr:nhsNumber>", medication("k2", 1, "x"));
        assertFault(bad, "SubmitItems", "INVALID_NHS_NUMBER", messageId);
        Soap.Response again = submit(bad);
        assertEquals("INVALID_NHS_NUMBER", again.faultCode(), again::toString);
        assertEquals(1, storedWithStatus(messageId, "DUPLICATE"));
    }

    @Test
    void schemaInvalidXmlIsRefusedAndKept() throws Exception {
        String messageId = id("schema");
        String invalid = batch(messageId, nhs(), medication("k-" + nhsNumber, 1, "x"))
                .replace("<icr:sourceKey>", "<icr:unexpected>1</icr:unexpected><icr:sourceKey>");
        Soap.Response r = submit(invalid);
        assertEquals(500, r.status(), r::toString);
        assertEquals("SCHEMA_INVALID", r.faultCode(), r::toString);
        long kept = TestEnvironment.count(
                "select count(*) from inbound_message where status = 'REJECTED' and error_code = 'SCHEMA_INVALID'"
                        + " and convert_from(raw, 'UTF8') like ?",
                "%" + messageId + "%");
        assertEquals(1, kept);
    }

    @Test
    void xmlThatIsNotWellFormedIsRefused() throws Exception {
        Soap.Response r = submit(envelope("<icr:ItemBatch><icr:messageId>broken"));
        assertEquals("SCHEMA_INVALID", r.faultCode(), r::toString);
    }

    @Test
    void externalEntitiesAreRefusedBeforeParsing() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + batch(id("xxe"), nhs(), medication("k-" + nhsNumber, 1, "&xxe;"));
        Soap.Response r = submit(xxe);
        assertEquals("XML_NOT_ALLOWED", r.faultCode(), r::toString);
        assertTrue(!r.body().contains("root:"), r::toString);
    }

    @Test
    void entityExpansionIsRefusedBeforeParsing() throws Exception {
        String lol = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + batch(id("lol"), nhs(), medication("k-" + nhsNumber, 1, "&lol3;"));
        assertEquals("XML_NOT_ALLOWED", submit(lol).faultCode());
    }

    @Test
    void anOversizedMessageIsRefusedAndTheServerStaysHealthy() throws Exception {
        String big = batch(id("big"), nhs(), medication("k-" + nhsNumber, 1, "x".repeat(11 * 1024 * 1024)));
        Soap.Response r = submit(big);
        assertEquals(500, r.status(), r::toString);
        assertEquals("MESSAGE_TOO_LARGE", r.faultCode(), r::toString);
        Soap.Response after = submit(batch(id("after"), nhs(), medication("k-after-" + nhsNumber, 1, "fine")));
        assertEquals(200, after.status(), after::toString);
    }
}
