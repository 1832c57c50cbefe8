package org.openicr.audit.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.openicr.access.entity.PrivacyAlert;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AlertSettings;

/**
 * Raises the access-pattern alerts at the moment a record is opened, in the transaction of that
 * opening (so an alert commits with the access it is about, and no batch can miss one): more
 * distinct records in the last hour than the threshold, and access outside working hours. At most
 * one alert of each kind per user and clock hour (a unique index, insert ... on conflict do nothing).
 */
@Dependent
public class AccessPatternAlerts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE HH:mm", Locale.UK);

    @PersistenceContext
    EntityManager em;

    public AlertSettings settings() {
        Object[] row = (Object[]) em.createNativeQuery("select records_per_hour, working_day_start, working_day_end,"
                        + " working_days, time_zone from audit_alert_setting where id = 1")
                .getSingleResult();
        return new AlertSettings(
                ((Number) row[0]).intValue(),
                ((Time) row[1]).toLocalTime(),
                ((Time) row[2]).toLocalTime(),
                AlertSettings.parseDays((String) row[3]),
                ZoneId.of((String) row[4]));
    }

    /** Called by the record-opening boundary after it audited the opening, in the same transaction. */
    public void recordOpened(Actor actor, long personId) {
        long start = System.nanoTime();
        try {
            check(actor, personId);
        } finally {
            AuditCost.add(System.nanoTime() - start);
        }
    }

    private void check(Actor actor, long personId) {
        AlertSettings settings = settings();
        Instant now = Instant.now();
        if (settings.outsideWorkingHours(now)) {
            raise(
                    PrivacyAlert.OUT_OF_HOURS_ACCESS,
                    actor,
                    personId,
                    now,
                    "Record opened " + WHEN.format(now.atZone(settings.zone())) + ", outside working hours "
                            + settings.start() + "-" + settings.end() + " " + settings.workingDaysCode());
        }
        // Distinct people whose record this user read in the last hour, this one included (its own
        // event may not be flushed yet, so it is counted explicitly).
        long others = ((Number) em.createNativeQuery("select count(distinct person_id) from audit_event"
                                + " where username = ? and action = 'RECORD_VIEW' and outcome = 'SUCCESS'"
                                + " and occurred_at > ? and person_id <> ?")
                        .setParameter(1, actor.username())
                        .setParameter(2, Timestamp.from(now.minus(1, ChronoUnit.HOURS)))
                        .setParameter(3, personId)
                        .getSingleResult())
                .longValue();
        long distinct = others + 1;
        if (distinct > settings.recordsPerHour()) {
            raise(
                    PrivacyAlert.MANY_RECORDS_IN_AN_HOUR,
                    actor,
                    personId,
                    now,
                    distinct + " different records opened in the last hour (threshold " + settings.recordsPerHour()
                            + ")");
        }
    }

    private void raise(PrivacyAlert kind, Actor actor, long personId, Instant now, String detail) {
        em.createNativeQuery("insert into privacy_alert (kind, username, rbac_role_code, organisation_ods, person_id,"
                        + " detail, alert_hour) values (?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (kind, username, alert_hour) where alert_hour is not null do nothing")
                .setParameter(1, kind.name())
                .setParameter(2, actor.username())
                .setParameter(3, actor.rbacRoleCode())
                .setParameter(4, actor.organisationOds())
                .setParameter(5, personId)
                .setParameter(6, detail)
                .setParameter(7, Timestamp.from(now.truncatedTo(ChronoUnit.HOURS)))
                .executeUpdate();
    }
}
