package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Issue 21, items 1 to 3, black-box over real SOAP/HTTP against the real server and database:
 * equal versions ordered by arrival and every item not applied reported with its reason (SOAP
 * itemOutcome, HL7 ACK with an ERR segment of warning severity); withdrawals and cancellations
 * (SIU^S17) ordered against the item's versions, with a tombstone for a withdrawal that arrives
 * before its item; and partial batches.
 */
@ExtendWith(ArquillianExtension.class)
class IngestionOrderingSoapIT {

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
        nhsNumber = newPerson("ORDERING");
    }

    private static String newPerson(String family) throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                nhs,
                "Ms",
                "Order",
                family,
                LocalDate.of(1966, 6, 6),
                "female",
                "2 Road",
                "Bristol",
                "BS1 2AA",
                null,
                "Y90001",
                false);
        Soap.Response r = Soap.post(
                TestEnvironment.ingestionUrl(),
                DemoRegion.demographicsEnvelope("ord-person-" + nhs, person),
                GP,
                GP_PASSWORD);
        assertEquals(200, r.status(), r::toString);
        return nhs;
    }

    // ---- SOAP fixtures ----

    private static String id(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    private String nhs() {
        return "<icr:nhsNumber>" + nhsNumber + "</icr:nhsNumber>";
    }

    /** A medication whose version is a lastUpdated time. */
    private static String medicationAt(String key, String lastUpdated, String text) {
        return "<icr:item><icr:category>MEDICATIONS</icr:category><icr:sourceKey>" + key + "</icr:sourceKey>"
                + "<icr:lastUpdated>" + lastUpdated + "</icr:lastUpdated><icr:effectiveAt>2026-01-05T09:00:00Z"
                + "</icr:effectiveAt><icr:status>active</icr:status><icr:text>" + text + "</icr:text></icr:item>";
    }

    private static Soap.Response submit(String envelope) throws Exception {
        return Soap.post(TestEnvironment.ingestionUrl(), "SubmitItems", envelope, GP, GP_PASSWORD);
    }

    private static Soap.Response withdraw(String key, String reason, String versionElement) throws Exception {
        return Soap.post(
                TestEnvironment.ingestionUrl(),
                "WithdrawItems",
                ItemIngestionSoapIT.envelope("<icr:ItemWithdrawal><icr:messageId>" + id("wd")
                        + "</icr:messageId><icr:withdrawal><icr:sourceKey>" + key + "</icr:sourceKey><icr:reason>"
                        + reason + "</icr:reason>" + versionElement + "</icr:withdrawal></icr:ItemWithdrawal>"),
                GP,
                GP_PASSWORD);
    }

    /** One item's answer: outcome, faultCode and reason (null when absent). */
    record Answer(String sourceKey, String outcome, String faultCode, String reason) {}

    private static final Pattern ITEM_OUTCOME =
            Pattern.compile("<(?:\\w+:)?itemOutcome>(.*?)</(?:\\w+:)?itemOutcome>", Pattern.DOTALL);

    static List<Answer> answers(Soap.Response r) {
        List<Answer> answers = new ArrayList<>();
        Matcher m = ITEM_OUTCOME.matcher(r.body());
        while (m.find()) {
            String block = m.group(1);
            answers.add(new Answer(
                    field(block, "sourceKey"),
                    field(block, "outcome"),
                    field(block, "faultCode"),
                    field(block, "reason")));
        }
        return answers;
    }

    private static String field(String block, String name) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + name + ">([^<]*)</(?:\\w+:)?" + name + ">")
                .matcher(block);
        return m.find() ? m.group(1) : null;
    }

    private static long items(String sql, Object... values) throws Exception {
        return TestEnvironment.count(sql, values);
    }

    // ---- item 1: equal versions by arrival, every item not applied reported ----

    @Test
    void anUpdateWithTheSameLastUpdatedIsAppliedAndAnOlderOneIsReportedWithItsReason() throws Exception {
        String key = "ord-eq-" + nhsNumber;
        Soap.Response first =
                submit(ItemIngestionSoapIT.batch(id("eq1"), nhs(), medicationAt(key, "2026-01-05T10:00:00Z", "first")));
        assertEquals("CREATED", answers(first).get(0).outcome(), first::toString);
        Soap.Response same = submit(
                ItemIngestionSoapIT.batch(id("eq2"), nhs(), medicationAt(key, "2026-01-05T10:00:00Z", "second")));
        assertEquals(200, same.status(), same::toString);
        Answer sameAnswer = answers(same).get(0);
        assertEquals("UPDATED", sameAnswer.outcome(), same::toString);
        assertNull(sameAnswer.reason(), same::toString);
        assertEquals(1, items("select count(*) from record_item where source_key = ? and text = 'second'", key));

        Soap.Response older =
                submit(ItemIngestionSoapIT.batch(id("eq3"), nhs(), medicationAt(key, "2026-01-05T09:59:00Z", "older")));
        Answer olderAnswer = answers(older).get(0);
        assertEquals("ACCEPTED", older.element("outcome"), older::toString);
        assertEquals("IGNORED_OLDER_VERSION", olderAnswer.outcome(), older::toString);
        assertTrue(olderAnswer.reason().contains("newer version"), older::toString);
        assertEquals(1, items("select count(*) from record_item where source_key = ? and text = 'second'", key));
    }

    // ---- item 2: withdrawals respect versions ----

    @Test
    void aWithdrawalOlderThanTheItemIsIgnoredAndSaidSo() throws Exception {
        String key = "ord-wd-" + nhsNumber;
        submit(ItemIngestionSoapIT.batch(id("w5"), nhs(), ItemIngestionSoapIT.medication(key, 5, "five")));

        Soap.Response older = withdraw(key, "ENTERED_IN_ERROR", "<icr:version>4</icr:version>");
        assertEquals(200, older.status(), older::toString);
        Answer ignored = answers(older).get(0);
        assertEquals("IGNORED_OLDER_VERSION", ignored.outcome(), older::toString);
        assertTrue(ignored.reason().contains("newer"), older::toString);
        assertEquals(1, items("select count(*) from record_item where source_key = ? and withdrawn_at is null", key));

        Soap.Response equal = withdraw(key, "ENTERED_IN_ERROR", "<icr:version>5</icr:version>");
        assertEquals("WITHDRAWN", answers(equal).get(0).outcome(), equal::toString);
        assertEquals(
                1, items("select count(*) from record_item where source_key = ? and withdrawn_at is not null", key));

        // The withdrawn version sent again in a new message: by arrival, shown again (an "entered in
        // error" that was itself the error, or the same minute's DNR after "no DNR").
        Soap.Response again = submit(
                ItemIngestionSoapIT.batch(id("w5b"), nhs(), ItemIngestionSoapIT.medication(key, 5, "five again")));
        assertEquals("UPDATED", answers(again).get(0).outcome(), again::toString);
        assertEquals(
                1,
                items(
                        "select count(*) from record_item where source_key = ? and withdrawn_at is null"
                                + " and text = 'five again'",
                        key));

        // Withdrawn at 8: version 7 stays out and says so; 8, sent after the withdrawal, comes back.
        Soap.Response later = withdraw(key, "NO_LONGER_HELD", "<icr:version>8</icr:version>");
        assertEquals("WITHDRAWN", answers(later).get(0).outcome(), later::toString);
        Soap.Response seven =
                submit(ItemIngestionSoapIT.batch(id("w7"), nhs(), ItemIngestionSoapIT.medication(key, 7, "seven")));
        Answer stayedOut = answers(seven).get(0);
        assertEquals("IGNORED_WITHDRAWN", stayedOut.outcome(), seven::toString);
        assertTrue(
                stayedOut.reason().contains("withdrew the item at version 8, later than this one (7)"),
                seven::toString);
        assertEquals(
                1, items("select count(*) from record_item where source_key = ? and withdrawn_at is not null", key));
        Soap.Response eight =
                submit(ItemIngestionSoapIT.batch(id("w8"), nhs(), ItemIngestionSoapIT.medication(key, 8, "eight")));
        assertEquals("UPDATED", answers(eight).get(0).outcome(), eight::toString);
        assertEquals(
                1,
                items(
                        "select count(*) from record_item where source_key = ? and withdrawn_at is null"
                                + " and text = 'eight'",
                        key));
    }

    @Test
    void aWithdrawalBeforeItsItemKeepsTheLateItemOutOfView() throws Exception {
        String key = "ord-tomb-" + nhsNumber;
        Soap.Response early =
                withdraw(key, "ENTERED_IN_ERROR", "<icr:lastUpdated>2026-02-01T12:00:00Z</icr:lastUpdated>");
        Answer kept = answers(early).get(0);
        assertEquals("NOT_FOUND", kept.outcome(), early::toString);
        assertTrue(kept.reason().contains("kept"), early::toString);
        assertEquals(1, items("select count(*) from item_tombstone where source_key = ? and before_item", key));

        Soap.Response late =
                submit(ItemIngestionSoapIT.batch(id("late"), nhs(), medicationAt(key, "2026-02-01T12:00:00Z", "late")));
        assertEquals("IGNORED_WITHDRAWN", answers(late).get(0).outcome(), late::toString);
        assertEquals(0, items("select count(*) from record_item where source_key = ?", key));

        Soap.Response newer = submit(
                ItemIngestionSoapIT.batch(id("newer"), nhs(), medicationAt(key, "2026-02-01T12:00:01Z", "newer")));
        assertEquals("CREATED", answers(newer).get(0).outcome(), newer::toString);
        assertEquals(1, items("select count(*) from record_item where source_key = ? and withdrawn_at is null", key));
    }

    // ---- items 1 and 2 over HL7 v2 ----

    private static String msh(String type, String controlId, String time) {
        return "MSH|^~\\&|PAS|RX901|ICR|ICB90|" + time + "||" + type + "|" + controlId + "|P|2.5.1";
    }

    private static String siu(String event, String time, String nhs, String mrn, String appointment, String start) {
        return String.join(
                "\r",
                msh("SIU^" + event + "^SIU_S12", "SIU-" + event + "-" + System.nanoTime(), time),
                Hl7IngestionSoapIT.pid(nhs, mrn, "HL7ORDER"),
                Hl7IngestionSoapIT.segment("SCH", 1, appointment, 2, appointment, 7, "^Diabetes review", 25, "Booked"),
                Hl7IngestionSoapIT.segment("TQ1", 7, start, 8, start, 9, "R"));
    }

    private static String registered(String nhs, String mrn) throws Exception {
        Soap.Response r = Hl7IngestionSoapIT.post(
                null,
                String.join(
                        "\r",
                        msh("ADT^A28^ADT_A05", "A28-" + mrn, "202601100800"),
                        "EVN|A28|202601100800",
                        Hl7IngestionSoapIT.pid(nhs, mrn, "HL7ORDER")));
        assertEquals("AA", r.element("acknowledgementCode"), r::toString);
        return nhs;
    }

    @Test
    void hl7MessagesInTheSameMinuteAreAppliedInArrivalOrderAndAnOlderOneGetsAnErrWarning() throws Exception {
        String mrn = "O" + System.nanoTime();
        String nhs = registered(TestEnvironment.freshNhsNumber(), mrn);
        String appointment = "APT" + System.nanoTime();
        String key = "appointment/" + appointment;
        Soap.Response booked =
                Hl7IngestionSoapIT.post(null, siu("S12", "202601100900", nhs, mrn, appointment, "202602010930"));
        assertEquals("AA", booked.element("acknowledgementCode"), booked::toString);
        Soap.Response moved =
                Hl7IngestionSoapIT.post(null, siu("S13", "202601100900", nhs, mrn, appointment, "202602011030"));
        assertEquals("AA", moved.element("acknowledgementCode"), moved::toString);
        assertEquals("UPDATED", answers(moved).get(0).outcome(), moved::toString);
        assertTrue(moved.body().contains("MSA|AA|SIU-S13-"), moved::toString);
        assertTrue(!moved.body().contains("ERR|"), moved::toString);
        assertEquals(
                1,
                items(
                        "select count(*) from record_item where source_key = ? and effective_at = '2026-02-01 10:30:00 Europe/London'",
                        key));

        Soap.Response stale =
                Hl7IngestionSoapIT.post(null, siu("S13", "202601100859", nhs, mrn, appointment, "202602011130"));
        assertEquals("AA", stale.element("acknowledgementCode"), stale::toString);
        Answer ignored = answers(stale).get(0);
        assertEquals("IGNORED_OLDER_VERSION", ignored.outcome(), stale::toString);
        assertTrue(ignored.reason().contains("newer version"), stale::toString);
        assertTrue(
                stale.body()
                        .contains(
                                "ERR|||0^Message accepted^HL70357|W|IGNORED_OLDER_VERSION^IGNORED_OLDER_VERSION^99OICR|"
                                        + key),
                stale::toString);
        assertEquals(
                1,
                items(
                        "select count(*) from record_item where source_key = ? and effective_at = '2026-02-01 10:30:00 Europe/London'",
                        key));
    }

    @Test
    void olderDemographicsOverHl7AreAcceptedWithAnErrWarningNotSilently() throws Exception {
        String mrn = "D" + System.nanoTime();
        String nhs = registered(TestEnvironment.freshNhsNumber(), mrn);
        Soap.Response older = Hl7IngestionSoapIT.post(
                null,
                String.join(
                        "\r",
                        msh("ADT^A31^ADT_A05", "A31-" + mrn, "202601100700"),
                        "EVN|A31|202601100700",
                        Hl7IngestionSoapIT.pid(nhs, mrn, "HL7OLDER")));
        assertEquals("AA", older.element("acknowledgementCode"), older::toString);
        assertTrue(
                older.body().contains("ERR|||0^Message accepted^HL70357|W|SUPERSEDED^SUPERSEDED^99OICR||"),
                older::toString);
        assertEquals(1, items("select count(*) from person where nhs_number = ? and family_name = 'HL7ORDER'", nhs));
    }

    private static Soap.Response a31(String nhs, String mrn, String time, String directive) throws Exception {
        return Hl7IngestionSoapIT.post(
                null,
                String.join(
                        "\r",
                        msh("ADT^A31^ADT_A05", "A31-" + System.nanoTime(), time),
                        "EVN|A31|" + time,
                        Hl7IngestionSoapIT.pid(nhs, mrn, "HL7ORDER"),
                        Hl7IngestionSoapIT.segment("PD1", 15, directive)));
    }

    private static long dnacpr(String nhs, String withdrawn) throws Exception {
        return items(
                "select count(*) from record_item i join person p on p.id = i.person_id where p.nhs_number = ?"
                        + " and i.category = 'CARE_PLANS' and i.withdrawn_at is " + withdrawn,
                nhs);
    }

    @Test
    void aDnrSentAgainInTheMinuteItWasCancelledIsShownAgain() throws Exception {
        String mrn = "R" + System.nanoTime();
        String nhs = registered(TestEnvironment.freshNhsNumber(), mrn);
        assertEquals("AA", a31(nhs, mrn, "202601100900", "DNR").element("acknowledgementCode"));
        assertEquals(1, dnacpr(nhs, "null"));
        Soap.Response none = a31(nhs, mrn, "202601100930", "N");
        assertEquals("WITHDRAWN", answers(none).get(0).outcome(), none::toString);
        assertEquals(1, dnacpr(nhs, "not null"));
        // The same minute, the decision again: by arrival it is shown, not hidden by the cancellation.
        Soap.Response again = a31(nhs, mrn, "202601100930", "DNR");
        assertEquals("AA", again.element("acknowledgementCode"), again::toString);
        assertTrue(again.body().contains("<outcome>UPDATED</outcome>"), again::toString);
        assertEquals(1, dnacpr(nhs, "null"));
    }

    @Test
    void anS17DatedBeforeTheS13DoesNotRemoveTheAppointmentAndALaterOneDoes() throws Exception {
        String mrn = "S" + System.nanoTime();
        String nhs = registered(TestEnvironment.freshNhsNumber(), mrn);
        String appointment = "APS" + System.nanoTime();
        String key = "appointment/" + appointment;
        Hl7IngestionSoapIT.post(null, siu("S12", "202601100900", nhs, mrn, appointment, "202602010930"));
        Hl7IngestionSoapIT.post(null, siu("S13", "202601101100", nhs, mrn, appointment, "202602011030"));

        Soap.Response early =
                Hl7IngestionSoapIT.post(null, siu("S17", "202601101000", nhs, mrn, appointment, "202602011030"));
        assertEquals("AA", early.element("acknowledgementCode"), early::toString);
        assertEquals("IGNORED_OLDER_VERSION", answers(early).get(0).outcome(), early::toString);
        assertTrue(early.body().contains("|W|IGNORED_OLDER_VERSION^"), early::toString);
        assertEquals(1, items("select count(*) from record_item where source_key = ? and withdrawn_at is null", key));

        Soap.Response later =
                Hl7IngestionSoapIT.post(null, siu("S17", "202601101200", nhs, mrn, appointment, "202602011030"));
        assertEquals("WITHDRAWN", answers(later).get(0).outcome(), later::toString);
        assertEquals(
                1, items("select count(*) from record_item where source_key = ? and withdrawn_at is not null", key));

        // A rescheduling delivered late (older than the deletion) does not bring it back, and says so.
        Soap.Response stale =
                Hl7IngestionSoapIT.post(null, siu("S13", "202601101130", nhs, mrn, appointment, "202602011230"));
        assertEquals("IGNORED_WITHDRAWN", answers(stale).get(0).outcome(), stale::toString);
        assertTrue(stale.body().contains("|W|IGNORED_WITHDRAWN^"), stale::toString);
        assertEquals(
                1, items("select count(*) from record_item where source_key = ? and withdrawn_at is not null", key));
    }

    @Test
    void anS17ThatArrivesBeforeItsAppointmentKeepsTheLateBookingOutOfView() throws Exception {
        String mrn = "T" + System.nanoTime();
        String nhs = registered(TestEnvironment.freshNhsNumber(), mrn);
        String appointment = "APT" + System.nanoTime();
        String key = "appointment/" + appointment;
        Soap.Response deleted =
                Hl7IngestionSoapIT.post(null, siu("S17", "202601101000", nhs, mrn, appointment, "202602010930"));
        assertEquals("AA", deleted.element("acknowledgementCode"), deleted::toString);
        Answer kept = answers(deleted).get(0);
        assertEquals("NOT_FOUND", kept.outcome(), deleted::toString);
        assertTrue(kept.reason().contains("kept"), deleted::toString);
        assertTrue(deleted.body().contains("|W|NOT_FOUND^"), deleted::toString);

        Soap.Response booked =
                Hl7IngestionSoapIT.post(null, siu("S12", "202601100900", nhs, mrn, appointment, "202602010930"));
        assertEquals("AA", booked.element("acknowledgementCode"), booked::toString);
        assertEquals("IGNORED_WITHDRAWN", answers(booked).get(0).outcome(), booked::toString);
        assertTrue(booked.body().contains("|W|IGNORED_WITHDRAWN^"), booked::toString);
        assertEquals(0, items("select count(*) from record_item where source_key = ?", key));

        Soap.Response rebooked =
                Hl7IngestionSoapIT.post(null, siu("S12", "202601101001", nhs, mrn, appointment, "202602011130"));
        assertEquals("CREATED", answers(rebooked).get(0).outcome(), rebooked::toString);
        assertEquals(1, items("select count(*) from record_item where source_key = ? and withdrawn_at is null", key));
    }

    @Test
    void aRefusedHl7MessageGetsAnAckWithAnErrOfErrorSeverity() throws Exception {
        Soap.Response garbage = Hl7IngestionSoapIT.post("garbage-" + System.nanoTime(), "this is not HL7");
        assertEquals("AR", garbage.element("acknowledgementCode"), garbage::toString);
        assertTrue(garbage.body().contains("MSA|AR|"), garbage::toString);
        assertTrue(
                garbage.body().contains("ERR|||102^Data type error^HL70357|E|HL7_REJECTED^HL7_REJECTED^99OICR|||"),
                garbage::toString);
    }

    // ---- item 3: partial batches ----

    private static String unknownSystem(String key) {
        return "<icr:item><icr:category>ALLERGIES</icr:category><icr:sourceKey>" + key + "</icr:sourceKey>"
                + "<icr:version>1</icr:version><icr:code><icr:system>NOT_A_SYSTEM</icr:system><icr:code>123</icr:code>"
                + "</icr:code></icr:item>";
    }

    private static String endBeforeStart(String key) {
        return "<icr:item><icr:category>ENCOUNTERS</icr:category><icr:sourceKey>" + key + "</icr:sourceKey>"
                + "<icr:version>1</icr:version><icr:effectiveAt>2026-01-05T10:00:00Z</icr:effectiveAt>"
                + "<icr:effectiveEnd>2026-01-05T09:00:00Z</icr:effectiveEnd><icr:text>Clinic</icr:text></icr:item>";
    }

    private String partialBatch(String messageId, boolean partial, String... items) {
        String batch = ItemIngestionSoapIT.batch(messageId, nhs(), items);
        return partial ? batch.replace("<icr:ItemBatch>", "<icr:ItemBatch partial=\"true\">") : batch;
    }

    @Test
    void aPartialBatchStoresEachValidItemAndAnswersEachInvalidOneWithItsOwnFault() throws Exception {
        String p = "ord-part-" + nhsNumber;
        String messageId = id("partial");
        String envelope = partialBatch(
                messageId,
                true,
                ItemIngestionSoapIT.medication(p + "-1", 1, "valid one"),
                unknownSystem(p + "-2"),
                endBeforeStart(p + "-3"),
                ItemIngestionSoapIT.medication(p + "-4", 1, "valid four"));
        Soap.Response r = submit(envelope);
        assertEquals(200, r.status(), r::toString);
        assertEquals("PARTIALLY_ACCEPTED", r.element("outcome"), r::toString);
        List<Answer> answers = answers(r);
        assertEquals(4, answers.size(), r::toString);
        assertEquals(new Answer(p + "-1", "CREATED", null, null), answers.get(0));
        assertEquals("REFUSED", answers.get(1).outcome());
        assertEquals("UNKNOWN_CODE_SYSTEM", answers.get(1).faultCode());
        assertTrue(answers.get(1).reason().startsWith("item 2: "), r::toString);
        assertTrue(answers.get(1).reason().contains("NOT_A_SYSTEM"), r::toString);
        assertEquals("REFUSED", answers.get(2).outcome());
        assertEquals("INVALID_INPUT", answers.get(2).faultCode());
        assertTrue(answers.get(2).reason().contains("item 3: effectiveEnd"), r::toString);
        assertEquals(new Answer(p + "-4", "CREATED", null, null), answers.get(3));
        assertEquals(2, items("select count(*) from record_item where source_key like ?", p + "-%"));
        assertEquals(
                1,
                items(
                        "select count(*) from inbound_message where message_id = ? and status = 'ACCEPTED'"
                                + " and outcome like '%UNKNOWN_CODE_SYSTEM%'",
                        messageId));

        // A repeat gets the same answer, item by item, and changes nothing.
        Soap.Response repeat = submit(envelope);
        assertEquals(answers, answers(repeat), repeat::toString);
        assertEquals("PARTIALLY_ACCEPTED", repeat.element("outcome"), repeat::toString);
    }

    @Test
    void underPartialAValueTooLongForItsFieldRefusesOnlyItsItem() throws Exception {
        String p = "ord-long-" + nhsNumber;
        String tooLong = ItemIngestionSoapIT.medication(p + "-2", 1, "too long")
                .replace("<icr:code>39720311000001101</icr:code>", "<icr:code>" + "7".repeat(41) + "</icr:code>");
        Soap.Response r =
                submit(partialBatch(id("long"), true, ItemIngestionSoapIT.medication(p + "-1", 1, "fits"), tooLong));
        assertEquals(200, r.status(), r::toString);
        assertEquals("PARTIALLY_ACCEPTED", r.element("outcome"), r::toString);
        List<Answer> answers = answers(r);
        assertEquals("CREATED", answers.get(0).outcome(), r::toString);
        assertEquals(
                new Answer(
                        p + "-2",
                        "REFUSED",
                        "INVALID_INPUT",
                        "ItemBatch/item[2]/code/code is longer than its limit of 40 characters (it has 41)."),
                answers.get(1));
        assertEquals(1, items("select count(*) from record_item where source_key like ?", p + "-%"));

        // The same batch without partial: refused whole, with the same reason as before issue 21.
        Soap.Response whole = submit(
                partialBatch(id("long-all"), false, ItemIngestionSoapIT.medication(p + "-3", 1, "fits"), tooLong));
        assertEquals(500, whole.status(), whole::toString);
        assertEquals("INVALID_INPUT", whole.faultCode(), whole::toString);
        assertTrue(
                whole.body()
                        .contains("ItemBatch/item[2]/code/code is longer than its limit of 40 characters (it has 41)."),
                whole::toString);
        assertEquals(0, items("select count(*) from record_item where source_key = ?", p + "-3"));
    }

    @Test
    void withoutPartialOneInvalidItemStillRefusesTheWholeBatch() throws Exception {
        String p = "ord-all-" + nhsNumber;
        Soap.Response r = submit(partialBatch(
                id("all"), false, ItemIngestionSoapIT.medication(p + "-1", 1, "valid"), unknownSystem(p + "-2")));
        assertEquals(500, r.status(), r::toString);
        assertEquals("UNKNOWN_CODE_SYSTEM", r.faultCode(), r::toString);
        assertEquals(0, items("select count(*) from record_item where source_key like ?", p + "-%"));
    }

    @Test
    void underPartialAKeyOfAnotherPersonIsRefusedAloneAndTheRestIsStored() throws Exception {
        String other = newPerson("OTHER");
        String shared = "ord-conflict-" + nhsNumber;
        submit(ItemIngestionSoapIT.batch(
                id("owner"),
                "<icr:nhsNumber>" + other + "</icr:nhsNumber>",
                ItemIngestionSoapIT.medication(shared, 1, "the other person's")));
        Soap.Response r = submit(partialBatch(
                id("conflict"),
                true,
                ItemIngestionSoapIT.medication(shared, 2, "wrong person"),
                ItemIngestionSoapIT.medication(shared + "-own", 1, "own")));
        assertEquals("PARTIALLY_ACCEPTED", r.element("outcome"), r::toString);
        List<Answer> answers = answers(r);
        assertEquals("REFUSED", answers.get(0).outcome(), r::toString);
        assertEquals("SOURCE_KEY_CONFLICT", answers.get(0).faultCode(), r::toString);
        assertEquals("CREATED", answers.get(1).outcome(), r::toString);
        assertEquals(
                1,
                items(
                        "select count(*) from record_item where source_key = ? and text = 'the other person''s'",
                        shared));
    }

    @Test
    void aRepeatOfAMessageAnsweredBeforeItemReasonsExistedGetsItsFirstAnswer() throws Exception {
        String key = "ord-old-" + nhsNumber;
        String messageId = id("old");
        String envelope = ItemIngestionSoapIT.batch(messageId, nhs(), ItemIngestionSoapIT.medication(key, 1, "old"));
        assertEquals(200, submit(envelope).status());
        // The answer as stored before issue 21: items without faultCode and reason.
        TestEnvironment.execute(
                "update inbound_message set outcome = '{\"items\":[{\"outcome\":\"CREATED\",\"sourceKey\":\"' || ? ||"
                        + " '\"}],\"outcome\":\"ACCEPTED\",\"personReference\":' || person_id || ',\"reasons\":[]}'"
                        + " where message_id = ? and status = 'ACCEPTED'",
                key,
                messageId);
        Soap.Response repeat = submit(envelope);
        assertEquals(200, repeat.status(), repeat::toString);
        assertEquals(List.of(new Answer(key, "CREATED", null, null)), answers(repeat), repeat::toString);
    }
}
