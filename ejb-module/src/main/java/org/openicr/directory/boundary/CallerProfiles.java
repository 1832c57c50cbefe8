package org.openicr.directory.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.openicr.directory.entity.UserAccount;

/** The signed-in person's own role profiles, to choose the one they work in. */
@Stateless
@PermitAll
public class CallerProfiles {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    public List<ProfileChoice> mine() {
        String username = session.getCallerPrincipal().getName();
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .flatMap(account -> account.activeRoleProfiles().stream())
                .map(ProfileChoice::of)
                .toList();
    }
}
