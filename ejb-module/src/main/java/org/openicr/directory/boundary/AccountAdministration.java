package org.openicr.directory.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.control.Directory;
import org.openicr.directory.control.SignInThrottle;
import org.openicr.directory.control.VerifiedCredentials;
import org.openicr.directory.entity.AccountKind;
import org.openicr.directory.entity.UserAccount;
import org.openicr.platform.LikePattern;
import org.openicr.platform.Roles;

/**
 * The administrator's account tasks: find, create, disable and enable people's accounts, reset a
 * password, unlock. Every change is audited with its before and after state, never a password.
 */
@Stateless
@RolesAllowed(Roles.ADMINISTRATOR)
public class AccountAdministration {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    @Inject
    VerifiedCredentials verifiedCredentials;

    @Inject
    Directory directory;

    @Inject
    SignInThrottle throttle;

    public List<LockedAccount> lockedAccounts() {
        return em.createNamedQuery(UserAccount.LOCKED, UserAccount.class)
                .getResultStream()
                .filter(UserAccount::isLocked) // a lock ends by itself after UserAccount.LOCK_DURATION
                .map(u -> new LockedAccount(
                        u.getUsername(), u.getDisplayName(), u.getKind().name(), u.getLockedAt(), u.getFailedLogins()))
                .toList();
    }

    /** People's accounts whose username or name contains the text (all of them for none), at most 200. */
    public List<UserRow> users(String text) {
        String pattern = LikePattern.containing(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        return em.createNamedQuery(UserAccount.PEOPLE_MATCHING, UserAccount.class)
                .setParameter("text", pattern)
                .setMaxResults(200)
                .getResultStream()
                .map(UserRow::of)
                .toList();
    }

    public UserRow user(String username) {
        return UserRow.of(directory.account(username));
    }

    /**
     * A new person's account with the initial password the administrator gives them in person or
     * by phone, which they must replace at their first sign-in. It has no role profile yet, so it
     * can sign in but see nothing until one is added.
     */
    public String create(String username, String displayName, char[] password) {
        String name = Directory.required(displayName, "The display name", UserAccount.DISPLAY_NAME_MAX);
        String stored = directory.newUsername(username);
        String hash = directory.hash(stored, password);
        UserAccount account = new UserAccount(stored, name, AccountKind.PERSON, hash);
        account.setPasswordByAdministrator(hash);
        em.persist(account);
        changed(stored, "none", describe(account));
        return stored;
    }

    /** Disabling takes effect at the next request: sign-in and every cached credential refuse it. */
    public void setEnabled(String username, boolean enabled) {
        UserAccount account = directory.account(username);
        String before = describe(account);
        account.enable(enabled);
        verifiedCredentials.forget(account.getUsername());
        changed(account.getUsername(), before, describe(account));
    }

    public void rename(String username, String displayName) {
        UserAccount account = directory.account(username);
        String before = describe(account);
        account.rename(Directory.required(displayName, "The display name", UserAccount.DISPLAY_NAME_MAX));
        changed(account.getUsername(), before, describe(account));
    }

    /**
     * A new password chosen by the administrator, to be replaced by its holder at the next sign-in;
     * the audit says it changed, not what it is.
     */
    public void resetPassword(String username, char[] password) {
        UserAccount account = directory.account(username);
        String before = describe(account);
        account.setPasswordByAdministrator(directory.hash(account.getUsername(), password));
        verifiedCredentials.forget(account.getUsername());
        throttle.forgetAccount(account.getUsername());
        audit.record(new AuditEvent(
                AuditAction.PASSWORD_RESET,
                AuditOutcome.SUCCESS,
                caller(),
                null,
                "account " + account.getUsername() + ": before {" + before + "} after {" + describe(account)
                        + ", password=changed}"));
    }

    public void unlock(String username) {
        UserAccount account = directory.account(username);
        String before = "locked=" + account.isLocked() + ", failedLogins=" + account.getFailedLogins();
        account.unlock();
        verifiedCredentials.forget(username);
        throttle.forgetAccount(username);
        audit.record(new AuditEvent(
                AuditAction.ACCOUNT_UNLOCKED,
                AuditOutcome.SUCCESS,
                caller(),
                null,
                "account " + username + ": before {" + before + "} after {locked=false, failedLogins=0}"));
    }

    static String describe(UserAccount account) {
        return "displayName=" + account.getDisplayName() + ", kind=" + account.getKind() + ", enabled="
                + account.isEnabled() + ", locked=" + account.isLocked() + ", failedLogins="
                + account.getFailedLogins() + ", mustChangePassword=" + account.isMustChangePassword();
    }

    private void changed(String username, String before, String after) {
        audit.record(new AuditEvent(
                AuditAction.ACCOUNT_CHANGED,
                AuditOutcome.SUCCESS,
                caller(),
                null,
                "account " + username + ": before {" + before + "} after {" + after + "}"));
    }

    private Actor caller() {
        return Actor.account(session.getCallerPrincipal().getName());
    }
}
