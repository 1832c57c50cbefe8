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
import java.util.Set;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.consent.control.OptOutStore;
import org.openicr.patient.entity.Person;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;

/**
 * Customer services' processing of the local ICR opt-out: a person opts out (their record leaves
 * view for everyone but safeguarding staff at once) or back in (it is restored). Every change is
 * kept with who recorded it, when and through which channel, and audited with before and after.
 * Nothing of the record is deleted.
 */
@Stateless
@RolesAllowed(Roles.ADMINISTRATOR)
public class OptOuts {

    public static final Set<String> CHANNELS = Set.of("LETTER", "PHONE", "EMAIL", "IN_PERSON", "ONLINE");

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    @Inject
    OptOutStore store;

    /** Who the person with an NHS Number is, for customer services to check before anything is recorded. */
    public record Identity(String nhsNumber, String name, java.time.LocalDate dateOfBirth)
            implements java.io.Serializable {}

    /**
     * The name and date of birth of the person with this NHS Number (shown 3-3-4), so that the
     * administrator can check it is the person who asked before recording anything. Audited as a
     * search by NHS Number for opt-out processing.
     */
    public Identity identify(String nhsNumber) {
        Person person = person(nhsNumber);
        audit.record(new AuditEvent(
                AuditAction.PATIENT_SEARCH,
                AuditOutcome.SUCCESS,
                Actor.account(session.getCallerPrincipal().getName()),
                person.getId(),
                "opt-out processing: person identified by NHS Number"));
        String name = ((person.getTitle() == null || person.getTitle().isBlank() ? "" : person.getTitle() + " ")
                        + person.getGivenNames() + " " + person.getFamilyName().toUpperCase(java.util.Locale.ROOT))
                .strip();
        return new Identity(person.getNhsNumber().formatted(), name, person.getDateOfBirth());
    }

    /** The person's current state and history; the person must be known. */
    public List<OptOutEvent> history(String nhsNumber) {
        Person person = person(nhsNumber);
        return store.history(person.getId()).stream()
                .map(e -> new OptOutEvent(e.optedOut(), e.channel(), e.recordedBy(), e.recordedAt(), e.note()))
                .toList();
    }

    public boolean isOptedOut(String nhsNumber) {
        return person(nhsNumber).isOptedOut();
    }

    public void record(String nhsNumber, boolean optOut, String channel, String note) {
        if (channel == null || !CHANNELS.contains(channel)) {
            throw new IcrException(
                    ErrorCode.INVALID_INPUT,
                    "Choose how the person told us: by letter, telephone, email, in person or online.");
        }
        Person person = person(nhsNumber);
        boolean before = person.isOptedOut();
        String by = session.getCallerPrincipal().getName();
        store.record(person.getId(), optOut, channel, by, note == null || note.isBlank() ? null : note.strip());
        audit.record(new AuditEvent(
                AuditAction.OPT_OUT_CHANGED,
                AuditOutcome.SUCCESS,
                Actor.account(by),
                person.getId(),
                "before {optedOut=" + before + "} after {optedOut=" + optOut + "} channel " + channel));
    }

    private Person person(String nhsNumber) {
        return em.createNamedQuery(Person.BY_NHS_NUMBER, Person.class)
                .setParameter("nhsNumber", NhsNumber.of(nhsNumber))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IcrException(ErrorCode.NOT_FOUND, "No person with that NHS Number is held."));
    }
}
