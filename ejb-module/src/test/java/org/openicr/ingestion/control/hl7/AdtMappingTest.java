package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.ingestion.control.hl7.Er7.INVALID_NHS_NUMBER;
import static org.openicr.ingestion.control.hl7.Er7.NHS_NUMBER;
import static org.openicr.ingestion.control.hl7.Er7.PID_UK;
import static org.openicr.ingestion.control.hl7.Er7.message;
import static org.openicr.ingestion.control.hl7.Er7.msh;
import static org.openicr.ingestion.control.hl7.Er7.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.ingestion.control.hl7.Hl7Command.CancelItem;
import org.openicr.ingestion.control.hl7.Hl7Command.MergePersons;
import org.openicr.ingestion.control.hl7.Hl7Command.UpsertItem;
import org.openicr.ingestion.control.hl7.Hl7Command.UpsertPerson;
import org.openicr.patient.entity.Demographics;
import org.openicr.patient.entity.Gender;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.NhsNumber;
import org.openicr.vocabulary.Sensitivity;

class AdtMappingTest {

    private static final Hl7Mapper MAPPER = new Hl7Mapper();

    private static final String EVN = segment("EVN", 1, "A01", 2, "20240612142500");
    private static final String PD1 = segment("PD1", 3, "LEEDS PRACTICE^^^^^^^^^B86001");
    private static final String PV1 = segment(
            "PV1",
            2,
            "I",
            3,
            "WARD7^BAY2^BED3^RX1",
            6,
            "AMU^BAY1^BED9^RX1",
            7,
            "C123^JONES^ALAN^^^DR",
            10,
            "GMED^General medicine^L",
            19,
            "V99887^^^RX1^VN",
            44,
            "20240612140000");

    /** MSH-7 20240612143000 in British Summer Time. */
    private static final long VERSION = Instant.parse("2024-06-12T13:30:00Z").toEpochMilli();

    @Test
    void admissionUpdatesThePersonAndOpensAnEncounter() {
        Hl7Mapping mapping = map("ADT^A01^ADT_A01", EVN, PID_UK, PD1, PV1);

        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        assertEquals("ADT^A01", mapping.messageType());
        assertEquals("MSG1", mapping.controlId());
        assertEquals("PAS", mapping.sendingApplication());
        assertEquals("RX1", mapping.sendingFacility());
        assertEquals(NhsNumber.of(NHS_NUMBER), mapping.identity().nhsNumber());
        assertEquals(
                List.of(new LocalIdentifier("RX1", "MR", "RX1-123456")),
                mapping.identity().localIdentifiers());
        assertEquals(List.of(), mapping.reasons());

        Demographics person = mapping.commands(UpsertPerson.class).get(0).demographics();
        assertEquals(NhsNumber.of(NHS_NUMBER), person.nhsNumber());
        assertEquals("MRS", person.title());
        assertEquals("JANE ANNE", person.givenNames());
        assertEquals("SMITH", person.familyName(), "the legal name (XPN-7 L), not the maiden name");
        assertEquals(LocalDate.of(1970, 1, 1), person.dateOfBirth());
        assertNull(person.dateOfDeath());
        assertEquals(Gender.FEMALE, person.gender());
        assertEquals(List.of("1 HIGH STREET", "FLAT 2", "LEEDS", "WEST YORKSHIRE"), person.addressLines());
        assertEquals("LS1 1AA", person.postcode());
        assertEquals("0113 496 0000", person.phone(), "the telephone, not the e-mail address");
        assertEquals("B86001", person.gpPracticeOds());
        assertNull(person.restricted(), "PD1-12 empty: the message says nothing of the restriction");

        ItemSubmission encounter = mapping.commands(UpsertItem.class).get(0).item();
        assertEquals(Category.ENCOUNTERS, encounter.category());
        assertEquals("visit/V99887", encounter.sourceKey());
        assertEquals(VERSION, encounter.version());
        assertEquals("in-progress", encounter.status());
        assertEquals("Inpatient admission", encounter.text());
        assertEquals(Instant.parse("2024-06-12T13:00:00Z"), encounter.effectiveAt());
        assertNull(encounter.effectiveEnd());
        assertEquals(Instant.parse("2024-06-12T13:25:00Z"), encounter.recordedAt(), "EVN-2");
        assertEquals(Sensitivity.NORMAL, encounter.sensitivity());
        assertEquals(
                Map.of(
                        "location", "WARD7, BAY2, BED3, RX1",
                        "clinician", "DR ALAN JONES",
                        "encounterClass", "inpatient",
                        "specialty", "General medicine"),
                encounter.details());
        assertNull(mapping.commands(UpsertItem.class).get(0).content());
        assertTrue(mapping.commands().get(0) instanceof UpsertPerson, "the person first, then the encounter");
    }

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @CsvSource({
        "A01, in-progress, Inpatient admission",
        "A02, in-progress, 'Transfer to WARD7, BAY2, BED3, RX1'",
        "A04, in-progress, Inpatient attendance",
        "A05, planned, Planned inpatient admission",
        "A08, in-progress, Inpatient encounter",
    })
    void eachVisitEventSetsTheEncounterStatus(String event, String status, String text) {
        ItemSubmission encounter = encounter(map("ADT^" + event, PID_UK, PV1));
        assertEquals(status, encounter.status());
        assertEquals(text, encounter.text());
        assertEquals("visit/V99887", encounter.sourceKey(), "every event updates the same visit");
    }

    @Test
    void emergencyAttendanceIsNamedSo() {
        String pv1 = segment("PV1", 2, "E", 3, "ED^MAJORS^CUB4^RX1", 19, "E123", 44, "20240612101500");
        assertEquals(
                "Emergency attendance", encounter(map("ADT^A04", PID_UK, pv1)).text());
    }

    @Test
    void dischargeFinishesTheEncounterAtPv145() {
        String pv1 = PV1 + "|20240614110000";
        ItemSubmission encounter = encounter(map("ADT^A03", PID_UK, pv1));
        assertEquals("finished", encounter.status());
        assertEquals("Discharge", encounter.text());
        assertEquals(Instant.parse("2024-06-12T13:00:00Z"), encounter.effectiveAt());
        assertEquals(Instant.parse("2024-06-14T10:00:00Z"), encounter.effectiveEnd());
    }

    @Test
    void dischargeWithoutPv145EndsWhenTheEventOccurred() {
        String evn = segment("EVN", 1, "A03", 2, "20240614120000", 6, "20240614113000+0000");
        ItemSubmission encounter = encounter(map("ADT^A03", evn, PID_UK, PV1));
        assertEquals(Instant.parse("2024-06-14T11:30:00Z"), encounter.effectiveEnd());
    }

    @Test
    void updateAfterDischargeKeepsTheEncounterFinished() {
        assertEquals(
                "finished",
                encounter(map("ADT^A08", PID_UK, PV1 + "|20240614110000")).status());
    }

    @Test
    void updateWithoutAVisitUpdatesOnlyThePerson() {
        Hl7Mapping mapping = map("ADT^A08", PID_UK, segment("PV1", 2, "N"));
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome());
        assertEquals(1, mapping.commands().size());
        assertEquals(1, mapping.commands(UpsertPerson.class).size());
        assertTrue(mapping.reasons().contains("ADT^A08 names no visit (PV1-19): only the person is updated"));
    }

    @Test
    void preAdmissionStartsAtTheExpectedAdmitTime() {
        String pv1 = segment("PV1", 2, "I", 3, "WARD7", 19, "V2");
        String pv2 = segment("PV2", 8, "20240701090000");
        ItemSubmission encounter = encounter(map("ADT^A05", PID_UK, pv1, pv2));
        assertEquals("planned", encounter.status());
        assertEquals(Instant.parse("2024-07-01T08:00:00Z"), encounter.effectiveAt());
    }

    @Test
    void admitTimeFallsBackToTheEventTime() {
        String pv1 = segment("PV1", 2, "I", 19, "V3");
        ItemSubmission encounter = encounter(map("ADT^A01", EVN, PID_UK, pv1));
        assertEquals(Instant.parse("2024-06-12T13:25:00Z"), encounter.effectiveAt(), "EVN-2, UK summer time");
    }

    @Test
    void visitWithoutANumberIsKeyedByTheMessage() {
        String pv1 = segment("PV1", 2, "I", 3, "WARD7");
        Hl7Mapping mapping = map("ADT^A01", PID_UK, pv1);
        assertEquals("message/MSG1", encounter(mapping).sourceKey());
        assertTrue(mapping.reasons().stream().anyMatch(r -> r.startsWith("PV1-19 visit number is empty")));
    }

    @Test
    void protectedVisitIsSealed() {
        String pv2 = segment("PV2", 22, "Y");
        assertEquals(
                Sensitivity.SEALED, encounter(map("ADT^A01", PID_UK, PV1, pv2)).sensitivity());
    }

    @Test
    void cancelledAdmissionLeavesTheRecord() {
        Hl7Mapping mapping = map("ADT^A11", PID_UK, PV1);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome());
        assertEquals(
                List.of(new CancelItem(
                        Category.ENCOUNTERS, "visit/V99887", "admission or visit cancelled by the source (ADT^A11)")),
                mapping.commands());
    }

    @Test
    void cancelledTransferPutsThePatientBackAtPv13() {
        ItemSubmission encounter = encounter(map("ADT^A12", PID_UK, PV1));
        assertEquals("in-progress", encounter.status());
        assertEquals("WARD7, BAY2, BED3, RX1", encounter.details().get("location"));
        assertEquals("Transfer cancelled: at WARD7, BAY2, BED3, RX1", encounter.text());
    }

    @Test
    void cancelledTransferWithoutPv13UsesThePriorLocation() {
        String pv1 = segment("PV1", 2, "I", 6, "AMU^BAY1^BED9^RX1", 19, "V99887");
        assertEquals(
                "AMU, BAY1, BED9, RX1",
                encounter(map("ADT^A12", PID_UK, pv1)).details().get("location"));
    }

    @Test
    void cancelledDischargeReopensTheEncounter() {
        ItemSubmission encounter = encounter(map("ADT^A13", PID_UK, PV1 + "|20240614110000"));
        assertEquals("in-progress", encounter.status());
        assertNull(encounter.effectiveEnd(), "the discharge time no longer holds");
        assertEquals("Inpatient admission (discharge cancelled)", encounter.text());
    }

    @ParameterizedTest
    @CsvSource({"ADT^A11", "ADT^A12", "ADT^A13"})
    void cancellationsNeedTheVisitNumber(String type) {
        Hl7Mapping mapping = map(type, PID_UK, segment("PV1", 2, "I"));
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertTrue(mapping.reasons().get(0).contains("no visit number in PV1-19"), mapping.reasons()::toString);
        assertTrue(mapping.commands().isEmpty());
    }

    @Test
    void admissionWithoutPv1IsRejected() {
        Hl7Mapping mapping = map("ADT^A01", PID_UK);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(
                "ADT^A01 has no PV1 segment: the encounter cannot be recorded",
                mapping.reasons().get(0));
        assertNull(mapping.identity());
    }

    @ParameterizedTest
    @CsvSource({"ADT^A01", "ADT^A03", "ADT^A11", "ADT^A28", "ADT^A40"})
    void adtWithoutPidIsRejected(String type) {
        Hl7Mapping mapping = map(type, PV1);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertTrue(mapping.reasons().get(0).contains("has no PID segment"), mapping.reasons()::toString);
    }

    @Test
    void personWithoutNhsNumberIsMatchedByLocalIdentifier() {
        String pid = segment("PID", 3, "RX1-123456^^^RX1^MR", 5, "SMITH^JANE", 7, "19700101", 8, "F");
        Hl7Mapping mapping = map("ADT^A01", pid, PV1);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome());
        assertNull(mapping.identity().nhsNumber());
        assertEquals(
                List.of(new LocalIdentifier("RX1", "MR", "RX1-123456")),
                mapping.identity().localIdentifiers());
        assertTrue(mapping.commands(UpsertPerson.class).isEmpty());
        assertEquals(1, mapping.commands(UpsertItem.class).size());
        assertEquals(List.of("no NHS Number in PID-3: matched by local identifier only"), mapping.reasons());
    }

    @Test
    void localIdentifierWithoutAuthorityBelongsToTheSendingFacility() {
        String pid = segment("PID", 3, "123456^^^^MR", 5, "SMITH^JANE", 7, "19700101");
        Hl7Mapping mapping = map("ADT^A01", pid, PV1);
        assertEquals(
                List.of(new LocalIdentifier("RX1", "MR", "123456")),
                mapping.identity().localIdentifiers());
    }

    @Test
    void nhsNumberIsRecognisedByItsAssigningAuthorityToo() {
        String pid = segment("PID", 3, "943 476 5919^^^NHS", 5, "SMITH^JANE", 7, "19700101");
        assertEquals(
                NhsNumber.of(NHS_NUMBER), map("ADT^A01", pid, PV1).identity().nhsNumber());
    }

    @Test
    void invalidNhsNumberIsReportedAndNotUsed() {
        String pid =
                segment("PID", 3, INVALID_NHS_NUMBER + "^^^NHS^NH~RX1-123456^^^RX1^MR", 5, "SMITH^JANE", 7, "19700101");
        Hl7Mapping mapping = map("ADT^A01", pid, PV1);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), "the encounter still maps, by local identifier");
        assertNull(mapping.identity().nhsNumber());
        assertTrue(mapping.commands(UpsertPerson.class).isEmpty());
        assertEquals(
                List.of(
                        "PID-3 carries an NHS Number that is not 10 digits or fails the Modulus 11 check: it is not used",
                        "no NHS Number in PID-3: matched by local identifier only"),
                mapping.reasons());
        assertFalse(String.join(" ", mapping.reasons()).contains(INVALID_NHS_NUMBER), "never quote the number");
    }

    @Test
    void invalidNhsNumberAloneIdentifiesNobody() {
        String pid = segment("PID", 3, INVALID_NHS_NUMBER + "^^^NHS^NH", 5, "SMITH^JANE", 7, "19700101");
        Hl7Mapping mapping = map("ADT^A01", pid, PV1);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(
                "PID-3 holds no usable patient identifier", mapping.reasons().get(0));
    }

    @Test
    void twoDifferentNhsNumbersKeepTheFirst() {
        String pid = segment("PID", 3, NHS_NUMBER + "^^^NHS^NH~9990000018^^^NHS^NH", 5, "SMITH^JANE", 7, "19700101");
        Hl7Mapping mapping = map("ADT^A01", pid, PV1);
        assertEquals(NhsNumber.of(NHS_NUMBER), mapping.identity().nhsNumber());
        assertTrue(mapping.reasons().contains("PID-3 carries two different NHS Numbers: only the first is used"));
    }

    @Test
    void protectionIndicatorRestrictsThePerson() {
        String pd1 = segment("PD1", 3, "LEEDS PRACTICE^^^^^^^^^B86001", 12, "Y");
        assertTrue(person(map("ADT^A31", PID_UK, pd1)).restricted());
    }

    @Test
    void accessRestrictionOnDemographicsRestrictsThePerson() {
        String arv = segment("ARV", 1, "1", 2, "A", 3, "DEM", 4, "PAT");
        assertTrue(person(map("ADT^A31", PID_UK, arv)).restricted());
    }

    @Test
    void removedOrVisitLevelAccessRestrictionsDoNotRestrictThePerson() {
        String removed = segment("ARV", 1, "1", 2, "D", 3, "DEM");
        String visitLevel = segment("ARV", 1, "1", 2, "A", 3, "ALL");
        assertEquals(Boolean.FALSE, person(map("ADT^A01", PID_UK, removed, PV1)).restricted(), "a deletion clears");
        assertNull(person(map("ADT^A01", PID_UK, PV1, visitLevel)).restricted(), "a visit's ARV says nothing");
    }

    @Test
    void protectionIndicatorNClearsAndEmptySaysNothing() {
        String no = segment("PD1", 3, "LEEDS PRACTICE^^^^^^^^^B86001", 12, "N");
        String empty = segment("PD1", 3, "LEEDS PRACTICE^^^^^^^^^B86001");
        assertEquals(Boolean.FALSE, person(map("ADT^A31", PID_UK, no)).restricted());
        assertNull(person(map("ADT^A31", PID_UK, empty)).restricted());
        assertNull(person(map("ADT^A31", PID_UK)).restricted(), "no PD1 at all");
    }

    @Test
    void theVersionOfThePersonIsTheMessageTime() {
        Hl7Mapping mapping = map("ADT^A31", PID_UK);
        assertEquals(
                mapping.messageTime(),
                mapping.commands(UpsertPerson.class).get(0).asOf());
    }

    @Test
    void gpPracticeThatIsNoOdsCodeIsLeftOut() {
        String pd1 = segment("PD1", 3, "SOME PRACTICE^^SIISCLIENT818");
        Hl7Mapping mapping = map("ADT^A31", PID_UK, pd1);
        assertNull(person(mapping).gpPracticeOds());
        assertTrue(mapping.reasons().contains("PD1-3 registered GP practice is not an ODS code: not used"));
    }

    @Test
    void gpPracticeIsReadFromXon3InOlderFeeds() {
        assertEquals(
                "B86001",
                person(map("ADT^A28", PID_UK, segment("PD1", 3, "PRACTICE^^b86001")))
                        .gpPracticeOds());
    }

    @Test
    void dateOfDeathIsTaken() {
        String pid = PID_UK + "||||||||||||||||20240601083000"; // PID-29
        assertEquals(LocalDate.of(2024, 6, 1), person(map("ADT^A31", pid)).dateOfDeath());
    }

    @ParameterizedTest
    @CsvSource({"M, MALE", "F, FEMALE", "O, OTHER", "A, OTHER", "U, UNKNOWN", "N, UNKNOWN", "Z, UNKNOWN"})
    void sexCodesBecomeGenders(String code, Gender gender) {
        String pid = segment("PID", 3, NHS_NUMBER + "^^^NHS^NH", 5, "SMITH^PAT", 7, "19700101", 8, code);
        assertEquals(gender, person(map("ADT^A28", pid)).gender());
    }

    @Test
    void addOrUpdatePersonGivesOnlyThePerson() {
        Hl7Mapping mapping = map("ADT^A28", PID_UK, PD1, PV1);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome());
        assertEquals(1, mapping.commands().size());
        assertEquals("SMITH", person(mapping).familyName());
    }

    @Test
    void personUpdateWithoutNhsNumberIsNotUsed() {
        String pid = segment("PID", 3, "RX1-123456^^^RX1^MR", 5, "SMITH^JANE", 7, "19700101");
        Hl7Mapping mapping = map("ADT^A31", pid);
        assertEquals(Hl7Outcome.NOT_USED, mapping.outcome());
        assertEquals(
                List.of(new LocalIdentifier("RX1", "MR", "RX1-123456")),
                mapping.identity().localIdentifiers());
        assertTrue(mapping.reasons().contains("no NHS Number in PID-3: matched by local identifier only"));
    }

    @Test
    void personUpdateWithoutDateOfBirthIsRejected() {
        String pid = segment("PID", 3, NHS_NUMBER + "^^^NHS^NH", 5, "SMITH^JANE", 7, "19701301");
        Hl7Mapping mapping = map("ADT^A31", pid);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(
                "the person's demographics are incomplete (dateOfBirth is required.)",
                mapping.reasons().get(0));
        assertTrue(mapping.reasons().contains("PID-7 date of birth is not a valid HL7 date: ignored"));
    }

    @Test
    void admissionWithIncompleteDemographicsStillRecordsTheEncounter() {
        String pid = segment("PID", 3, NHS_NUMBER + "^^^NHS^NH", 7, "19700101");
        Hl7Mapping mapping = map("ADT^A01", pid, PV1);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome());
        assertTrue(mapping.commands(UpsertPerson.class).isEmpty());
        assertEquals(NhsNumber.of(NHS_NUMBER), mapping.identity().nhsNumber());
        assertEquals(1, mapping.commands(UpsertItem.class).size());
        assertTrue(mapping.reasons().get(0).startsWith("the person's demographics are incomplete (givenNames"));
    }

    @Test
    void mergeRetiresTheMrgIdentifiers() {
        String mrg = segment("MRG", 1, "9990000018^^^NHS^NH~RX1-999^^^RX1^MR");
        Hl7Mapping mapping = map("ADT^A40^ADT_A39", PID_UK, mrg);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        MergePersons merge = mapping.commands(MergePersons.class).get(0);
        assertEquals(NhsNumber.of(NHS_NUMBER), merge.surviving().nhsNumber());
        assertEquals(NhsNumber.of("9990000018"), merge.retired().nhsNumber());
        assertEquals(
                List.of(new LocalIdentifier("RX1", "MR", "RX1-999")),
                merge.retired().localIdentifiers());
        assertEquals(1, mapping.commands().size(), "a merge, not a person update");
        assertEquals(merge.surviving(), mapping.identity());
    }

    @Test
    void mergeMayCarrySeveralPairs() {
        String pid2 = segment("PID", 3, "RX1-2^^^RX1^MR");
        Hl7Mapping mapping =
                map("ADT^A40", PID_UK, segment("MRG", 1, "RX1-1^^^RX1^MR"), pid2, segment("MRG", 1, "RX1-3^^^RX1^MR"));
        List<MergePersons> merges = mapping.commands(MergePersons.class);
        assertEquals(2, merges.size());
        assertEquals(
                List.of(new LocalIdentifier("RX1", "MR", "RX1-2")),
                merges.get(1).surviving().localIdentifiers());
        assertEquals(
                List.of(new LocalIdentifier("RX1", "MR", "RX1-3")),
                merges.get(1).retired().localIdentifiers());
    }

    @Test
    void mergeNeedsTheRetiredRecord() {
        assertEquals(Hl7Outcome.REJECTED, map("ADT^A40", PID_UK).outcome());
        Hl7Mapping invalid = map("ADT^A40", PID_UK, segment("MRG", 1, INVALID_NHS_NUMBER + "^^^NHS^NH"));
        assertEquals(Hl7Outcome.REJECTED, invalid.outcome());
        assertEquals(
                "MRG-1 holds no usable patient identifier", invalid.reasons().get(0));
    }

    @Test
    void unreadableAdmitTimeIsNotedAndIgnored() {
        String pv1 = segment("PV1", 2, "I", 19, "V4", 44, "12/06/2024");
        Hl7Mapping mapping = map("ADT^A01", EVN, PID_UK, pv1);
        assertEquals(Instant.parse("2024-06-12T13:25:00Z"), encounter(mapping).effectiveAt());
        assertTrue(mapping.reasons().contains("PV1-44 admit date/time is not a valid HL7 date/time: ignored"));
    }

    @Test
    void dischargeBeforeAdmissionIsRejected() {
        Hl7Mapping mapping = map("ADT^A03", PID_UK, PV1 + "|20240601000000");
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertEquals(
                "the encounter could not be built: effectiveEnd is before effectiveAt.",
                mapping.reasons().get(0));
    }

    private static Hl7Mapping map(String type, String... segments) {
        String[] all = new String[segments.length + 1];
        all[0] = msh(type, "MSG1");
        System.arraycopy(segments, 0, all, 1, segments.length);
        return MAPPER.map(message(all));
    }

    private static ItemSubmission encounter(Hl7Mapping mapping) {
        List<UpsertItem> items = mapping.commands(UpsertItem.class);
        assertEquals(1, items.size(), mapping.reasons()::toString);
        return items.get(0).item();
    }

    private static Demographics person(Hl7Mapping mapping) {
        List<UpsertPerson> people = mapping.commands(UpsertPerson.class);
        assertEquals(1, people.size(), mapping.reasons()::toString);
        return people.get(0).demographics();
    }
}
