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
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.control.Directory;
import org.openicr.directory.control.RefusalTally;
import org.openicr.directory.control.RefusedPasswords;
import org.openicr.directory.control.SignInThrottle;
import org.openicr.directory.control.VerifiedCredentials;
import org.openicr.directory.entity.AccountKind;
import org.openicr.directory.entity.UserAccount;
import org.openicr.platform.Roles;

/**
 * Checks a username and password against the directory (PBKDF2 hashes) and answers the groups to
 * grant: the RBAC job role codes of a person's usable role profiles, or {@code SOURCE_SYSTEM} for a
 * source system's account. Five failures in a row lock a person's account for
 * {@link UserAccount#LOCK_DURATION} (an administrator may unlock it sooner); a source system's
 * account is never locked, its callers are slowed down instead ({@link SignInThrottle}). People's sign-ins and every failure are audited; a source system's successful calls are not,
 * since its messages are audited one by one. A source system's verified credential is remembered
 * briefly ({@link VerifiedCredentials}) so that each SOAP call does not pay for PBKDF2 again, and
 * checked again by one call at a time, never by every worker thread at once.
 */
@Stateless
@PermitAll
public class Authentication {

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @EJB
    AuditTrail audit;

    @Inject
    VerifiedCredentials verifiedCredentials;

    @Inject
    SignInThrottle throttle;

    @Inject
    RefusedPasswords refusedPasswords;

    @Inject
    RefusalTally tally;

    private String decoyHash;

    @PostConstruct
    void init() {
        passwordHash.initialize(Directory.HASH_PARAMETERS);
        decoyHash = passwordHash.generate("decoy".toCharArray());
    }

    /**
     * A check made inside the server (no HTTP request, no channel, no client address): no throttle,
     * no channel rule. Every sign-in over HTTP goes through the four-argument form.
     */
    public AuthenticationOutcome authenticate(String username, char[] password) {
        return authenticate(username, password, null, null);
    }

    /**
     * A sign-in attempt over HTTP: {@code channel} is where the credential was presented and
     * {@code clientAddress} who presented it (issue 16, item 7). A remembered source credential goes
     * on at once; otherwise an attempt from a caller who failed too often is answered "try again
     * later" without its password being checked ({@link SignInThrottle}); a credential on the wrong
     * channel is refused unchecked and counts toward nothing; the same wrong password repeated over
     * HTTP Basic is refused with an HMAC, not PBKDF2 ({@link RefusedPasswords}). Source accounts are
     * never locked by failures; people's accounts lock after five in a row, for
     * {@link UserAccount#LOCK_DURATION}.
     */
    public AuthenticationOutcome authenticate(
            String username, char[] password, String clientAddress, SignInChannel channel) {
        // Only source systems' credentials are remembered, and they may not be used on the sign-in page.
        VerifiedCredentials.Verdict known = channel == SignInChannel.PAGE
                ? VerifiedCredentials.Verdict.UNKNOWN
                : verifiedCredentials.verdict(username, password);
        if (known.remembered() && !known.checkHash()) {
            return new AuthenticationOutcome(username, known.groups());
        }
        if (known.remembered()) {
            // This caller checks a credential in use again; the account's other calls go on with it.
            return check(username, password, clientAddress, channel);
        }
        if (channel != null) {
            SignInThrottle.Decision decision = throttle.before(username, clientAddress);
            if (!decision.allowed()) {
                refused(username, clientAddress, channel, "delayed after repeated failures");
                return AuthenticationOutcome.delayed(decision.retryAfterSeconds());
            }
        }
        Lock checking = verifiedCredentials.checking(username);
        checking.lock();
        try {
            // Another caller with the same account may have checked it while this one waited.
            known = channel == SignInChannel.PAGE
                    ? VerifiedCredentials.Verdict.UNKNOWN
                    : verifiedCredentials.verdict(username, password);
            if (known.remembered() && !known.checkHash()) {
                return new AuthenticationOutcome(username, known.groups());
            }
            return check(username, password, clientAddress, channel);
        } finally {
            checking.unlock();
        }
    }

    /**
     * The password against the directory's hash; a source system's success is remembered; an
     * unknown, locked or disabled account is forgotten, a wrong password for a source is not.
     */
    private AuthenticationOutcome check(String username, char[] password, String clientAddress, SignInChannel channel) {
        UserAccount account = em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (account == null) {
            // Same work as for a real account, so timing does not tell which usernames exist.
            passwordHash.verify(password, decoyHash);
            verifiedCredentials.forget(username);
            failed(username, clientAddress, channel);
            audit.record(failure(username, "unknown account"));
            return AuthenticationOutcome.invalid();
        }
        if (channel != null && !channel.admits(account.getKind())) {
            // Never checked and never counted: nobody can lock or slow an account from the other channel.
            refused(
                    username,
                    clientAddress,
                    channel,
                    "a " + account.getKind().name().toLowerCase() + " account may not sign in on "
                            + (channel == SignInChannel.WEB_SERVICE ? "/ws/*" : "the sign-in page"));
            return AuthenticationOutcome.invalid();
        }
        boolean system = account.getKind() == AccountKind.SYSTEM;
        if (channel == SignInChannel.WEB_SERVICE
                && system
                && refusedPasswords.known(username, password, account.getPasswordHash())) {
            failed(username, clientAddress, channel);
            refused(username, clientAddress, channel, "the same wrong password again");
            return AuthenticationOutcome.invalid();
        }
        boolean passwordMatches = passwordHash.verify(password, account.getPasswordHash());
        Instant now = Instant.now();
        if (!account.maySignIn(now)) {
            verifiedCredentials.forget(username);
            failed(username, clientAddress, channel);
            audit.record(failure(username, account.isLocked(now) ? "account locked" : "account disabled"));
            return AuthenticationOutcome.invalid();
        }
        if (!passwordMatches) {
            failed(username, clientAddress, channel);
            if (system) {
                // Someone else's wrong password says nothing against the credential the source's feed
                // uses: it stays remembered (a password change or a disable forgets it), so a flood
                // does not send the feed back to PBKDF2.
                // A source's feed must never stop because someone else guessed: slowed, never locked.
                if (channel == SignInChannel.WEB_SERVICE) {
                    refusedPasswords.remember(username, password, account.getPasswordHash());
                }
                audit.record(failure(username, "wrong password"));
                return AuthenticationOutcome.invalid();
            }
            verifiedCredentials.forget(username);
            boolean lockedNow = account.recordFailedLogin(now);
            audit.record(failure(username, "wrong password (" + account.getFailedLogins() + " in a row)"));
            if (lockedNow) {
                audit.record(locked(username, "failed sign-ins"));
            }
            return AuthenticationOutcome.invalid();
        }
        if (channel != null) {
            throttle.succeeded(username, clientAddress);
        }
        if (system) {
            verifiedCredentials.remember(username, password, Set.of(Roles.SOURCE_SYSTEM_GROUP));
            return new AuthenticationOutcome(username, Set.of(Roles.SOURCE_SYSTEM_GROUP));
        }
        verifiedCredentials.forget(username);
        Set<String> groups = account.activeRoleProfiles().stream()
                .map(profile -> profile.getRole().getCode())
                .collect(Collectors.toUnmodifiableSet());
        if (channel == SignInChannel.PAGE) {
            LocalSignIn local = LocalSignIn.configured();
            if (!local.admits(groups)) {
                // The right password, but this account signs in through the OpenID provider (issue 19).
                audit.record(failure(
                        username,
                        "local password sign-in is for local administrators only (setting " + local
                                + "): sign in through the identity provider"));
                return AuthenticationOutcome.mustUseProvider();
            }
        }
        account.recordSuccessfulLogin(now);
        account.signedInLocally();
        audit.record(new AuditEvent(
                AuditAction.LOGIN, AuditOutcome.SUCCESS, Actor.account(username), null, "groups " + groups));
        return new AuthenticationOutcome(username, groups);
    }

    private void failed(String username, String clientAddress, SignInChannel channel) {
        if (channel != null) {
            throttle.failed(username, clientAddress);
        }
    }

    /**
     * An attempt refused without a password check, audited as {@code SIGN_IN_REFUSED}: one row per
     * account, address and reason a minute, carrying how many it stands for, so a flood cannot
     * flood the audit. Written in its own transaction (nothing else of the attempt is kept).
     */
    private void refused(String username, String clientAddress, SignInChannel channel, String why) {
        String name = username == null || username.length() > 100 ? "(invalid username)" : username;
        String from = clientAddress == null ? "unknown address" : clientAddress;
        tally.refused(name + '\u0000' + from + '\u0000' + why)
                .ifPresent(count -> audit.recordIndependently(new AuditEvent(
                        AuditAction.SIGN_IN_REFUSED,
                        AuditOutcome.DENIED,
                        Actor.account(name),
                        null,
                        why + " (" + channel + " from " + from + "): " + count
                                + (count == 1 ? " attempt" : " attempts since the last row"))));
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
