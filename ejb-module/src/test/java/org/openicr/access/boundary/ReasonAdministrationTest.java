package org.openicr.access.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.vocabulary.LegitimateReason;

/**
 * An administrator may not leave a role with no reason at all: a role whose reasons change must keep
 * one, while a role that gave none before (it opens no records) may stay so.
 */
class ReasonAdministrationTest {

    private static Set<LegitimateReason> reasons(String names) {
        if (names == null || names.isBlank()) {
            return EnumSet.noneOf(LegitimateReason.class);
        }
        return Arrays.stream(names.strip().split(" +"))
                .map(LegitimateReason::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LegitimateReason.class)));
    }

    @ParameterizedTest(name = "before [{0}] after [{1}]: refused {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ONGOING_CARE EXPLICIT_CONSENT | ONGOING_CARE                 | false",
                "ONGOING_CARE EXPLICIT_CONSENT | ''                           | true",
                "ONGOING_CARE                  | ''                           | true",
                "''                            | ''                           | false",
                "''                            | REFERRAL_OR_AUDIT            | false",
                "ONGOING_CARE                  | EXPLICIT_CONSENT             | false",
                "VITAL_INTERESTS SAFEGUARDING  | VITAL_INTERESTS SAFEGUARDING | false",
            })
    void aRoleThatGaveReasonsMustKeepOne(String before, String after, boolean refused) {
        Map<String, Set<LegitimateReason>> current =
                reasons(before).isEmpty() ? Map.of() : Map.of("R8009", reasons(before));
        ReasonRow row = new ReasonRow("R8009", "Receptionist Access Role", reasons(after));
        ReasonRow untouched = new ReasonRow("R8015", "Systems Support Access Role", Set.of());

        List<ReasonRow> empty = ReasonAdministration.leftWithoutReason(current, List.of(row, untouched));

        assertEquals(
                refused ? List.of("R8009") : List.of(),
                empty.stream().map(ReasonRow::getRoleCode).toList());
    }
}
