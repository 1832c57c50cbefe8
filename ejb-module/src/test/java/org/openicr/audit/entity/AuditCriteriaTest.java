package org.openicr.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

class AuditCriteriaTest {

    private static final LocalDate DAY = LocalDate.of(2026, 7, 15);

    @Test
    void aRangeOfUkDaysCoversWholeDaysInUkTime() {
        AuditCriteria summer = new AuditCriteria(null, null, null, null, DAY, DAY);
        assertEquals(Instant.parse("2026-07-14T23:00:00Z"), summer.fromInstant());
        assertEquals(Instant.parse("2026-07-15T23:00:00Z"), summer.untilInstant());
        AuditCriteria winter =
                new AuditCriteria(null, null, null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), winter.fromInstant());
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), winter.untilInstant());
    }

    @Test
    void everyCriterionBecomesABoundValueNeverText() {
        AuditCriteria c =
                new AuditCriteria("943 476 5919", " gp.hart ", "y90001", AuditAction.RECORD_VIEW, DAY, DAY.plusDays(1));
        List<Object> values = new ArrayList<>();
        String where = c.where(values);
        assertEquals(
                " where e.occurred_at >= ? and e.occurred_at < ? and e.person_id in (select id from person where"
                        + " nhs_number = ?) and e.username = ? and e.organisation_ods = ? and e.action = ?",
                where);
        assertEquals(
                List.of(
                        Timestamp.from(c.fromInstant()),
                        Timestamp.from(c.untilInstant()),
                        "9434765919",
                        "gp.hart",
                        "Y90001",
                        "RECORD_VIEW"),
                values);
        assertEquals(
                "from 2026-07-15 to 2026-07-16, NHS Number 9434765919, user gp.hart, organisation Y90001,"
                        + " action RECORD_VIEW",
                c.describe());
    }

    @Test
    void blankCriteriaAreLeftOut() {
        AuditCriteria c = new AuditCriteria(" ", "", null, null, DAY, DAY);
        assertNull(c.nhsNumber());
        assertNull(c.username());
        List<Object> values = new ArrayList<>();
        assertEquals(" where e.occurred_at >= ? and e.occurred_at < ?", c.where(values));
        assertEquals(2, values.size());
    }

    @Test
    void badInputAnswersASentence() {
        IcrException nhs =
                assertThrows(IcrException.class, () -> new AuditCriteria("1234567890", null, null, null, DAY, DAY));
        assertEquals(ErrorCode.INVALID_NHS_NUMBER, nhs.code());
        assertEquals(
                "The first day must not be after the last day.",
                assertThrows(IcrException.class, () -> new AuditCriteria(null, null, null, null, DAY, DAY.minusDays(1)))
                        .reason());
        assertEquals(
                "Give the first and last day to search.",
                assertThrows(IcrException.class, () -> new AuditCriteria(null, null, null, null, null, DAY))
                        .reason());
    }
}
