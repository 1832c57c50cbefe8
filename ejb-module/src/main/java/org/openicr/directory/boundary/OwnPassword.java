package org.openicr.directory.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.control.Directory;
import org.openicr.directory.control.VerifiedCredentials;
import org.openicr.directory.entity.AccountKind;
import org.openicr.directory.entity.PasswordRules;
import org.openicr.directory.entity.UserAccount;

/**
 * A signed-in person changes their own password, and learns whether they must (after an
 * administrator set it). The current password is checked like a sign-in: a wrong one counts
 * toward the same lockout ({@link UserAccount#MAX_FAILED_LOGINS} in a row) and is audited as a
 * denial. Refusals are answered, not thrown, so that the failure and its audit are committed.
 * No password is ever written to the audit.
 */
@Stateless
@PermitAll
public class OwnPassword {

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    @Inject
    VerifiedCredentials verifiedCredentials;

    @Inject
    Directory directory;

    /** Whether the caller must replace a password an administrator set before doing anything else. */
    public boolean mustChange() {
        return directory.account(caller()).isMustChangePassword();
    }

    public PasswordChangeOutcome change(char[] current, char[] newPassword, char[] confirmation) {
        String username = caller();
        try {
            UserAccount account = directory.account(username);
            if (account.getKind() != AccountKind.PERSON || !account.maySignIn()) {
                denied(username, account.isLocked() ? "account locked" : "account may not sign in");
                return PasswordChangeOutcome.ended("Your account is locked or disabled. Ask your local administrator.");
            }
            Optional<String> refusal = PasswordRules.changeRefusal(username, current, newPassword, confirmation);
            if (refusal.isPresent()) {
                return PasswordChangeOutcome.refused(refusal.get());
            }
            if (!directory.verify(current, account.getPasswordHash())) {
                return wrongCurrentPassword(account);
            }
            refusal = PasswordRules.reuseRefusal(current, newPassword);
            if (refusal.isPresent()) {
                return PasswordChangeOutcome.refused(refusal.get());
            }
            account.changeOwnPassword(directory.hash(username, newPassword));
            verifiedCredentials.forget(username);
            audit.record(new AuditEvent(
                    AuditAction.PASSWORD_CHANGED,
                    AuditOutcome.SUCCESS,
                    Actor.account(username),
                    null,
                    "account " + username + ": changed by its holder, mustChangePassword=false"));
            return PasswordChangeOutcome.done();
        } finally {
            clear(current);
            clear(newPassword);
            clear(confirmation);
        }
    }

    private PasswordChangeOutcome wrongCurrentPassword(UserAccount account) {
        String username = account.getUsername();
        boolean lockedNow = account.recordFailedLogin(Instant.now());
        verifiedCredentials.forget(username);
        denied(username, "wrong current password (" + account.getFailedLogins() + " in a row)");
        if (lockedNow) {
            audit.record(Authentication.locked(username, "wrong current passwords"));
            return PasswordChangeOutcome.ended("That is not your current password. After "
                    + UserAccount.MAX_FAILED_LOGINS
                    + " failed attempts your account is locked for 15 minutes: your local administrator can"
                    + " unlock it sooner.");
        }
        return PasswordChangeOutcome.refused("That is not your current password. After " + UserAccount.MAX_FAILED_LOGINS
                + " failed attempts in a row the account is locked for 15 minutes.");
    }

    private void denied(String username, String why) {
        audit.record(
                new AuditEvent(AuditAction.PASSWORD_CHANGED, AuditOutcome.DENIED, Actor.account(username), null, why));
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    private static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
