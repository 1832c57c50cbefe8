package org.openicr.directory.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.boundary.NationalRbacClaims.TokenIdentity;
import org.openicr.directory.boundary.NationalRbacClaims.TokenProfile;
import org.openicr.directory.control.Directory;
import org.openicr.directory.entity.AccountKind;
import org.openicr.directory.entity.Organisation;
import org.openicr.directory.entity.RbacRole;
import org.openicr.directory.entity.RoleProfile;
import org.openicr.directory.entity.UserAccount;
import org.openicr.directory.entity.Usernames;

/**
 * A sign-in through the OpenID provider (issue 19, item 1; docs/identity.md, section E). The web
 * layer has checked the ID token (signature, issuer, audience, nonce, expiry); this writes what it
 * says into the directory, as a cache keyed by the national ids, so that everything after sign-in
 * (the one access decision by role profile id, the audit's actors, the pages by chosen profile) is
 * unchanged:
 *
 * <ul>
 *   <li>the account is the one with the token's {@code nhsid_useruid}; at a person's first sign-in
 *       through the provider, a local person's account of the same username that no provider signed in
 *       before is taken over (the demo region's accounts), else a new account is made, with an
 *       unusable random password;
 *   <li>each profile of {@code nhsid_nrbac_roles} is the profile with its {@code person_roleid}, or
 *       the account's local profile of the same job role at the same organisation (adopted), or a
 *       new one; its seal-break permission follows its activity codes (B0083); a profile at an
 *       organisation or with a job role this region does not know cannot be made and is named as not
 *       usable, in plain English;
 *   <li>every other profile of the account is made inactive (kept: declarations and audit refer to it);
 *   <li>the token's assurance level is kept on the account, for the record's access path.
 * </ul>
 */
@Stateless
@PermitAll
public class FederatedSignIn {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PostConstruct
    void init() {
        passwordHash.initialize(Directory.HASH_PARAMETERS);
    }

    /**
     * The outcome: the local username and groups (the usable profiles' job role codes), the token's
     * profiles this region cannot use, in plain English, or a refusal in plain English.
     */
    public record Outcome(
            String username, Set<String> groups, List<String> notUsable, String refusal, int assuranceLevel)
            implements Serializable {

        public Outcome {
            groups = groups == null ? Set.of() : Set.copyOf(groups);
            notUsable = List.copyOf(notUsable);
        }

        public boolean signedIn() {
            return refusal == null;
        }

        static Outcome refused(String why) {
            return new Outcome(null, Set.of(), List.of(), why, 0);
        }
    }

    public Outcome signIn(TokenIdentity identity) {
        Instant now = Instant.now();
        UserAccount account = em.createNamedQuery(UserAccount.BY_NHSID_USERUID, UserAccount.class)
                .setParameter("useruid", identity.useruid())
                .getResultStream()
                .findFirst()
                .orElseGet(() -> adoptOrCreate(identity));
        if (account == null) {
            audit.record(new AuditEvent(
                    AuditAction.LOGIN_FAILURE,
                    AuditOutcome.DENIED,
                    Actor.account("nhsid:" + identity.useruid()),
                    null,
                    "identity provider: the username is a source system's account"));
            return Outcome.refused("Your NHS identity could not be matched to an account here. Contact your"
                    + " local administrator.");
        }
        if (!account.isEnabled()) {
            audit.record(new AuditEvent(
                    AuditAction.LOGIN_FAILURE,
                    AuditOutcome.DENIED,
                    Actor.account(account.getUsername()),
                    null,
                    "identity provider: account disabled"));
            return Outcome.refused(
                    "Your account in the shared care record is disabled. Contact your local" + " administrator.");
        }
        List<String> notUsable = new ArrayList<>();
        Map<String, RoleProfile> byPersonRoleId = new HashMap<>();
        for (RoleProfile profile : account.getRoleProfiles()) {
            if (profile.getPersonRoleId() != null) {
                byPersonRoleId.put(profile.getPersonRoleId(), profile);
            }
        }
        List<RoleProfile> fromToken = new ArrayList<>();
        for (TokenProfile given : identity.profiles()) {
            Optional<Organisation> organisation = em.createNamedQuery(Organisation.BY_ODS_CODE, Organisation.class)
                    .setParameter("odsCode", given.orgCode())
                    .getResultStream()
                    .findFirst();
            RbacRole role = em.find(RbacRole.class, given.jobRoleCode());
            String label = (given.roleName() == null ? "" : given.roleName() + " ") + "(" + given.jobRoleCode()
                    + ") at " + given.orgCode();
            if (organisation.isEmpty()) {
                notUsable.add(label + ": this organisation is not part of this shared care record.");
                continue;
            }
            if (role == null) {
                notUsable.add(label + ": this job role has no access to the shared care record.");
                continue;
            }
            if (!organisation.get().isActive()) {
                notUsable.add(label + ": your organisation is not active in the shared care record.");
            }
            RoleProfile profile = byPersonRoleId.get(given.personRoleId());
            if (profile == null
                    || !profile.getRole().getCode().equals(role.getCode())
                    || !profile.getOrganisation()
                            .getId()
                            .equals(organisation.get().getId())) {
                // The national id is new here, or now names another job role or organisation.
                release(given.personRoleId());
                profile = account.getRoleProfiles().stream()
                        .filter(p -> p.getPersonRoleId() == null
                                && p.getRole().getCode().equals(role.getCode())
                                && p.getOrganisation()
                                        .getId()
                                        .equals(organisation.get().getId()))
                        .findFirst()
                        .orElse(null);
                if (profile == null) {
                    profile = new RoleProfile(account, role, organisation.get());
                    em.persist(profile);
                }
            }
            profile.fromToken(given.personRoleId(), given.mayBreakSeal());
            fromToken.add(profile);
        }
        for (int n = 0; n < identity.malformed(); n++) {
            notUsable.add("A role profile in your NHS identity could not be read.");
        }
        for (RoleProfile profile : account.getRoleProfiles()) {
            if (!fromToken.contains(profile)) {
                profile.withdrawnByProvider();
            }
        }
        account.signedInThroughProvider(identity.useruid(), identity.assuranceLevel(), identity.displayName(), now);
        em.flush();
        Set<String> groups = account.activeRoleProfiles().stream()
                .map(profile -> profile.getRole().getCode())
                .collect(Collectors.toUnmodifiableSet());
        audit.record(new AuditEvent(
                AuditAction.LOGIN,
                AuditOutcome.SUCCESS,
                Actor.account(account.getUsername()),
                null,
                "through the identity provider, assurance level " + identity.assuranceLevel() + ", groups " + groups
                        + (notUsable.isEmpty() ? "" : ", " + notUsable.size() + " profile(s) not usable")));
        return new Outcome(account.getUsername(), groups, notUsable, null, identity.assuranceLevel());
    }

    /** Any profile holding this national role profile id lets go of it (the unique index allows one holder). */
    private void release(String personRoleId) {
        em.createQuery("select p from RoleProfile p where p.personRoleId = :id", RoleProfile.class)
                .setParameter("id", personRoleId)
                .getResultList()
                .forEach(RoleProfile::releasePersonRoleId);
        em.flush();
    }

    /**
     * A person's first sign-in through the provider: the local person account of the token's username
     * that no provider signed in before, or a new account; null when the name is a source system's.
     */
    private UserAccount adoptOrCreate(TokenIdentity identity) {
        Optional<String> wanted = Usernames.username(identity.preferredUsername());
        if (wanted.isPresent()) {
            Optional<UserAccount> same = em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                    .setParameter("username", wanted.get())
                    .getResultStream()
                    .findFirst();
            if (same.isPresent()) {
                UserAccount existing = same.get();
                if (existing.getKind() == AccountKind.PERSON && existing.getNhsidUseruid() == null) {
                    return existing;
                }
                if (existing.getKind() != AccountKind.PERSON) {
                    return null;
                }
            } else {
                return create(wanted.get(), identity);
            }
        }
        return create("nhsid-" + identity.useruid().toLowerCase(java.util.Locale.ROOT), identity);
    }

    private UserAccount create(String username, TokenIdentity identity) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        // A password nobody knows: the account signs in through the provider only.
        String hash =
                passwordHash.generate(Base64.getEncoder().encodeToString(secret).toCharArray());
        String name =
                identity.displayName() == null || identity.displayName().isBlank() ? username : identity.displayName();
        UserAccount account = new UserAccount(
                username,
                name.length() > UserAccount.DISPLAY_NAME_MAX ? name.substring(0, UserAccount.DISPLAY_NAME_MAX) : name,
                AccountKind.PERSON,
                hash);
        em.persist(account);
        return account;
    }
}
