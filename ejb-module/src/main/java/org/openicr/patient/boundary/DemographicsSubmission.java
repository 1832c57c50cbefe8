package org.openicr.patient.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.entity.SourceSystem;
import org.openicr.patient.entity.Demographics;
import org.openicr.patient.entity.Person;
import org.openicr.platform.ErrorCode;
import org.openicr.platform.IcrException;
import org.openicr.platform.Roles;

/**
 * A source system submits a person's demographics: the person is created in the patient index or
 * updated, keyed by NHS Number. Only an active source of a sharing organisation may submit.
 */
@Stateless
@RolesAllowed(Roles.SOURCE_SYSTEM)
public class DemographicsSubmission {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    public SubmissionResult submit(String messageId, Demographics demographics) {
        String account = session.getCallerPrincipal().getName();
        SourceSystem source = em.createNamedQuery(SourceSystem.BY_ACCOUNT, SourceSystem.class)
                .setParameter("username", account)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> refuse(
                        account,
                        messageId,
                        ErrorCode.UNKNOWN_SOURCE,
                        "This account is not registered as a source system."));
        if (!source.maySubmit()) {
            throw refuse(
                    account,
                    messageId,
                    ErrorCode.SOURCE_NOT_PERMITTED,
                    "Source " + source.getCode() + " may not submit: it or its organisation is inactive or view-only.");
        }
        Person person = em.createNamedQuery(Person.BY_NHS_NUMBER, Person.class)
                .setParameter("nhsNumber", demographics.nhsNumber())
                .getResultStream()
                .findFirst()
                .orElse(null);
        boolean created = person == null;
        if (created) {
            person = new Person(demographics, source.getId());
            em.persist(person);
            em.flush();
        } else {
            person.apply(demographics, source.getId());
        }
        Actor actor = new Actor(account, null, source.getOrganisation().getOdsCode());
        audit.record(new AuditEvent(
                AuditAction.DEMOGRAPHICS_SUBMITTED,
                AuditOutcome.SUCCESS,
                actor,
                person.getId(),
                "message " + messageId + " from " + source.getCode()
                        + (created ? ": person created" : ": person updated")));
        return new SubmissionResult(person.getId(), created);
    }

    private IcrException refuse(String account, String messageId, ErrorCode code, String reason) {
        audit.recordIndependently(new AuditEvent(
                AuditAction.DEMOGRAPHICS_SUBMITTED,
                AuditOutcome.DENIED,
                Actor.account(account),
                null,
                code + " for message " + messageId));
        return new IcrException(code, reason);
    }
}
