package org.openicr.directory.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sign-in account. A person's account locks itself after {@link #MAX_FAILED_LOGINS} failed
 * attempts in a row, for {@link #LOCK_DURATION}: the lock ends by itself (issue 16, item 7), and an
 * administrator may end it sooner. Source systems' accounts are never locked by failures.
 */
@Entity
@Table(name = "user_account")
@NamedQuery(name = UserAccount.BY_USERNAME, query = "select u from UserAccount u where u.username = :username")
@NamedQuery(
        name = UserAccount.PEOPLE_MATCHING,
        query = "select u from UserAccount u where u.kind = org.openicr.directory.entity.AccountKind.PERSON"
                + " and (lower(u.username) like :text escape '\\'"
                + " or lower(u.displayName) like :text escape '\\') order by u.username")
@NamedQuery(name = UserAccount.BY_NHSID_USERUID, query = "select u from UserAccount u where u.nhsidUseruid = :useruid")
@NamedQuery(
        name = UserAccount.LOCKED,
        query = "select u from UserAccount u where u.lockedAt is not null order by u.username")
public class UserAccount {

    public static final String BY_USERNAME = "UserAccount.byUsername";
    public static final String BY_NHSID_USERUID = "UserAccount.byNhsidUseruid";
    public static final String LOCKED = "UserAccount.locked";
    public static final String PEOPLE_MATCHING = "UserAccount.peopleMatching";
    public static final int MAX_FAILED_LOGINS = 5;

    /** How long a lock lasts; it then ends by itself, with the count of failures. */
    public static final java.time.Duration LOCK_DURATION = java.time.Duration.ofMinutes(15);

    /** The longest display name, as user_account.display_name holds it (V22): a person's name and title. */
    public static final int DISPLAY_NAME_MAX = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "display_name", length = DISPLAY_NAME_MAX)
    private String displayName;

    @Enumerated(EnumType.STRING)
    private AccountKind kind;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean enabled;

    @Column(name = "failed_logins")
    private int failedLogins;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    /** The national user id (CIS2 {@code nhsid_useruid}) of an account that signs in through the provider (V25). */
    @Column(name = "nhsid_useruid")
    private String nhsidUseruid;

    /** The assurance level of the latest sign-in through the provider; null after a local password sign-in (V25). */
    @Column(name = "assurance_level")
    private Integer assuranceLevel;

    @OneToMany(mappedBy = "account", cascade = CascadeType.PERSIST)
    private List<RoleProfile> roleProfiles = new ArrayList<>();

    protected UserAccount() {}

    /** A new, enabled account whose password the caller has already hashed. */
    public UserAccount(String username, String displayName, AccountKind kind, String passwordHash) {
        this.username = Objects.requireNonNull(username, "A username is required.");
        this.displayName = Objects.requireNonNull(displayName, "A display name is required.");
        this.kind = Objects.requireNonNull(kind, "The kind of account is required.");
        this.passwordHash = Objects.requireNonNull(passwordHash, "A password hash is required.");
        this.enabled = true;
    }

    public boolean isLocked() {
        return isLocked(Instant.now());
    }

    /** Locked now: locked less than {@link #LOCK_DURATION} ago. */
    public boolean isLocked(Instant now) {
        return lockedAt != null && now.isBefore(lockedAt.plus(LOCK_DURATION));
    }

    /** Whether the account may sign in at all, before its password is looked at. */
    public boolean maySignIn() {
        return maySignIn(Instant.now());
    }

    public boolean maySignIn(Instant now) {
        return maySignIn(enabled, lockedAt, now);
    }

    /** The rule of {@link #maySignIn(Instant)} on an account's columns read without the entity. */
    public static boolean maySignIn(boolean enabled, Instant lockedAt, Instant now) {
        return enabled && !(lockedAt != null && now.isBefore(lockedAt.plus(LOCK_DURATION)));
    }

    /** Counts a failed attempt; answers true when this attempt locked the account. */
    public boolean recordFailedLogin(Instant now) {
        if (lockedAt != null && !isLocked(now)) {
            // The lock ended by itself: counting starts again.
            lockedAt = null;
            failedLogins = 0;
        }
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS && lockedAt == null) {
            lockedAt = now;
            return true;
        }
        return false;
    }

    public void recordSuccessfulLogin(Instant now) {
        failedLogins = 0;
        lockedAt = null;
        lastLoginAt = now;
    }

    public void unlock() {
        lockedAt = null;
        failedLogins = 0;
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
    }

    public void rename(String displayName) {
        this.displayName = Objects.requireNonNull(displayName, "A display name is required.");
    }

    /** A new password (already hashed): the failed sign-ins are forgotten, a lock stays until unlocked. */
    public void changePassword(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "A password hash is required.");
        this.failedLogins = 0;
    }

    /**
     * A password the administrator chose (a new account or a reset): someone other than the holder
     * knows it, so the holder must replace it at the next sign-in.
     */
    public void setPasswordByAdministrator(String passwordHash) {
        changePassword(passwordHash);
        this.mustChangePassword = true;
    }

    /** The holder's own new password (already hashed): nobody else knows it any more. */
    public void changeOwnPassword(String passwordHash) {
        changePassword(passwordHash);
        this.mustChangePassword = false;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public List<RoleProfile> getRoleProfiles() {
        return roleProfiles;
    }

    public List<RoleProfile> activeRoleProfiles() {
        return roleProfiles.stream().filter(RoleProfile::isUsable).toList();
    }

    /**
     * A sign-in through the OpenID provider: the account is (or becomes) the national user's, the
     * token's assurance level is kept for the access path (null never: the provider always says), the
     * name follows the national directory's, and the sign-in counts as a successful one.
     */
    public void signedInThroughProvider(String useruid, int assuranceLevel, String displayName, Instant now) {
        this.nhsidUseruid = Objects.requireNonNull(useruid, "The national user id is required.");
        this.assuranceLevel = assuranceLevel;
        if (displayName != null && !displayName.isBlank()) {
            this.displayName =
                    displayName.length() > DISPLAY_NAME_MAX ? displayName.substring(0, DISPLAY_NAME_MAX) : displayName;
        }
        recordSuccessfulLogin(now);
    }

    /** A sign-in with the local password: no provider assurance applies to it. */
    public void signedInLocally() {
        this.assuranceLevel = null;
    }

    public String getNhsidUseruid() {
        return nhsidUseruid;
    }

    public Integer getAssuranceLevel() {
        return assuranceLevel;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public AccountKind getKind() {
        return kind;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedAt() {
        return lockedAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
