package org.openicr.directory.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

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

    protected RoleProfile() {}

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
