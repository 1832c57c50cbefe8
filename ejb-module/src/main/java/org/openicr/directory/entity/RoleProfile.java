package org.openicr.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/** A smartcard-style role profile: one NHS RBAC job role at one organisation. */
@Entity
@Table(name = "role_profile")
public class RoleProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_account_id")
    private UserAccount account;

    @ManyToOne(optional = false)
    @JoinColumn(name = "rbac_role_code")
    private RbacRole role;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    private boolean active;

    @Column(name = "safeguarding_designated")
    private boolean safeguardingDesignated;

    @Column(name = "may_break_seal")
    private boolean mayBreakSeal;

    /** The national role profile id (CIS2 {@code person_roleid}) of a profile the token gave (V25). */
    @Column(name = "person_roleid")
    private String personRoleId;

    protected RoleProfile() {}

    public RoleProfile(UserAccount account, RbacRole role, Organisation organisation) {
        this.account = Objects.requireNonNull(account, "An account is required.");
        this.role = Objects.requireNonNull(role, "An RBAC role is required.");
        this.organisation = Objects.requireNonNull(organisation, "An organisation is required.");
        this.active = true;
        account.getRoleProfiles().add(this);
    }

    /**
     * Sets the two attributes organisations grant to individual staff. Removing a profile only
     * deactivates it: declarations and audit refer to it.
     */
    public void grant(boolean active, boolean safeguardingDesignated, boolean mayBreakSeal) {
        this.active = active;
        this.safeguardingDesignated = safeguardingDesignated;
        this.mayBreakSeal = mayBreakSeal;
    }

    /**
     * The profile as the provider's token gave it at a sign-in: active, bound to the national role
     * profile id, the seal-break permission from its activity codes. Safeguarding designation is
     * the organisation's own setting and stays as it is.
     */
    public void fromToken(String personRoleId, boolean mayBreakSeal) {
        this.personRoleId = Objects.requireNonNull(personRoleId, "The national role profile id is required.");
        this.active = true;
        this.mayBreakSeal = mayBreakSeal;
    }

    /** A profile the latest token no longer gave: kept (declarations and audit refer to it), unusable. */
    public void withdrawnByProvider() {
        this.active = false;
    }

    /** Another profile now holds this national id (the national directory moved it): this one lets go. */
    public void releasePersonRoleId() {
        this.personRoleId = null;
        this.active = false;
    }

    public String getPersonRoleId() {
        return personRoleId;
    }

    public String describe() {
        return role.getCode() + " at " + organisation.getOdsCode() + ", active=" + active + ", safeguarding="
                + safeguardingDesignated + ", mayBreakSeal=" + mayBreakSeal;
    }

    public boolean isSafeguardingDesignated() {
        return safeguardingDesignated;
    }

    public boolean isMayBreakSeal() {
        return mayBreakSeal;
    }

    /** Usable when the profile and its organisation are both active. */
    public boolean isUsable() {
        return active && organisation.isActive();
    }

    public Long getId() {
        return id;
    }

    public UserAccount getAccount() {
        return account;
    }

    public RbacRole getRole() {
        return role;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public boolean isActive() {
        return active;
    }
}
