package org.openicr.directory.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.Optional;
import org.openicr.directory.boundary.NationalRbacClaims.TokenIdentity;
import org.openicr.directory.entity.RoleProfile;

/**
 * The caller of the FHIR API (issue 20, docs/fhir.md): the local account and role profile that an
 * access token's national ids name. The web layer has validated the token (signature, issuer,
 * audience, expiry, scope) and checked that the profile asked for ({@code NHSD-Session-URID}) is one
 * of the token's; this finds the profile the directory keeps for it, as a sign-in through the
 * provider keeps it. A profile not in the directory yet (the person never signed in, or the token
 * carries a profile new since) is written there by {@link FederatedSignIn}, exactly as a sign-in
 * writes it (and audited as one); nothing else is written on an API call.
 */
@Stateless
@PermitAll
public class ApiCallers {

    @PersistenceContext
    EntityManager em;

    @EJB
    FederatedSignIn federated;

    /** The caller: the local username, the role profile id and its RBAC job role code (the call's one group). */
    public record Caller(String username, long roleProfileId, String roleCode) implements Serializable {}

    /**
     * The account with the token's {@code nhsid_useruid} and its profile with {@code personRoleId},
     * written from the token first when the directory does not hold them yet; empty when the
     * region cannot use that profile (unknown organisation or job role, account disabled).
     */
    public Optional<Caller> of(TokenIdentity identity, String personRoleId) {
        Optional<Caller> known = find(identity.useruid(), personRoleId);
        if (known.isPresent()) {
            return known;
        }
        if (!federated.signIn(identity).signedIn()) {
            return Optional.empty();
        }
        em.flush();
        return find(identity.useruid(), personRoleId);
    }

    private Optional<Caller> find(String useruid, String personRoleId) {
        return em.createQuery(
                        "select p from RoleProfile p where p.personRoleId = :personRoleId"
                                + " and p.account.nhsidUseruid = :useruid and p.account.enabled = true",
                        RoleProfile.class)
                .setParameter("personRoleId", personRoleId)
                .setParameter("useruid", useruid)
                .getResultStream()
                .findFirst()
                .map(p -> new Caller(
                        p.getAccount().getUsername(), p.getId(), p.getRole().getCode()));
    }
}
