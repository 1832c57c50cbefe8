package org.openicr.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openicr.access.entity.AccessDefaults;
import org.openicr.access.entity.AccessProfile;
import org.openicr.access.entity.ExplicitConsent;
import org.openicr.access.entity.OrganisationFacts;
import org.openicr.access.entity.PersonAccessFacts;
import org.openicr.access.entity.ReasonDeclaration;
import org.openicr.access.entity.RecordFacts;
import org.openicr.access.entity.RoleCategoryMatrix;
import org.openicr.vocabulary.LegitimateReason;
import org.openicr.vocabulary.SharingMode;

/** One reading per (profile, person) and request: read once, decided once, read again only when forgotten. */
class RecordReadingsTest {

    /** Facts that count how often they are read. */
    private static final class CountingFacts extends AccessFacts {
        final List<List<Long>> reads = new ArrayList<>();

        @Override
        public RecordFacts reading(long roleProfileId, long personId) {
            reads.add(List.of(roleProfileId, personId));
            AccessProfile access = new AccessProfile(
                    AccessDefaults.CLINICAL_PRACTITIONER, 10, "RX1", true, SharingMode.SHARE_AND_VIEW, false, false);
            return new RecordFacts(
                    Optional.of(new RecordFacts.ProfileFacts(roleProfileId, 1, "dr", true, null, true, access)),
                    Optional.of(PersonAccessFacts.ordinary()),
                    Optional.empty(),
                    new RoleCategoryMatrix(
                            Map.of(access.roleCode(), AccessDefaults.MATRIX.categoriesFor(access.roleCode()))),
                    AccessDefaults.ROLE_REASONS,
                    Optional.of(new RecordFacts.Declared(
                            7,
                            new ReasonDeclaration(
                                    LegitimateReason.ONGOING_CARE, null, Instant.now(), ExplicitConsent.NOT_RECORDED))),
                    List.of(),
                    new OrganisationFacts(Set.of()));
        }
    }

    private final CountingFacts facts = new CountingFacts();
    private final RecordReadings readings = new RecordReadings();

    {
        readings.facts = facts;
    }

    @Test
    void everyReadOfARequestUsesOneReadingAndOneDecision() {
        RecordReadings.Reading first = readings.of(1, 2);
        RecordReadings.Reading again = readings.of(1, 2);
        assertSame(first, again);
        assertSame(first.decision(), again.decision());
        assertTrue(first.decision().isPermitted());
        assertEquals(List.of(List.of(1L, 2L)), facts.reads);
    }

    @Test
    void anotherPersonOrProfileIsReadByItself() {
        readings.of(1, 2);
        readings.of(1, 3);
        readings.of(4, 2);
        readings.of(1, 3);
        assertEquals(List.of(List.of(1L, 2L), List.of(1L, 3L), List.of(4L, 2L)), facts.reads);
    }

    @Test
    void aForgottenPairIsReadAndDecidedAgain() {
        RecordReadings.Reading before = readings.of(1, 2);
        readings.forget(1, 2);
        RecordReadings.Reading after = readings.of(1, 2);
        assertEquals(2, facts.reads.size());
        assertTrue(before != after && before.decision() != after.decision());
    }
}
