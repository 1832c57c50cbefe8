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
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.control.ActingProfile;
import org.openicr.directory.entity.RoleProfile;
import org.openicr.patient.entity.NhsNumber;
import org.openicr.patient.entity.Person;
import org.openicr.platform.IcrException;
import org.openicr.platform.Roles;

/**
 * Finds a person in the patient index for a member of staff acting in one of their role profiles.
 * Every search is audited with who, in which role, when and which person was found.
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
        audit.record(new AuditEvent(
                AuditAction.PATIENT_SEARCH,
                AuditOutcome.SUCCESS,
                actor,
                found.map(Person::getId).orElse(null),
                "by NHS Number: " + (found.isPresent() ? "1 result" : "0 results")));
        return found.map(p -> summary(p, p.isRestricted()));
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
                hide);
    }
}
