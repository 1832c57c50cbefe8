package org.openicr.patient.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openicr.patient.entity.DemographicsPrecedence.Field;
import org.openicr.patient.entity.DemographicsPrecedence.SourceVersion;
import org.openicr.patient.entity.RestrictionRule.Change;
import org.openicr.vocabulary.NhsNumber;

/** Issue 16, item 1: which source's version is shown, and the sticky restricted flag, as tables. */
class DemographicsOwnershipRulesTest {

    private static final NhsNumber NHS = NhsNumber.of("9990000018");
    private static final Instant Y2023 = Instant.parse("2023-06-01T09:00:00Z");
    private static final Instant Y2024 = Instant.parse("2024-06-01T09:00:00Z");
    private static final Instant Y2025 = Instant.parse("2025-06-01T09:00:00Z");

    /** GP practice Y90001 (registered: its version names itself), the acute trust, the council. */
    static SourceVersion gp(Instant at, String family, String postcode) {
        return version(1, "Y90001", true, false, at, family, postcode, "Y90001", Gender.FEMALE);
    }

    static SourceVersion trust(Instant at, String family, String postcode) {
        return version(2, "RX901", false, false, at, family, postcode, "Y90001", Gender.FEMALE);
    }

    static SourceVersion council(Instant at, String family, String postcode) {
        return version(3, "LA901", false, false, at, family, postcode, null, Gender.UNKNOWN);
    }

    static SourceVersion authoritative(SourceVersion v) {
        return new SourceVersion(
                v.sourceSystemId(),
                v.sourceCode(),
                v.organisationOds(),
                v.organisationIsGpPractice(),
                true,
                v.sourceUpdatedAt(),
                v.receivedAt(),
                v.demographics());
    }

    static SourceVersion version(
            long id,
            String ods,
            boolean gpPractice,
            boolean authoritative,
            Instant at,
            String family,
            String postcode,
            String practice,
            Gender gender) {
        return new SourceVersion(
                id,
                "source-" + id,
                ods,
                gpPractice,
                authoritative,
                at,
                at.plusSeconds(60),
                new Demographics(
                        NHS,
                        null,
                        "JANE",
                        family,
                        LocalDate.of(1970, 1, 1),
                        null,
                        gender,
                        postcode == null ? List.of() : List.of("1 " + family + " STREET"),
                        postcode,
                        null,
                        practice,
                        null));
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                // versions, expected family name, expected postcode, source of the name, source of the address
                Arguments.of(
                        "the GP practice is kept when the council writes later",
                        List.of(gp(Y2023, "GP", "BS1 1AA"), council(Y2025, "COUNCIL", "BS9 9ZZ")),
                        "GP",
                        "BS1 1AA",
                        1L,
                        1L),
                Arguments.of(
                        "the GP practice beats a newer acute trust",
                        List.of(trust(Y2025, "TRUST", "BS2 2BB"), gp(Y2024, "GP", "BS1 1AA")),
                        "GP",
                        "BS1 1AA",
                        1L,
                        1L),
                Arguments.of(
                        "an authoritative source beats the GP practice",
                        List.of(gp(Y2025, "GP", "BS1 1AA"), authoritative(council(Y2023, "COUNCIL", "BS9 9ZZ"))),
                        "COUNCIL",
                        "BS9 9ZZ",
                        3L,
                        3L),
                Arguments.of(
                        "without the GP practice, the newest version by its own time (not by arrival)",
                        List.of(trust(Y2024, "TRUST", "BS2 2BB"), council(Y2023, "COUNCIL", "BS9 9ZZ")),
                        "TRUST",
                        "BS2 2BB",
                        2L,
                        2L),
                Arguments.of(
                        "a field the first source lacks comes whole from the next one",
                        List.of(gp(Y2023, "GP", null), council(Y2025, "COUNCIL", "BS9 9ZZ")),
                        "GP",
                        "BS9 9ZZ",
                        1L,
                        3L),
                Arguments.of(
                        "a GP practice that names another practice is not the registered one",
                        List.of(
                                version(4, "Y90002", true, false, Y2023, "OLDGP", "BS4 4DD", "Y90001", Gender.FEMALE),
                                trust(Y2024, "TRUST", "BS2 2BB")),
                        "TRUST",
                        "BS2 2BB",
                        2L,
                        2L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void precedence(
            String rule,
            List<SourceVersion> versions,
            String family,
            String postcode,
            long nameFrom,
            long addressFrom) {
        DemographicsPrecedence.Shown shown = DemographicsPrecedence.shown(versions);
        assertEquals(family, shown.demographics().familyName(), rule);
        assertEquals(postcode, shown.demographics().postcode(), rule);
        assertEquals(nameFrom, shown.suppliedBy().get(Field.NAME), rule);
        assertEquals(addressFrom, shown.suppliedBy().get(Field.ADDRESS), rule);
        assertNull(shown.demographics().restricted(), "the flag is not derived by precedence");
    }

    static Stream<Arguments> restriction() {
        return Stream.of(
                // current, stated, authoritative source, expected flag, expected change
                Arguments.of(true, null, false, true, Change.UNCHANGED),
                Arguments.of(true, null, true, true, Change.UNCHANGED),
                Arguments.of(true, false, false, true, Change.CLEAR_IGNORED),
                Arguments.of(true, false, true, false, Change.CLEARED),
                Arguments.of(true, true, false, true, Change.UNCHANGED),
                Arguments.of(false, true, false, true, Change.SET),
                Arguments.of(false, true, true, true, Change.SET),
                Arguments.of(false, false, false, false, Change.UNCHANGED),
                Arguments.of(false, null, false, false, Change.UNCHANGED));
    }

    @ParameterizedTest(name = "restricted {0}, message says {1}, authoritative {2} -> {3} ({4})")
    @MethodSource
    void restriction(boolean current, Boolean stated, boolean authoritative, boolean expected, Change change) {
        RestrictionRule.Decision decision = RestrictionRule.decide(current, stated, authoritative);
        assertEquals(expected, decision.restricted());
        assertEquals(change, decision.change());
    }

    @org.junit.jupiter.api.Test
    void orderIsBySourceTimeThenArrivalThenSourceNeverByListOrder() {
        SourceVersion older = trust(Y2023, "OLD", "BS2 2BB");
        SourceVersion newer = council(Y2024, "NEW", "BS9 9ZZ");
        assertEquals(List.of(newer, older), DemographicsPrecedence.ordered(List.of(older, newer)));
        assertEquals(List.of(newer, older), DemographicsPrecedence.ordered(List.of(newer, older)));
    }
}
