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
import org.openicr.directory.entity.AccountKind;
import org.openicr.directory.entity.Organisation;
import org.openicr.directory.entity.RbacRole;
import org.openicr.directory.entity.RoleProfile;
import org.openicr.directory.entity.UserAccount;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * The role profiles of a person: an NHS RBAC job role at an organisation, with the organisation's
 * safeguarding designation and permission to break seals. A removed profile is deactivated, never
 * deleted (declarations and the audit refer to it); adding it again reactivates it. A change takes
 * effect at the user's next sign-in or role choice; their open session keeps the groups it was given.
 */
@Stateless
@RolesAllowed(Roles.ADMINISTRATOR)
public class RoleProfileAdministration {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    @Inject
    Directory directory;

    public List<RbacRoleRow> roles() {
        return em.createQuery("select r from RbacRole r order by r.code", RbacRole.class)
                .getResultStream()
                .map(r -> new RbacRoleRow(r.getCode(), r.getName()))
                .toList();
    }

    public void grant(
            String username,
            String rbacRoleCode,
            String odsCode,
            boolean safeguardingDesignated,
            boolean mayBreakSeal) {
        UserAccount account = directory.account(username);
        if (account.getKind() != AccountKind.PERSON) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "A source system's account has no role profiles.");
        }
        boolean noRole = rbacRoleCode == null || rbacRoleCode.isBlank();
        boolean noOrganisation = odsCode == null || odsCode.isBlank();
        if (noRole && noOrganisation) {
            throw new IcrException(
                    ErrorCode.INVALID_INPUT, "Choose the job role and the organisation the person works for in it.");
        }
        if (noRole) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "Choose the job role for this role profile.");
        }
        if (noOrganisation) {
            throw new IcrException(
                    ErrorCode.INVALID_INPUT,
                    "Choose the organisation the person works for in this role: a role profile is always at an"
                            + " organisation.");
        }
        RbacRole role = directory.role(rbacRoleCode);
        Organisation organisation = directory.organisation(odsCode);
        RoleProfile profile = account.getRoleProfiles().stream()
                .filter(p -> p.getRole().getCode().equals(role.getCode())
                        && p.getOrganisation().getId().equals(organisation.getId()))
                .findFirst()
                .orElse(null);
        String before = profile == null ? "none" : profile.describe();
        if (profile == null) {
            profile = new RoleProfile(account, role, organisation);
            em.persist(profile);
        }
        profile.grant(true, safeguardingDesignated, mayBreakSeal);
        changed(account, before, profile.describe());
    }

    public void remove(String username, long profileId) {
        RoleProfile profile = profileOf(username, profileId);
        String before = profile.describe();
        profile.grant(false, false, false);
        changed(profile.getAccount(), before, profile.describe());
    }

    public void change(String username, long profileId, boolean safeguardingDesignated, boolean mayBreakSeal) {
        RoleProfile profile = profileOf(username, profileId);
        String before = profile.describe();
        profile.grant(profile.isActive(), safeguardingDesignated, mayBreakSeal);
        changed(profile.getAccount(), before, profile.describe());
    }

    private RoleProfile profileOf(String username, long profileId) {
        RoleProfile profile = em.find(RoleProfile.class, profileId);
        if (profile == null || !profile.getAccount().getUsername().equals(username)) {
            throw new IcrException(ErrorCode.NOT_FOUND, "That user has no such role profile.");
        }
        return profile;
    }

    private void changed(UserAccount account, String before, String after) {
        audit.record(new AuditEvent(
                AuditAction.ROLE_PROFILE_CHANGED,
                AuditOutcome.SUCCESS,
                Actor.account(session.getCallerPrincipal().getName()),
                null,
                "account " + account.getUsername() + " profile: before {" + before + "} after {" + after + "}"));
    }
}
