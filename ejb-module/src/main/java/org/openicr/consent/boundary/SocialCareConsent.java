package org.openicr.consent.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.consent.control.SocialCareConsentStore;
import org.openicr.patient.entity.Person;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;

/**
 * Social care consent to share, per council: a council asks the person; when they refuse, that
 * council's social care items are not shown to users outside the council (the access decision reads
 * the refusals). Recording consent again lifts the refusal. Audited with before and after.
 */
@Stateless
@RolesAllowed(Roles.ADMINISTRATOR)
public class SocialCareConsent {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    @Inject
    SocialCareConsentStore store;

    /** A council as the consent page lists it: its name, and its ODS code for the record. */
    public record Council(String odsCode, String name) implements java.io.Serializable {}

    /** The councils (local authorities) of the region, by name. */
    public List<Council> councils() {
        return store.councils().stream()
                .map(c -> new Council(c.odsCode(), c.name()))
                .toList();
    }

    /** The councils whose social care the person refused to share. */
    public List<String> refusals(String nhsNumber) {
        return store.refusals(person(nhsNumber).getId());
    }

    public void record(String nhsNumber, String councilOds, boolean consents) {
        Person person = person(nhsNumber);
        long council = store.council(councilOds)
                .orElseThrow(() -> new IcrException(ErrorCode.NOT_FOUND, "No council with that ODS code."));
        boolean refusedBefore = refusals(nhsNumber).contains(councilOds);
        if (consents) {
            store.consent(person.getId(), council);
        } else {
            store.refuse(person.getId(), council);
        }
        audit.record(new AuditEvent(
                AuditAction.CONSENT_CHANGED,
                AuditOutcome.SUCCESS,
                Actor.account(session.getCallerPrincipal().getName()),
                person.getId(),
                "social care consent to share, council " + councilOds + ": before {refused=" + refusedBefore
                        + "} after {refused=" + !consents + "}"));
    }

    private Person person(String nhsNumber) {
        return em.createNamedQuery(Person.BY_NHS_NUMBER, Person.class)
                .setParameter("nhsNumber", NhsNumber.of(nhsNumber))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IcrException(ErrorCode.NOT_FOUND, "No person with that NHS Number is held."));
    }
}
