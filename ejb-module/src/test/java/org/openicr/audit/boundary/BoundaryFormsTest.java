package org.openicr.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.audit.entity.AlertSettings;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditCriteria;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/** The web's forms of the audit's criteria and alert settings keep the entities' rules and values. */
class BoundaryFormsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 7, 15);
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aQueryIsTidiedAsTheCriteriaAreAndTurnsIntoTheSameCriteria() {
        AuditQuery query = new AuditQuery("943 476 5919", " gp.hart ", "y90001", "RECORD_VIEW", DAY, DAY.plusDays(1));
        assertEquals(
                new AuditCriteria("9434765919", "gp.hart", "Y90001", AuditAction.RECORD_VIEW, DAY, DAY.plusDays(1)),
                query.criteria());
        assertEquals("9434765919", query.nhsNumber());
        assertEquals("gp.hart", query.username());
        assertEquals("Y90001", query.organisationOds());
    }

    @ParameterizedTest(name = "action [{0}] is none")
    @CsvSource(
            value = {"NULL", "''", "'  '"},
            nullValues = "NULL")
    void aBlankActionIsNone(String action) {
        AuditQuery query = new AuditQuery(null, null, null, action, DAY, DAY);
        assertNull(query.action());
        assertNull(query.criteria().action());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bad NHS Number,      123,  2026-07-15, 2026-07-15, INVALID_NHS_NUMBER",
        "no first day,        ,     ,           2026-07-15, INVALID_INPUT",
        "first after last,    ,     2026-07-16, 2026-07-15, INVALID_INPUT",
    })
    void badQueriesAreRefusedWithTheCriteriasCode(
            String what, String nhsNumber, LocalDate from, LocalDate to, ErrorCode code) {
        IcrException refused =
                assertThrows(IcrException.class, () -> new AuditQuery(nhsNumber, null, null, null, from, to));
        assertEquals(code, refused.code());
    }

    @Test
    void theActionsAreEveryAuditActionByName() {
        assertEquals(
                Arrays.stream(AuditAction.values()).map(Enum::name).sorted().toList(), AuditQuery.actions());
        assertEquals(AuditCriteria.UK, AuditQuery.UK);
    }

    @Test
    void alertSettingsGoThereAndBackUnchanged() {
        AlertSettings settings = new AlertSettings(30, LocalTime.of(7, 0), LocalTime.of(19, 0), WEEKDAYS, LONDON);
        AlertSettingsForm form = AlertSettingsForm.of(settings);
        assertEquals(settings, form.settings());
        assertEquals(WEEKDAYS, form.workingDays());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "no records,       0,  07:00, 19:00",
        "too many records, 10001, 07:00, 19:00",
        "ends before start, 30, 19:00, 07:00",
    })
    void badAlertSettingsAreRefusedAsTheEntityRefusesThem(String what, int records, LocalTime start, LocalTime end) {
        IcrException form =
                assertThrows(IcrException.class, () -> new AlertSettingsForm(records, start, end, WEEKDAYS, LONDON));
        IcrException entity =
                assertThrows(IcrException.class, () -> new AlertSettings(records, start, end, WEEKDAYS, LONDON));
        assertEquals(entity.code(), form.code());
        assertEquals(entity.reason(), form.reason());
    }

    @Test
    void noWorkingDayIsRefused() {
        assertThrows(
                IcrException.class,
                () -> new AlertSettingsForm(30, LocalTime.of(7, 0), LocalTime.of(19, 0), Set.of(), LONDON));
    }

    @Test
    void aVerificationIsIntactOnlyWithoutABrokenEvent() {
        assertEquals(true, new ChainVerification(3, null, 0).intact());
        assertEquals(false, new ChainVerification(3, 17L, 0).intact());
        assertEquals(false, new ChainVerification(3, -1L, 0).intact());
    }
}
