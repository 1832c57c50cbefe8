package org.openicr.patient.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import org.openicr.directory.entity.Organisation;
import org.openicr.vocabulary.NhsNumber;

/** One person in the patient index, keyed by NHS Number. */
@Entity
@Table(name = "person")
@NamedQuery(
        name = Person.BY_NHS_NUMBER,
        query = "select p from Person p left join fetch p.gpPractice where p.nhsNumber = :nhsNumber")
@NamedQuery(name = Person.BY_ID, query = "select p from Person p left join fetch p.gpPractice where p.id = :id")
@NamedQuery(
        name = Person.BY_FAMILY_NAME_AND_BIRTH_DATE,
        query =
                "select p from Person p left join fetch p.gpPractice where lower(p.familyName) = :familyName and p.dateOfBirth = :dateOfBirth"
                        + " and p.mergedIntoId is null order by p.givenNames, p.id")
@NamedQuery(
        name = Person.BY_NAME_PREFIX_AND_POSTCODE,
        query = "select p from Person p left join fetch p.gpPractice where lower(p.familyName) like :prefix escape '\\'"
                + " and function('replace', upper(p.postcode), ' ', '') = :postcode and p.mergedIntoId is null"
                + " order by p.familyName, p.givenNames, p.id")
public class Person {

    public static final String BY_NHS_NUMBER = "Person.byNhsNumber";
    public static final String BY_ID = "Person.byId";
    public static final String BY_FAMILY_NAME_AND_BIRTH_DATE = "Person.byFamilyNameAndBirthDate";
    public static final String BY_NAME_PREFIX_AND_POSTCODE = "Person.byNamePrefixAndPostcode";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "nhs_number", nullable = false, updatable = false)
    private NhsNumber nhsNumber;

    private String title;

    @Column(name = "given_names")
    private String givenNames;

    @Column(name = "family_name")
    private String familyName;

    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    @Column(name = "date_of_death")
    private LocalDate dateOfDeath;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    @Column(name = "address_lines")
    private String addressLines;

    private String postcode;

    private String phone;

    @Column(name = "gp_practice_ods")
    private String gpPracticeOds;

    /**
     * The registered practice as the directory names it (read only); null when the directory has no
     * organisation of that code. Every query that reads people for a page fetches it in the same select
     * ({@code left join fetch p.gpPractice}), so the banner still costs one statement.
     */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "gp_practice_ods", referencedColumnName = "ods_code", insertable = false, updatable = false)
    private Organisation gpPractice;

    private boolean restricted;

    /** Set when this record was merged into another (HL7 ADT^A40): searches then find the survivor. */
    @Column(name = "merged_into_id", insertable = false, updatable = false)
    private Long mergedIntoId;

    /** Opted out of the local shared record: hidden from everyone except safeguarding staff. */
    @Column(name = "opted_out", insertable = false, updatable = false)
    private boolean optedOut;

    @Column(name = "updated_by_source_id")
    private Long updatedBySourceId;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private int version;

    protected Person() {}

    public Person(Demographics demographics, long sourceSystemId) {
        this.nhsNumber = demographics.nhsNumber();
        apply(demographics, sourceSystemId);
    }

    /** Takes the demographics a source now holds; the NHS Number itself never changes here. */
    public void apply(Demographics demographics, long sourceSystemId) {
        if (!nhsNumber.equals(demographics.nhsNumber())) {
            throw new IllegalArgumentException("Demographics belong to another person.");
        }
        this.title = demographics.title();
        this.givenNames = demographics.givenNames();
        this.familyName = demographics.familyName();
        this.dateOfBirth = demographics.dateOfBirth();
        this.dateOfDeath = demographics.dateOfDeath();
        this.gender = demographics.gender();
        this.addressLines = String.join("\n", demographics.addressLines());
        this.postcode = demographics.postcode();
        this.phone = demographics.phone();
        this.gpPracticeOds = demographics.gpPracticeOds();
        this.restricted = Boolean.TRUE.equals(demographics.restricted());
        this.updatedBySourceId = sourceSystemId;
        this.updatedAt = Instant.now();
    }

    public int ageOn(LocalDate day) {
        return age(dateOfBirth, dateOfDeath, day);
    }

    /** Age in whole years on {@code day}, or at death if that came first. */
    public static int age(LocalDate dateOfBirth, LocalDate dateOfDeath, LocalDate day) {
        LocalDate end = dateOfDeath != null && dateOfDeath.isBefore(day) ? dateOfDeath : day;
        return Period.between(dateOfBirth, end).getYears();
    }

    public Long getId() {
        return id;
    }

    public NhsNumber getNhsNumber() {
        return nhsNumber;
    }

    public String getTitle() {
        return title;
    }

    public String getGivenNames() {
        return givenNames;
    }

    public String getFamilyName() {
        return familyName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public LocalDate getDateOfDeath() {
        return dateOfDeath;
    }

    public Gender getGender() {
        return gender;
    }

    public List<String> getAddressLines() {
        return addressLines == null || addressLines.isEmpty() ? List.of() : Arrays.asList(addressLines.split("\n"));
    }

    public String getPostcode() {
        return postcode;
    }

    public String getPhone() {
        return phone;
    }

    public String getGpPracticeOds() {
        return gpPracticeOds;
    }

    /** The registered practice's name in the directory, or null when the directory does not hold it. */
    public String getGpPracticeName() {
        return gpPractice == null ? null : gpPractice.getName();
    }

    public boolean isOptedOut() {
        return optedOut;
    }

    public boolean isRestricted() {
        return restricted;
    }
}
