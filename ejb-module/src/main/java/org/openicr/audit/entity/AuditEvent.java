package org.openicr.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One auditable action. Written once, never changed. The detail carries ids and counts, no clinical data. */
@Entity
@Table(name = "audit_event")
@NamedQuery(
        name = AuditEvent.BY_PERSON,
        query = "select e from AuditEvent e where e.personId = :personId order by e.id")
public class AuditEvent {

    public static final String BY_PERSON = "AuditEvent.byPerson";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    private AuditAction action;

    @Enumerated(EnumType.STRING)
    private AuditOutcome outcome;

    private String username;

    @Column(name = "rbac_role_code")
    private String rbacRoleCode;

    @Column(name = "organisation_ods")
    private String organisationOds;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "purpose_of_use")
    private String purposeOfUse;

    private String detail;

    protected AuditEvent() {}

    public AuditEvent(AuditAction action, AuditOutcome outcome, Actor actor, Long personId, String detail) {
        this.occurredAt = Instant.now();
        this.action = action;
        this.outcome = outcome;
        this.username = actor.username();
        this.rbacRoleCode = actor.rbacRoleCode();
        this.organisationOds = actor.organisationOds();
        this.personId = personId;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    /** The HL7 v3 ActReason purpose-of-use code(s) for a read of a record, e.g. TREAT or ETREAT BTG. */
    public AuditEvent purposeOfUse(String codes) {
        this.purposeOfUse = codes;
        return this;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public AuditAction getAction() {
        return action;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public String getUsername() {
        return username;
    }

    public String getRbacRoleCode() {
        return rbacRoleCode;
    }

    public String getOrganisationOds() {
        return organisationOds;
    }

    public Long getPersonId() {
        return personId;
    }

    public String getPurposeOfUse() {
        return purposeOfUse;
    }

    public String getDetail() {
        return detail;
    }
}
