package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.ingestion.control.hl7.Er7.message;
import static org.openicr.ingestion.control.hl7.Er7.msh;
import static org.openicr.ingestion.control.hl7.Er7.segment;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.ingestion.control.hl7.Hl7Command.CancelItem;
import org.openicr.ingestion.control.hl7.Hl7Command.UpsertItem;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;

/** SIU appointments and REF referrals, UK-style, field by field. */
class SchedulingAndReferralMappingTest {

    private static final Hl7Mapper MAPPER = new Hl7Mapper();

    private static String sch(String placer, String filler, String status) {
        return segment("SCH", 1, placer, 2, filler, 7, "^Diabetes review", 8, "ROUTINE^Routine", 25, status);
    }

    private static final String TQ1 = segment("TQ1", 7, "20240701093000", 8, "20240701100000", 9, "R");
    private static final String AIS = "AIS|1|A|394576009^Diabetic clinic^SCT|20240701093000";
    private static final String AIL = "AIL|1||DIAB^Room 4^^RX1|C^Clinic";
    private static final String AIP = "AIP|1||C1234^PATEL^ANITA^^^DR|DIAB^Diabetes and endocrinology^L";

    private static Hl7Mapping siu(String event, String... segments) {
        String[] all = new String[segments.length + 1];
        all[0] = msh("SIU^" + event + "^SIU_S12", "SIU-" + event);
        System.arraycopy(segments, 0, all, 1, segments.length);
        return MAPPER.map(message(all));
    }

    @Test
    void aBookingBecomesAnAppointmentWithItsPlaceClinicianAndNotes() {
        Hl7Mapping mapping = siu(
                "S12",
                sch("P-77", "APT-9", "Booked"),
                TQ1,
                "NTE|1||Bring your glucose diary",
                Er7.PID_UK,
                "RGS|1",
                AIS,
                "NTE|1||Room set up for foot check",
                AIL,
                AIP);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        ItemSubmission appointment = mapping.commands(UpsertItem.class).get(0).item();
        assertEquals(Category.APPOINTMENTS, appointment.category());
        assertEquals("appointment/APT-9", appointment.sourceKey(), "the filler's id keys the appointment");
        assertEquals("booked", appointment.status());
        assertEquals(CodeSystem.SNOMED_CT, appointment.code().system());
        assertEquals("394576009", appointment.code().code());
        assertEquals(Instant.parse("2024-07-01T08:30:00Z"), appointment.effectiveAt(), "TQ1-7, UK summer time");
        assertEquals(Instant.parse("2024-07-01T09:00:00Z"), appointment.effectiveEnd());
        assertEquals(
                "Diabetic clinic\nBring your glucose diary", appointment.text(), "only the schedule's notes are kept");
        assertEquals("DIAB, Room 4, RX1", appointment.details().get("location"));
        assertEquals("DR ANITA PATEL", appointment.details().get("clinician"));
        assertEquals("Diabetes and endocrinology", appointment.details().get("specialty"));
        assertEquals("routine", appointment.details().get("priority"));
    }

    @Test
    void withoutAFillerIdThePlacerIdKeysTheAppointmentAndTheReasonNamesIt() {
        Hl7Mapping mapping = siu("S14", sch("P-77", "", ""), Er7.PID_UK, AIP);
        ItemSubmission appointment = mapping.commands(UpsertItem.class).get(0).item();
        assertEquals("appointment/P-77", appointment.sourceKey());
        assertEquals("Diabetes review", appointment.text());
        assertNull(appointment.effectiveAt());
        assertTrue(mapping.reasons().stream().anyMatch(r -> r.contains("no start time")), mapping.reasons()::toString);
    }

    @Test
    void aDeletionWithdrawsTheAppointment() {
        Hl7Mapping mapping = siu("S17", sch("P-77", "APT-9", "Deleted"), Er7.PID_UK);
        CancelItem cancel = mapping.commands(CancelItem.class).get(0);
        assertEquals(Category.APPOINTMENTS, cancel.category());
        assertEquals("appointment/APT-9", cancel.sourceKey());
    }

    @Test
    void anAppointmentWithoutAnyIdIsRejected() {
        Hl7Mapping mapping = siu("S12", sch("", "", "Booked"), Er7.PID_UK);
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertTrue(mapping.reasons().get(0).contains("SCH-2"), mapping.reasons()::toString);
    }

    @Test
    void aResourceEventIsNotUsed() {
        assertEquals(
                Hl7Outcome.NOT_USED,
                siu("S23", sch("P-77", "APT-9", "Blocked"), Er7.PID_UK).outcome());
    }

    @ParameterizedTest
    @CsvSource({
        "S12, Booked, booked",
        "S12, , booked",
        "S14, Complete, completed",
        "S14, Started, in progress",
        "S14, Waitlist, pending",
        "S13, Overbook, booked",
        "S14, Noshow, did not attend",
        "S15, Booked, cancelled",
        "S16, Booked, discontinued",
        "S26, Booked, did not attend",
        "S14, Something new, booked"
    })
    void statusFromTheEventElseTheFillerStatus(String event, String filler, String expected) {
        assertEquals(expected, SiuMapping.status(event, filler));
    }

    private static Hl7Mapping ref(String event, String rf1) {
        return MAPPER.map(message(
                msh("REF^" + event + "^REF_I12", "REF-" + event),
                rf1,
                segment("PRD", 1, "RP^Referring provider", 2, "HART^JAMES^^^DR", 10, "RIVERSIDE MEDICAL PRACTICE"),
                segment("PRD", 1, "RT^Referred to provider", 2, "OKAFOR^GRACE^^^DR", 4, "CARDIOLOGY^^^RX1"),
                Er7.PID_UK));
    }

    private static final String RF1 = segment(
            "RF1",
            1,
            "A^Accepted",
            2,
            "A^ASAP",
            3,
            "CARD^Cardiology^L",
            6,
            "REF-2024-001",
            7,
            "20240610",
            8,
            "20240910",
            10,
            "49601007^Disorder of cardiovascular system^SCT",
            14,
            "Breathless on exertion, new murmur");

    @Test
    void aNewReferralNamesWhoReferredToWhomAndWhy() {
        Hl7Mapping mapping = ref("I12", RF1);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        ItemSubmission referral = mapping.commands(UpsertItem.class).get(0).item();
        assertEquals(Category.REFERRALS, referral.category());
        assertEquals("referral/REF-2024-001", referral.sourceKey());
        assertEquals("accepted", referral.status());
        assertEquals("49601007", referral.code().code());
        assertEquals("Breathless on exertion, new murmur", referral.text());
        assertEquals(Instant.parse("2024-06-09T23:00:00Z"), referral.effectiveAt(), "RF1-7, a UK date");
        assertEquals(
                "Dr James Hart, RIVERSIDE MEDICAL PRACTICE", referral.details().get("referredBy"));
        assertEquals("Dr Grace Okafor, CARDIOLOGY, RX1", referral.details().get("referredTo"));
        assertEquals("Cardiology", referral.details().get("specialty"));
        assertEquals("as soon as possible", referral.details().get("priority"));
    }

    @Test
    void aCancelledReferralStaysInViewAsCancelled() {
        ItemSubmission referral =
                ref("I14", RF1).commands(UpsertItem.class).get(0).item();
        assertEquals("cancelled", referral.status());
    }

    @Test
    void aReferralWithoutAnIdentifierIsRejected() {
        Hl7Mapping mapping = ref("I12", segment("RF1", 1, "P^Pending", 14, "Chest pain"));
        assertEquals(Hl7Outcome.REJECTED, mapping.outcome());
        assertTrue(mapping.reasons().get(0).contains("RF1-6"), mapping.reasons()::toString);
    }

    @Test
    void aStatusQueryIsNotUsed() {
        assertEquals(Hl7Outcome.NOT_USED, ref("I15", RF1).outcome());
    }

    @ParameterizedTest
    @CsvSource({"A, accepted", "P, pending", "R, rejected", "E, expired", "X, pending"})
    void referralStatus(String code, String expected) {
        assertEquals(expected, RefMapping.status(code));
    }
}
