package org.openicr.directory.boundary;

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
import org.openicr.directory.control.Directory;
import org.openicr.directory.entity.Organisation;
import org.openicr.directory.entity.Usernames;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.SharingMode;

/**
 * The partner organisations: created, edited, made view-only or inactive, never deleted. The
 * access decision reads organisation state on every request, so an inactive organisation's items
 * leave every view at once and its users and sources stop at their next request.
 */
@Stateless
@RolesAllowed(Roles.ADMINISTRATOR)
public class OrganisationAdministration {

    /** The kinds of partner the region has; a council is LOCAL_AUTHORITY (social care consent is per council). */
    public static final List<String> TYPES = List.of(
            "GP_PRACTICE",
            "ACUTE_TRUST",
            "COMMUNITY_TRUST",
            "MENTAL_HEALTH_TRUST",
            "AMBULANCE_TRUST",
            "OUT_OF_HOURS",
            "LOCAL_AUTHORITY",
            "HOSPICE",
            "PHARMACY",
            "ICB");

    private static final Set<String> TYPE_SET = Set.copyOf(TYPES);

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    @Inject
    Directory directory;

    public List<OrganisationRow> organisations() {
        return em.createNamedQuery(Organisation.ALL, Organisation.class)
                .getResultStream()
                .map(OrganisationRow::of)
                .toList();
    }

    public long create(String odsCode, String name, String type, SharingMode sharingMode) {
        String ods = odsCode(odsCode);
        if (directory.organisationExists(ods)) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "An organisation with ODS code " + ods + " exists.");
        }
        Organisation organisation =
                new Organisation(ods, Directory.required(name, "The name", 200), type(type), sharing(sharingMode));
        em.persist(organisation);
        em.flush();
        changed(organisation, "none");
        return organisation.getId();
    }

    public void change(long id, String odsCode, String name, String type, SharingMode sharingMode, boolean active) {
        Organisation organisation = em.find(Organisation.class, id);
        if (organisation == null) {
            throw new IcrException(ErrorCode.NOT_FOUND, "No such organisation.");
        }
        String ods = odsCode(odsCode);
        if (!ods.equals(organisation.getOdsCode()) && directory.organisationExists(ods)) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "An organisation with ODS code " + ods + " exists.");
        }
        String before = organisation.describe();
        organisation.change(ods, Directory.required(name, "The name", 200), type(type), sharing(sharingMode));
        organisation.activate(active);
        changed(organisation, before);
    }

    private static String odsCode(String text) {
        return Usernames.odsCode(text)
                .orElseThrow(() -> new IcrException(
                        ErrorCode.INVALID_INPUT, "An ODS code is 3 to 12 letters and digits, such as Y90001."));
    }

    private static String type(String type) {
        if (type == null || !TYPE_SET.contains(type)) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Choose the type of organisation.");
        }
        return type;
    }

    private static SharingMode sharing(SharingMode mode) {
        if (mode == null) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Choose share-and-view or view-only.");
        }
        return mode;
    }

    private void changed(Organisation organisation, String before) {
        audit.record(new AuditEvent(
                AuditAction.ORGANISATION_CHANGED,
                AuditOutcome.SUCCESS,
                Actor.account(session.getCallerPrincipal().getName()),
                null,
                "organisation " + organisation.getId() + ": before {" + before + "} after {" + organisation.describe()
                        + "}"));
    }
}
