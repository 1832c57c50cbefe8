package org.openicr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
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
        patterns.saveSettings(after, by);
        audit.record(new AuditEvent(
                AuditAction.ALERT_SETTINGS_CHANGED,
                AuditOutcome.SUCCESS,
                Actor.account(by),
                null,
                "before: " + before + " | after: " + after));
        return true;
    }
}
