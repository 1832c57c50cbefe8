package org.openicr.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.sql.DataSource;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AlertSettings;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.PrivacyAlert;

/**
 * Audits the opening of a record and raises the access-pattern alerts at that moment, in the
 * transaction of that opening (so an alert commits with the access it is about, and no batch can miss one): more
 * distinct records in the last hour than the threshold, and access outside working hours. At most
 * one alert of each kind per user and clock hour (a unique index, insert ... on conflict do nothing).
 */
@Dependent
public class AccessPatternAlerts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE HH:mm", Locale.UK);

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry registry;

    /** The alert settings in force. */
    public AlertSettings settings() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select records_per_hour, working_day_start,"
                        + " working_day_end, working_days, time_zone from audit_alert_setting where id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return settings(rs);
        } catch (SQLException e) {
            throw new IllegalStateException("The alert settings could not be read.", e);
        }
    }

    /** Saves the alert settings, by the privacy officer {@code by}. */
    public void saveSettings(AlertSettings settings, String by) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("update audit_alert_setting set records_per_hour = ?,"
                        + " working_day_start = ?, working_day_end = ?, working_days = ?, time_zone = ?,"
                        + " updated_at = now(), updated_by = ? where id = 1")) {
            ps.setInt(1, settings.recordsPerHour());
            ps.setTime(2, Time.valueOf(settings.start()));
            ps.setTime(3, Time.valueOf(settings.end()));
            ps.setString(4, settings.workingDaysCode());
            ps.setString(5, settings.zone().getId());
            ps.setString(6, by);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The alert settings could not be saved.", e);
        }
    }

    /** The settings of the current row, by their column names. */
    private static AlertSettings settings(ResultSet rs) throws SQLException {
        return new AlertSettings(
                rs.getInt("records_per_hour"),
                rs.getTime("working_day_start").toLocalTime(),
                rs.getTime("working_day_end").toLocalTime(),
                AlertSettings.parseDays(rs.getString("working_days")),
                ZoneId.of(rs.getString("time_zone")));
    }

    /**
     * Audits the opening of a record (a RECORD_VIEW event with its person) and raises the alerts it
     * calls for, in the caller's transaction and in one round trip to the database.
     */
    public void recordOpening(AuditEvent opening) {
        long start = System.nanoTime();
        AuditCost.countCommit(registry);
        try {
            check(opening);
        } catch (SQLException e) {
            throw new IllegalStateException("The access-pattern alerts could not be checked.", e);
        } finally {
            AuditCost.add(System.nanoTime() - start);
        }
    }

    private void check(AuditEvent opening) throws SQLException {
        Instant now = Instant.now();
        long personId = opening.getPersonId();
        Actor actor = new Actor(opening.getUsername(), opening.getRbacRoleCode(), opening.getOrganisationOds());
        AlertSettings settings;
        long distinct;
        // One round trip: the opening's audit row is inserted, and the same statement reads the
        // settings in force and, unless this user already opened this person's
        // record earlier in the last hour (then the number of distinct records did not change), the
        // distinct people whose record the user read in the last hour, this one included. Rows this
        // transaction wrote are not "earlier" (the inserted row is not visible to the statement anyway).
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("with opening as (" + AuditTrail.INSERT + " returning id)"
                        + " select s.records_per_hour, s.working_day_start,"
                        + " s.working_day_end, s.working_days, s.time_zone,"
                        // the user's latest earlier opening of this person in the hour, newest first
                        // through an index (an EXISTS here was planned as a sequential scan
                        // expected to stop early, and read the whole table when it did not)
                        + " case when (select e.occurred_at from audit_event e where e.person_id = ?"
                        + " and e.username = ? and e.action = 'RECORD_VIEW' and e.outcome = 'SUCCESS'"
                        + " and e.occurred_at > ? and e.xmin <> pg_current_xact_id()::xid"
                        + " order by e.occurred_at desc limit 1) is not null then -1"
                        + " else (select count(distinct e.person_id) from audit_event e where e.username = ?"
                        + " and e.action = 'RECORD_VIEW' and e.outcome = 'SUCCESS' and e.occurred_at > ?"
                        + " and e.person_id <> ?) end as other_records"
                        + " from audit_alert_setting s where s.id = 1")) {
            Timestamp hourAgo = Timestamp.from(now.minus(1, ChronoUnit.HOURS));
            AuditTrail.bind(ps, 1, opening);
            ps.setLong(10, personId);
            ps.setString(11, actor.username());
            ps.setTimestamp(12, hourAgo);
            ps.setString(13, actor.username());
            ps.setTimestamp(14, hourAgo);
            ps.setLong(15, personId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                settings = settings(rs);
                long others = rs.getLong("other_records");
                distinct = others < 0 ? -1 : others + 1;
            }
        }
        if (settings.outsideWorkingHours(now)) {
            raise(
                    PrivacyAlert.OUT_OF_HOURS_ACCESS,
                    actor,
                    personId,
                    now,
                    "Record opened " + WHEN.format(now.atZone(settings.zone())) + ", outside working hours "
                            + settings.start() + "-" + settings.end() + " " + settings.workingDaysCode());
        }
        if (distinct >= 0 && distinct > settings.recordsPerHour()) {
            raise(
                    PrivacyAlert.MANY_RECORDS_IN_AN_HOUR,
                    actor,
                    personId,
                    now,
                    distinct + " different records opened in the last hour (threshold " + settings.recordsPerHour()
                            + ")");
        }
    }

    private void raise(PrivacyAlert kind, Actor actor, long personId, Instant now, String detail) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into privacy_alert (kind, username, rbac_role_code,"
                        + " organisation_ods, person_id, detail, alert_hour) values (?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (kind, username, alert_hour) where alert_hour is not null do nothing")) {
            ps.setString(1, kind.name());
            ps.setString(2, actor.username());
            ps.setString(3, actor.rbacRoleCode());
            ps.setString(4, actor.organisationOds());
            ps.setLong(5, personId);
            ps.setString(6, detail);
            ps.setTimestamp(7, Timestamp.from(now.truncatedTo(ChronoUnit.HOURS)));
            ps.executeUpdate();
        }
    }
}
