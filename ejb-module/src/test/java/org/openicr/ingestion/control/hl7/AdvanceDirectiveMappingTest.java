package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.ingestion.control.hl7.Er7.PID_UK;
import static org.openicr.ingestion.control.hl7.Er7.message;
import static org.openicr.ingestion.control.hl7.Er7.msh;
import static org.openicr.ingestion.control.hl7.Er7.segment;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.ingestion.control.hl7.Hl7Command.CancelItem;
import org.openicr.ingestion.control.hl7.Hl7Command.UpsertItem;
import org.openicr.ingestion.control.hl7.Hl7Command.UpsertPerson;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.CarePlanning;
import org.openicr.vocabulary.Category;

/**
 * PD1-15 advance directive code (HL7 table 0435) carries a DNACPR decision: DNR becomes a care plan
 * not for CPR; another code withdraws it; an empty field changes nothing (docs/hl7v2-mapping.md).
 */
class AdvanceDirectiveMappingTest {

    private static final Hl7Mapper MAPPER = new Hl7Mapper();

    private static Hl7Mapping map(String type, String... segments) {
        String[] all = new String[segments.length + 1];
        all[0] = msh(type, "MSG-AD1");
        System.arraycopy(segments, 0, all, 1, segments.length);
        return MAPPER.map(message(all));
    }

    /** A GP system's A31 as sent after a ReSPECT conversation: registered practice, DNR verified on a date. */
    private static String pd1(String directive, String verified) {
        return segment(
                "PD1",
                3,
                "RIVERSIDE MEDICAL PRACTICE^^^^^^^^^Y90001",
                15,
                directive == null ? "" : directive,
                22,
                verified == null ? "" : verified);
    }

    @Test
    void aDnrDirectiveIsADnacprDecisionNotForCpr() {
        Hl7Mapping mapping = map(
                "ADT^A31^ADT_A05",
                segment("EVN", 1, "A31", 2, "20260312101500"),
                PID_UK,
                pd1("DNR^Do not attempt cardiopulmonary resuscitation^HL70435", "20260312"));

        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        assertTrue(mapping.commands().get(0) instanceof UpsertPerson, "the person first");
        ItemSubmission plan = mapping.commands(UpsertItem.class).get(0).item();
        assertEquals(Category.CARE_PLANS, plan.category());
        assertTrue(plan.sourceKey().matches("advance-directive/DNR/[0-9a-f]{24}"), plan.sourceKey());
        assertEquals("Do not attempt cardiopulmonary resuscitation", plan.text());
        assertEquals("active", plan.status());
        assertEquals(Instant.parse("2026-03-12T00:00:00Z"), plan.effectiveAt(), "PD1-22, a UK date (GMT in March)");
        assertEquals(Map.of("planType", "dnacpr", "cprDecision", "not-for-cpr"), plan.details());
        // What the SOAP contract would accept, the HL7 mapping makes.
        CarePlanning.check(plan.category(), plan.details());
    }

    @Test
    void eachPersonOfOneSourceHasTheirOwnDecisionKeyAndTheWithdrawalNamesTheSameOne() {
        String otherPerson = PID_UK.replace("RX1-123456", "RX1-654321").replace(Er7.NHS_NUMBER, "9434765870");
        Hl7Mapping first = map("ADT^A31^ADT_A05", PID_UK, pd1("DNR", null));
        Hl7Mapping second = map("ADT^A31^ADT_A05", otherPerson, pd1("DNR", null));
        Hl7Mapping withdrawn = map("ADT^A31^ADT_A05", PID_UK, pd1("N", null));
        String firstKey = first.commands(UpsertItem.class).get(0).item().sourceKey();
        String secondKey = second.commands(UpsertItem.class).get(0).item().sourceKey();
        // A source's keys are unique across its people: one fixed key refused the second person's decision.
        assertTrue(!firstKey.equals(secondKey), firstKey);
        assertEquals(firstKey, withdrawn.commands(CancelItem.class).get(0).sourceKey());
        assertTrue(!firstKey.contains(Er7.NHS_NUMBER), "no NHS Number in a key");
    }

    @Test
    void withoutPd122TheMessageTimeDatesTheDecisionAndTheTextIsWorded() {
        Hl7Mapping mapping = map("ADT^A08^ADT_A01", PID_UK, pd1("DNR", null), segment("PV1", 2, "I", 19, "V1"));
        ItemSubmission plan = mapping.commands(UpsertItem.class).stream()
                .map(UpsertItem::item)
                .filter(i -> i.category() == Category.CARE_PLANS)
                .findFirst()
                .orElseThrow();
        assertEquals("Do not resuscitate", plan.text());
        assertEquals(Instant.parse("2024-06-12T13:30:00Z"), plan.effectiveAt(), "MSH-7");
    }

    @ParameterizedTest(name = "PD1-15 {0}")
    @CsvSource({"N^No directive^HL70435", "N", "LW~N"})
    void anotherCodeWithdrawsTheDecision(String directive) {
        Hl7Mapping mapping = map("ADT^A31^ADT_A05", PID_UK, pd1(directive, null));
        assertEquals(
                1,
                mapping.commands(CancelItem.class).stream()
                        .filter(c -> c.category() == Category.CARE_PLANS
                                && c.sourceKey().equals(AdtMapping.advanceDirectiveKey(mapping.identity())))
                        .count(),
                mapping.commands()::toString);
        assertEquals(0, mapping.commands(UpsertItem.class).size());
    }

    @Test
    void anEmptyPd115SaysNothing() {
        Hl7Mapping mapping = map("ADT^A31^ADT_A05", PID_UK, pd1(null, null));
        assertEquals(1, mapping.commands().size(), mapping.commands()::toString);
        assertTrue(mapping.commands().get(0) instanceof UpsertPerson);
    }
}
