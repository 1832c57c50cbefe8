package org.openicr.directory.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.entity.UserAccount;
import org.openicr.platform.ErrorCode;
import org.openicr.platform.IcrException;
import org.openicr.platform.Roles;

/** The administrator's account tasks. Every change is audited with its before and after state. */
@Stateless
@RolesAllowed(Roles.ADMINISTRATOR)
public class AccountAdministration {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    @jakarta.inject.Inject
    org.openicr.directory.control.VerifiedCredentials verifiedCredentials;

    public List<LockedAccount> lockedAccounts() {
        return em.createNamedQuery(UserAccount.LOCKED, UserAccount.class)
                .getResultStream()
                .map(u -> new LockedAccount(
                        u.getUsername(), u.getDisplayName(), u.getKind().name(), u.getLockedAt(), u.getFailedLogins()))
                .toList();
    }

    public void unlock(String username) {
        UserAccount account = em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IcrException(ErrorCode.NOT_FOUND, "No such account."));
        String before = "locked=" + account.isLocked() + ", failedLogins=" + account.getFailedLogins();
        account.unlock();
        verifiedCredentials.forget(username);
        audit.record(new AuditEvent(
                AuditAction.ACCOUNT_UNLOCKED,
                AuditOutcome.SUCCESS,
                Actor.account(session.getCallerPrincipal().getName()),
                null,
                "account " + username + ": before {" + before + "} after {locked=false, failedLogins=0}"));
    }
}
