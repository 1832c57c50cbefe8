package org.openicr.consent.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
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

    /** The councils (local authorities) of the region, by ODS code. */
    public List<String> councils() {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery(
                        "select ods_code from organisation where org_type = 'LOCAL_AUTHORITY' order by ods_code")
                .getResultList();
        return codes;
    }

    /** The councils whose social care the person refused to share. */
    public List<String> refusals(String nhsNumber) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("select o.ods_code from social_care_consent_refusal r"
                        + " join organisation o on o.id = r.council_organisation_id where r.person_id = ? order by 1")
                .setParameter(1, person(nhsNumber).getId())
                .getResultList();
        return codes;
    }

    public void record(String nhsNumber, String councilOds, boolean consents) {
        Person person = person(nhsNumber);
        List<?> ids = em.createNativeQuery(
                        "select id from organisation where ods_code = ? and org_type = 'LOCAL_AUTHORITY'")
                .setParameter(1, councilOds)
                .getResultList();
        if (ids.isEmpty()) {
            throw new IcrException(ErrorCode.NOT_FOUND, "No council with that ODS code.");
        }
        Number council = (Number) ids.get(0);
        boolean refusedBefore = refusals(nhsNumber).contains(councilOds);
        if (consents) {
            em.createNativeQuery(
                            "delete from social_care_consent_refusal where person_id = ? and council_organisation_id = ?")
                    .setParameter(1, person.getId())
                    .setParameter(2, council.longValue())
                    .executeUpdate();
        } else {
            em.createNativeQuery("insert into social_care_consent_refusal (person_id, council_organisation_id)"
                            + " values (?, ?) on conflict do nothing")
                    .setParameter(1, person.getId())
                    .setParameter(2, council.longValue())
                    .executeUpdate();
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
