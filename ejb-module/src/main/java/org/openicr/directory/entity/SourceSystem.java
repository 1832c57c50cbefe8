package org.openicr.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/** A system of a partner organisation that feeds the record through its own account. */
@Entity
@Table(name = "source_system")
@NamedQuery(
        name = SourceSystem.BY_ACCOUNT,
        query = "select s from SourceSystem s join fetch s.organisation join fetch s.account"
                + " where s.account.username = :username")
@NamedQuery(
        name = SourceSystem.ALL,
        query = "select s from SourceSystem s join fetch s.organisation join fetch s.account order by s.code")
@NamedQuery(name = SourceSystem.BY_CODE, query = "select s from SourceSystem s where s.code = :code")
public class SourceSystem {

    public static final String ALL = "SourceSystem.all";
    public static final String BY_CODE = "SourceSystem.byCode";

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

    /** Its version of a person is shown first, and only it may clear the restricted flag (issue 16). */
    @Column(name = "authoritative_demographics")
    private boolean authoritativeDemographics;

    /** It may merge any two records (ADT^A40), not only people it holds (issue 16). */
    @Column(name = "authoritative_patient_index")
    private boolean authoritativePatientIndex;

    /**
     * Its HL7 v2 laboratory feed sends LOINC codes in OBX-3 without naming the coding system (issue 21,
     * item 6): such a code of LOINC's shape is kept as LOINC.
     */
    @Column(name = "hl7_obx3_implies_loinc")
    private boolean hl7Obx3ImpliesLoinc;

    protected SourceSystem() {}

    public SourceSystem(String code, String name, Organisation organisation, UserAccount account) {
        this.code = Objects.requireNonNull(code, "A code is required.");
        this.name = Objects.requireNonNull(name, "A name is required.");
        this.organisation = Objects.requireNonNull(organisation, "An organisation is required.");
        this.account = Objects.requireNonNull(account, "A system account is required.");
        this.active = true;
    }

    public void activate(boolean active) {
        this.active = active;
    }

    public void authorise(boolean demographics, boolean patientIndex) {
        this.authoritativeDemographics = demographics;
        this.authoritativePatientIndex = patientIndex;
    }

    public void impliesLoincInObx3(boolean implies) {
        this.hl7Obx3ImpliesLoinc = implies;
    }

    public boolean isHl7Obx3ImpliesLoinc() {
        return hl7Obx3ImpliesLoinc;
    }

    public boolean isAuthoritativeDemographics() {
        return authoritativeDemographics;
    }

    public boolean isAuthoritativePatientIndex() {
        return authoritativePatientIndex;
    }

    public UserAccount getAccount() {
        return account;
    }

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
