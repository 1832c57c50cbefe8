package org.openicr.directory.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;

/** Session milestones the audit must show besides sign-in: signing out. */
@Stateless
@PermitAll
public class SessionEvents {

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    public void loggedOut() {
        audit.record(new AuditEvent(
                AuditAction.LOGOUT,
                AuditOutcome.SUCCESS,
                Actor.account(session.getCallerPrincipal().getName()),
                null,
                null));
    }

    /** The identity provider ended this person's session (back-channel logout, issue 19). */
    public void endedByProvider(String username) {
        audit.record(new AuditEvent(
                AuditAction.LOGOUT,
                AuditOutcome.SUCCESS,
                Actor.account(username),
                null,
                "ended by the identity provider (back-channel logout)"));
    }
}
