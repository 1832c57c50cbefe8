package org.openicr.directory.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.control.VerifiedCredentials;
import org.openicr.directory.entity.AccountKind;
import org.openicr.directory.entity.UserAccount;
import org.openicr.platform.Roles;

/**
 * Checks a username and password against the directory (PBKDF2 hashes) and answers the groups to
 * grant: the RBAC job role codes of a person's usable role profiles, or {@code SOURCE_SYSTEM} for a
 * source system's account. Five failures in a row lock the account until an administrator unlocks
 * it. People's sign-ins and every failure are audited; a source system's successful calls are not,
 * since its messages are audited one by one. A source system's verified credential is remembered
 * briefly ({@link VerifiedCredentials}) so that each SOAP call does not pay for PBKDF2 again, and
 * checked again by one call at a time, never by every worker thread at once.
 */
@Stateless
@PermitAll
public class Authentication {

    public static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @EJB
    AuditTrail audit;

    @Inject
    VerifiedCredentials verifiedCredentials;

    private String decoyHash;

    @PostConstruct
    void init() {
        passwordHash.initialize(HASH_PARAMETERS);
        decoyHash = passwordHash.generate("decoy".toCharArray());
    }

    public AuthenticationOutcome authenticate(String username, char[] password) {
        VerifiedCredentials.Verdict known = verifiedCredentials.verdict(username, password);
        if (known.remembered() && !known.checkHash()) {
            return new AuthenticationOutcome(username, known.groups());
        }
        if (known.remembered()) {
            // This caller checks a credential in use again; the account's other calls go on with it.
            return check(username, password);
        }
        Lock checking = verifiedCredentials.checking(username);
        checking.lock();
        try {
            // Another caller with the same account may have checked it while this one waited.
            known = verifiedCredentials.verdict(username, password);
            if (known.remembered() && !known.checkHash()) {
                return new AuthenticationOutcome(username, known.groups());
            }
            return check(username, password);
        } finally {
            checking.unlock();
        }
    }

    /** The password against the directory's hash; a source system's success is remembered, a failure forgets. */
    private AuthenticationOutcome check(String username, char[] password) {
        UserAccount account = em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (account == null) {
            // Same work as for a real account, so timing does not tell which usernames exist.
            passwordHash.verify(password, decoyHash);
            verifiedCredentials.forget(username);
            audit.record(failure(username, "unknown account"));
            return AuthenticationOutcome.invalid();
        }
        boolean passwordMatches = passwordHash.verify(password, account.getPasswordHash());
        Instant now = Instant.now();
        if (!account.maySignIn()) {
            verifiedCredentials.forget(username);
            audit.record(failure(username, account.isLocked() ? "account locked" : "account disabled"));
            return AuthenticationOutcome.invalid();
        }
        if (!passwordMatches) {
            verifiedCredentials.forget(username);
            boolean lockedNow = account.recordFailedLogin(now);
            audit.record(failure(username, "wrong password (" + account.getFailedLogins() + " in a row)"));
            if (lockedNow) {
                audit.record(locked(username, "failed sign-ins"));
            }
            return AuthenticationOutcome.invalid();
        }
        if (account.getKind() == AccountKind.SYSTEM) {
            verifiedCredentials.remember(username, password, Set.of(Roles.SOURCE_SYSTEM_GROUP));
            return new AuthenticationOutcome(username, Set.of(Roles.SOURCE_SYSTEM_GROUP));
        }
        verifiedCredentials.forget(username);
        account.recordSuccessfulLogin(now);
        Set<String> groups = account.activeRoleProfiles().stream()
                .map(profile -> profile.getRole().getCode())
                .collect(Collectors.toUnmodifiableSet());
        audit.record(new AuditEvent(
                AuditAction.LOGIN, AuditOutcome.SUCCESS, Actor.account(username), null, "groups " + groups));
        return new AuthenticationOutcome(username, groups);
    }

    /** The account locked itself: the event both sign-in and a password change write. */
    static AuditEvent locked(String username, String attempts) {
        return new AuditEvent(
                AuditAction.ACCOUNT_LOCKED,
                AuditOutcome.SUCCESS,
                Actor.account(username),
                null,
                "locked after " + UserAccount.MAX_FAILED_LOGINS + " " + attempts);
    }

    private static AuditEvent failure(String username, String why) {
        String name = username == null || username.length() > 100 ? "(invalid username)" : username;
        return new AuditEvent(AuditAction.LOGIN_FAILURE, AuditOutcome.DENIED, Actor.account(name), null, why);
    }
}
