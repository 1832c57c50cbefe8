package org.openicr.directory.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** A system of a partner organisation that feeds the record through its own account. */
@Entity
@Table(name = "source_system")
@NamedQuery(
        name = SourceSystem.BY_ACCOUNT,
        query = "select s from SourceSystem s join fetch s.organisation join fetch s.account"
                + " where s.account.username = :username")
public class SourceSystem {

    public static final String BY_ACCOUNT = "SourceSystem.byAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @OneToOne(optional = false)
    @JoinColumn(name = "user_account_id")
    private UserAccount account;

    private boolean active;

    protected SourceSystem() {}

    /** A source submits only while it and its organisation are active and the organisation shares. */
    public boolean maySubmit() {
        return active && organisation.maySubmit();
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public boolean isActive() {
        return active;
    }
}
