package org.openicr.patient.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openicr.access.control.AccessDecision;
import org.openicr.access.control.AccessFacts;
import org.openicr.access.entity.PersonAccessFacts;
import org.openicr.access.entity.SearchDecision;
import org.openicr.access.entity.SearchScope;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.control.ActingProfile;
import org.openicr.directory.entity.RoleProfile;
import org.openicr.patient.entity.NhsNumber;
import org.openicr.patient.entity.Person;
import org.openicr.platform.ErrorCode;
import org.openicr.platform.IcrException;
import org.openicr.platform.Roles;

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

    @Inject
    ActingProfile actingProfile;

    @EJB
    AuditTrail audit;

    @Inject
    AccessFacts facts;

    private static final AccessDecision DECISION = new AccessDecision();

    public Optional<PatientSummary> byNhsNumber(long roleProfileId, String nhsNumberText) {
        RoleProfile profile;
        try {
            profile = actingProfile.resolve(session.getCallerPrincipal(), roleProfileId);
        } catch (IcrException denied) {
            audit.recordIndependently(new AuditEvent(
                    AuditAction.PATIENT_SEARCH,
                    AuditOutcome.DENIED,
                    Actor.account(session.getCallerPrincipal().getName()),
                    null,
                    "by NHS Number: role profile " + roleProfileId + " refused"));
            throw denied;
        }
        Actor actor = ActingProfile.actor(profile);
        NhsNumber nhsNumber = NhsNumber.of(nhsNumberText);
        Optional<Person> found = em.createNamedQuery(Person.BY_NHS_NUMBER, Person.class)
                .setParameter("nhsNumber", nhsNumber)
                .getResultStream()
                .findFirst();
        SearchDecision decision = DECISION.decideSearch(
                facts.profile(roleProfileId), facts.matrixFor(profile.getRole().getCode()));
        if (decision instanceof SearchDecision.Refused refused) {
            audit.recordIndependently(new AuditEvent(
                    AuditAction.PATIENT_SEARCH, AuditOutcome.DENIED, actor, null, "by NHS Number: " + refused.code()));
            throw new IcrException(ErrorCode.NOT_PERMITTED, refused.refusal().reason());
        }
        SearchScope scope = ((SearchDecision.Permitted) decision).scope();
        Optional<PatientSummary> result = found.map(p -> switch (DECISION.listing(
                scope, new PersonAccessFacts(p.isOptedOut(), p.isRestricted(), Set.of()))) {
            case DETAILS -> summary(p, false);
            case DETAILS_WITHOUT_CONTACT -> summary(p, true);
            case NOT_AVAILABLE_FOR_VIEWING -> PatientSummary.notAvailable(p.getId());
        });
        audit.record(new AuditEvent(
                AuditAction.PATIENT_SEARCH,
                AuditOutcome.SUCCESS,
                actor,
                found.map(Person::getId).orElse(null),
                "by NHS Number: " + (found.isPresent() ? "1 result" : "0 results")
                        + (result.isPresent() && !result.get().availableForViewing()
                                ? " (opted out: not shown)"
                                : "")));
        return result;
    }

    /** The person as search results and the banner show them; {@code hide} leaves out contact details. */
    public static PatientSummary summary(Person p, boolean hide) {
        return new PatientSummary(
                p.getId(),
                p.getNhsNumber().formatted(),
                p.getTitle(),
                p.getGivenNames(),
                p.getFamilyName(),
                p.getDateOfBirth(),
                p.ageOn(LocalDate.now()),
                p.getGender().name(),
                hide ? List.of() : p.getAddressLines(),
                hide ? null : p.getPostcode(),
                hide ? null : p.getPhone(),
                hide ? null : p.getGpPracticeOds(),
                hide,
                true);
    }
}
