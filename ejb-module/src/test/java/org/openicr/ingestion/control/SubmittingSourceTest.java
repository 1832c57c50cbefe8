package org.openicr.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openicr.vocabulary.NhsNumber;

class SubmittingSourceTest {

    private static final NhsNumber LOOKED_UP = NhsNumber.of("9434765919");
    private static final NhsNumber OTHER = NhsNumber.of("9434765870");

    private final List<NhsNumber> asked = new ArrayList<>();

    private Optional<Long> lookup(NhsNumber nhsNumber) {
        asked.add(nhsNumber);
        return Optional.of(99L);
    }

    private static SubmittingSource source(SubmittingSource.NhsNumberMatch matched) {
        return new SubmittingSource(1, "SRC", 2, "A12345", matched);
    }

    @Test
    void thePersonFoundWithTheSourceIsUsedWithoutAskingAgain() {
        SubmittingSource source = source(new SubmittingSource.NhsNumberMatch(LOOKED_UP.value(), 7L));

        assertEquals(Optional.of(7L), source.personByNhsNumber(LOOKED_UP, this::lookup));
        assertEquals(List.of(), asked);
    }

    @Test
    void nobodyFoundWithTheSourceMeansNoMatchWithoutAskingAgain() {
        SubmittingSource source = source(new SubmittingSource.NhsNumberMatch(LOOKED_UP.value(), null));

        assertEquals(Optional.empty(), source.personByNhsNumber(LOOKED_UP, this::lookup));
        assertEquals(List.of(), asked);
    }

    @Test
    void anotherNhsNumberOrNoLookupAsksTheIndex() {
        SubmittingSource matchedOther = source(new SubmittingSource.NhsNumberMatch(LOOKED_UP.value(), 7L));
        assertEquals(Optional.of(99L), matchedOther.personByNhsNumber(OTHER, this::lookup));

        assertEquals(Optional.of(99L), source(null).personByNhsNumber(LOOKED_UP, this::lookup));
        assertEquals(List.of(OTHER, LOOKED_UP), asked);
    }
}
