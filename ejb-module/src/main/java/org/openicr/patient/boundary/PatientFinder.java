package org.openicr.patient.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openicr.access.control.AccessDecision;
import org.openicr.access.control.AccessFacts;
import org.openicr.access.entity.AccessDefaults;
import org.openicr.access.entity.PersonAccessFacts;
import org.openicr.access.entity.PersonDetails;
import org.openicr.access.entity.ReasonDeclaration;
import org.openicr.access.entity.RecordFacts;
import org.openicr.access.entity.SearchDecision;
import org.openicr.access.entity.SearchScope;
import org.openicr.audit.control.AuditGate;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.control.ReadAudit;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.control.ActingProfile;
import org.openicr.patient.entity.Person;
import org.openicr.platform.LikePattern;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;

/**
 * Finds a person in the patient index for a member of staff acting in one of their role profiles.
 * Every search is audited with who, in which role, when and which person was found. What a result
 * shows is the access decision's: an opted-out person appears only as "not available for viewing"
 * (except to safeguarding staff), a restricted person without address, telephone or GP practice.
 */
@Stateless
@RolesAllowed(Roles.RECORD_VIEWER)
public class PatientFinder {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    @EJB
    ReadAudit readAudit;

    @Inject
    AuditGate gate;

    @Inject
    AccessFacts facts;

    private static final AccessDecision DECISION = new AccessDecision();

    public Optional<PatientSummary> byNhsNumber(long roleProfileId, String nhsNumberText) {
        RecordFacts profile = resolve(roleProfileId, "by NHS Number");
        Actor actor = actor(profile);
        NhsNumber nhsNumber = NhsNumber.of(nhsNumberText);
        Optional<Person> found = em.createNamedQuery(Person.BY_NHS_NUMBER, Person.class)
                .setParameter("nhsNumber", nhsNumber)
                .getResultStream()
                .findFirst();
        SearchScope scope = scope(roleProfileId, profile, actor, "by NHS Number");
        Optional<PatientSummary> result = found.map(p -> listing(roleProfileId, scope, p));
        // written while the results are rendered; the answer is released once it has committed
        gate.hold(readAudit.read(new AuditEvent(
                AuditAction.PATIENT_SEARCH,
                AuditOutcome.SUCCESS,
                actor,
                found.map(Person::getId).orElse(null),
                "by NHS Number: " + (found.isPresent() ? "1 result" : "0 results")
                        + (result.isPresent() && !result.get().availableForViewing()
                                ? " (opted out: not shown)"
                                : ""))));
        return result;
    }

    /** At most this many people are listed for a name search; a longer list asks for more detail. */
    public static final int MAX_RESULTS = 50;

    /** By family name (exact, any case) and date of birth. */
    public List<PatientSummary> byFamilyNameAndBirthDate(long roleProfileId, String familyName, LocalDate dateOfBirth) {
        if (familyName == null || familyName.isBlank() || dateOfBirth == null) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Enter a family name and a date of birth.");
        }
        List<Person> people = em.createNamedQuery(Person.BY_FAMILY_NAME_AND_BIRTH_DATE, Person.class)
                .setParameter("familyName", familyName.strip().toLowerCase())
                .setParameter("dateOfBirth", dateOfBirth)
                .setMaxResults(MAX_RESULTS + 1)
                .getResultList();
        return listed(roleProfileId, people, "by family name and date of birth");
    }

    /** By the start of the family name (at least two letters) and the postcode, spaces ignored. */
    public List<PatientSummary> byPartialNameAndPostcode(long roleProfileId, String namePrefix, String postcode) {
        String prefix = namePrefix == null ? "" : namePrefix.strip().toLowerCase();
        String compactPostcode =
                postcode == null ? "" : postcode.replace(" ", "").toUpperCase();
        if (prefix.length() < 2 || compactPostcode.length() < 5) {
            throw new IcrException(
                    ErrorCode.INVALID_INPUT,
                    "Enter at least the first two letters of the family name and a full postcode.");
        }
        List<Person> people = em.createNamedQuery(Person.BY_NAME_PREFIX_AND_POSTCODE, Person.class)
                .setParameter("prefix", LikePattern.startingWith(prefix))
                .setParameter("postcode", compactPostcode)
                .setMaxResults(MAX_RESULTS + 1)
                .getResultList();
        return listed(roleProfileId, people, "by partial name and postcode");
    }

    /**
     * The people found, each shown as the access decision lists them. Restricted people found by
     * postcode are left out: their postcode is hidden, so the search must not confirm it.
     */
    private List<PatientSummary> listed(long roleProfileId, List<Person> people, String kind) {
        RecordFacts profile = resolve(roleProfileId, kind);
        Actor actor = actor(profile);
        SearchScope scope = scope(roleProfileId, profile, actor, kind);
        boolean byPostcode = kind.contains("postcode");
        List<PatientSummary> results = people.stream()
                .filter(p -> !(byPostcode && p.isRestricted()))
                .limit(MAX_RESULTS)
                .map(p -> listing(roleProfileId, scope, p))
                .toList();
        // written while the results are rendered; the answer is released once it has committed
        gate.hold(readAudit.read(new AuditEvent(
                AuditAction.PATIENT_SEARCH,
                AuditOutcome.SUCCESS,
                actor,
                results.size() == 1 ? results.get(0).personId() : null,
                kind + ": " + results.size() + " result(s)"
                        + (people.size() > MAX_RESULTS ? ", more not shown" : ""))));
        return results;
    }

    /**
     * The caller's role profile, read once with the access facts' own statement (the record's
     * reading, without a person) and checked by the rule {@link ActingProfile#check} applies; a
     * profile that is not the caller's or not usable is audited as a refused search.
     */
    private RecordFacts resolve(long roleProfileId, String kind) {
        RecordFacts read = facts.profileReading(roleProfileId);
        Optional<RecordFacts.ProfileFacts> profile = read.profile();
        try {
            ActingProfile.check(session.getCallerPrincipal(), profile, Instant.now());
            return read;
        } catch (IcrException denied) {
            audit.recordIndependently(new AuditEvent(
                    AuditAction.PATIENT_SEARCH,
                    AuditOutcome.DENIED,
                    Actor.account(session.getCallerPrincipal().getName()),
                    null,
                    kind + ": role profile " + roleProfileId + " refused"));
            throw denied;
        }
    }

    private static Actor actor(RecordFacts read) {
        RecordFacts.ProfileFacts profile = read.profile().orElseThrow();
        return new Actor(
                profile.username(),
                profile.access().roleCode(),
                profile.access().organisationOdsCode());
    }

    private SearchScope scope(long roleProfileId, RecordFacts profile, Actor actor, String kind) {
        SearchDecision decision =
                DECISION.decideSearch(profile.profile().orElseThrow().access(), profile.matrix());
        if (decision instanceof SearchDecision.Refused refused) {
            audit.recordIndependently(new AuditEvent(
                    AuditAction.PATIENT_SEARCH, AuditOutcome.DENIED, actor, null, kind + ": " + refused.code()));
            throw new IcrException(ErrorCode.NOT_PERMITTED, refused.refusal().reason());
        }
        return ((SearchDecision.Permitted) decision).scope();
    }

    /**
     * One person as the decision lists them. The opt-out is the person row just read from the
     * database in this search's transaction (the persistence unit keeps no shared cache), so an
     * opt-out committed on any instance applies to the next search everywhere. For an opted-out
     * person and a safeguarding-designated reader, the reader's latest reason for that person is
     * read too: only a safeguarding reason that still holds shows the details.
     */
    private PatientSummary listing(long roleProfileId, SearchScope scope, Person p) {
        PersonAccessFacts person = new PersonAccessFacts(p.isOptedOut(), p.isRestricted(), Set.of());
        Optional<ReasonDeclaration> declared = p.isOptedOut() && scope.safeguardingDesignated()
                ? facts.latestDeclaration(roleProfileId, p.getId()).map(AccessFacts.Declared::declaration)
                : Optional.empty();
        return switch (DECISION.listing(scope, person, declared, AccessDefaults.REASON_POLICY, Instant.now())) {
            case DETAILS -> summary(p, false);
            case DETAILS_WITHOUT_CONTACT -> summary(p, true);
            case NOT_AVAILABLE_FOR_VIEWING -> PatientSummary.notAvailable(p.getId(), scope.safeguardingDesignated());
        };
    }

    /** The person as search results and the banner show them; {@code hide} leaves out contact details. */
    public static PatientSummary summary(Person p, boolean hide) {
        return summary(
                new PersonDetails(
                        p.getId(),
                        p.getNhsNumber().value(),
                        p.getTitle(),
                        p.getGivenNames(),
                        p.getFamilyName(),
                        p.getDateOfBirth(),
                        p.getDateOfDeath(),
                        p.getGender().name(),
                        p.getAddressLines(),
                        p.getPostcode(),
                        p.getPhone(),
                        p.getGpPracticeOds(),
                        p.getGpPracticeName()),
                hide);
    }

    /**
     * The person as read with the access facts (the record page's banner), shown as search results
     * show them; {@code hide} leaves out contact details (the address, phone and GP practice of a
     * restricted person).
     */
    public static PatientSummary summary(PersonDetails p, boolean hide) {
        return new PatientSummary(
                p.personId(),
                NhsNumber.display(p.nhsNumber()),
                p.title(),
                p.givenNames(),
                p.familyName(),
                p.dateOfBirth(),
                Person.age(p.dateOfBirth(), p.dateOfDeath(), LocalDate.now()),
                p.gender(),
                hide ? List.of() : p.addressLines(),
                hide ? null : p.postcode(),
                hide ? null : p.phone(),
                hide ? null : p.gpPracticeOds(),
                hide ? null : p.gpPracticeName(),
                hide,
                true,
                false);
    }
}
