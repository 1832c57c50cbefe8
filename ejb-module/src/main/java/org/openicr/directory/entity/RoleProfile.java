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
