package org.openicr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.openicr.audit.control.AuditChainStore;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.platform.Roles;

/** Checks the audit hash chain for privacy officers and administrators; each check is audited. */
@Stateless
@RolesAllowed({Roles.PRIVACY_OFFICER, Roles.ADMINISTRATOR})
public class AuditVerification {

    @Inject
    AuditChainStore chain;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    public ChainVerification verify() {
        AuditChainStore.Verification result = chain.verify();
        audit.record(new AuditEvent(
                AuditAction.AUDIT_VERIFIED,
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                Actor.account(session.getCallerPrincipal().getName()),
                null,
                result.sealsChecked() + " seals checked, "
                        + (result.intact() ? "intact" : "broken at event " + result.firstBrokenEventId()) + ", "
                        + result.unsealedOlderThanAMinute() + " unsealed"));
        return new ChainVerification(
                result.sealsChecked(), result.firstBrokenEventId(), result.unsealedOlderThanAMinute());
    }
}
