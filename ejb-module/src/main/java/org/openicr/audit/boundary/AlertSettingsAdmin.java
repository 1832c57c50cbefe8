package org.openicr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Time;
import org.openicr.audit.control.AccessPatternAlerts;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AlertSettings;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.platform.Roles;

/** The privacy officer reads and changes the access-pattern alert settings; each change is audited before and after. */
@Stateless
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class AlertSettingsAdmin {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AccessPatternAlerts patterns;

    @EJB
    AuditTrail audit;

    public AlertSettingsForm current() {
        return AlertSettingsForm.of(patterns.settings());
    }

    /** Saves new settings (already validated by {@link AlertSettings}); answers whether anything changed. */
    public boolean change(AlertSettingsForm form) {
        AlertSettings after = form.settings();
        AlertSettings before = patterns.settings();
        if (before.equals(after)) {
            return false;
        }
        String by = session.getCallerPrincipal().getName();
        em.createNativeQuery("update audit_alert_setting set records_per_hour = ?, working_day_start = ?,"
                        + " working_day_end = ?, working_days = ?, time_zone = ?, updated_at = now(), updated_by = ?"
                        + " where id = 1")
                .setParameter(1, after.recordsPerHour())
                .setParameter(2, Time.valueOf(after.start()))
                .setParameter(3, Time.valueOf(after.end()))
                .setParameter(4, after.workingDaysCode())
                .setParameter(5, after.zone().getId())
                .setParameter(6, by)
                .executeUpdate();
        audit.record(new AuditEvent(
                AuditAction.ALERT_SETTINGS_CHANGED,
                AuditOutcome.SUCCESS,
                Actor.account(by),
                null,
                "before: " + before + " | after: " + after));
        return true;
    }
}
