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
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.control.Directory;
import org.openicr.directory.control.VerifiedCredentials;
import org.openicr.directory.entity.AccountKind;
import org.openicr.directory.entity.Organisation;
import org.openicr.directory.entity.SourceSystem;
import org.openicr.directory.entity.UserAccount;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * Source systems and their system accounts. Disabling a source disables its account too and
 * forgets its cached credential; the ingestion checks the source's state in the database on every
 * call, so a disabled source is refused at its next message on every server, whatever any cache
 * holds. Sources are never deleted: their items and messages refer to them.
 */
@Stateless
@RolesAllowed(Roles.ADMINISTRATOR)
public class SourceSystemAdministration {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    @Inject
    Directory directory;

    @Inject
    VerifiedCredentials verifiedCredentials;

    public List<SourceRow> sources() {
        return em.createNamedQuery(SourceSystem.ALL, SourceSystem.class)
                .getResultStream()
                .map(SourceRow::of)
                .toList();
    }

    public void create(String code, String name, String odsCode, String username, char[] password) {
        String sourceCode = Directory.required(code, "The source code", 60);
        if (!sourceCode.matches("[A-Za-z0-9._-]+")) {
            throw new IcrException(
                    ErrorCode.INVALID_INPUT, "A source code is letters, digits, dots, hyphens or underscores.");
        }
        if (!em.createNamedQuery(SourceSystem.BY_CODE, SourceSystem.class)
                .setParameter("code", sourceCode)
                .getResultList()
                .isEmpty()) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "A source system with code " + sourceCode + " exists.");
        }
        String sourceName = Directory.required(name, "The name", 200);
        Organisation organisation = directory.organisation(odsCode);
        String accountName = directory.newUsername(username);
        UserAccount account =
                new UserAccount(accountName, sourceName, AccountKind.SYSTEM, directory.hash(accountName, password));
        em.persist(account);
        SourceSystem source = new SourceSystem(sourceCode, sourceName, organisation, account);
        em.persist(source);
        changed(source, "none");
    }

    /** Enables or disables the source and its account together. */
    public void setActive(String code, boolean active) {
        SourceSystem source = em.createNamedQuery(SourceSystem.BY_CODE, SourceSystem.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IcrException(ErrorCode.NOT_FOUND, "No such source system."));
        String before = describe(source);
        source.activate(active);
        source.getAccount().enable(active);
        verifiedCredentials.forget(source.getAccount().getUsername());
        changed(source, before);
    }

    /**
     * Marks the source authoritative (or not) for demographics and for the patient index (issue 16),
     * audited with the state before and after.
     */
    public void setAuthority(String code, boolean demographics, boolean patientIndex) {
        SourceSystem source = em.createNamedQuery(SourceSystem.BY_CODE, SourceSystem.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IcrException(ErrorCode.NOT_FOUND, "No such source system."));
        String before = describe(source);
        source.authorise(demographics, patientIndex);
        changed(source, before);
    }

    /**
     * Says whether the source's HL7 v2 feed sends LOINC codes in OBX-3 without naming the coding
     * system (issue 21, item 6), audited with the state before and after.
     */
    public void setObx3ImpliesLoinc(String code, boolean implies) {
        SourceSystem source = em.createNamedQuery(SourceSystem.BY_CODE, SourceSystem.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IcrException(ErrorCode.NOT_FOUND, "No such source system."));
        String before = describe(source);
        source.impliesLoincInObx3(implies);
        changed(source, before);
    }

    private static String describe(SourceSystem source) {
        return "code=" + source.getCode() + ", name=" + source.getName() + ", organisation="
                + source.getOrganisation().getOdsCode() + ", account="
                + source.getAccount().getUsername()
                + ", authoritativeDemographics=" + source.isAuthoritativeDemographics()
                + ", authoritativePatientIndex=" + source.isAuthoritativePatientIndex()
                + ", active=" + source.isActive() + ", accountEnabled="
                + source.getAccount().isEnabled()
                + ", hl7Obx3ImpliesLoinc=" + source.isHl7Obx3ImpliesLoinc();
    }

    private void changed(SourceSystem source, String before) {
        audit.record(new AuditEvent(
                AuditAction.SOURCE_SYSTEM_CHANGED,
                AuditOutcome.SUCCESS,
                Actor.account(session.getCallerPrincipal().getName()),
                null,
                "source " + source.getCode() + ": before {" + before + "} after {" + describe(source) + "}"));
    }
}
