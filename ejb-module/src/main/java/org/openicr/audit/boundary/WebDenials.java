package org.openicr.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.OptionalLong;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.control.DenialThrottle;
import org.openicr.audit.control.ProfileActors;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.vocabulary.IcrException;

/**
 * Refusals made by the web layer, before any boundary is reached: a page outside the caller's role
 * (the 403 page), a state-changing post from another origin. Each is audited as
 * {@link AuditAction#ACCESS_DENIED} / DENIED in a transaction of its own, with what was asked for and
 * the account the container authenticated (never a name the caller sends), throttled per caller
 * ({@link DenialThrottle}) so that a loop cannot flood the trail: the rows not written are counted
 * into the next one.
 */
@Stateless
@PermitAll
public class WebDenials {

    static final DenialThrottle THROTTLE = new DenialThrottle();

    @Resource
    SessionContext session;

    @Inject
    ProfileActors profileActors;

    @EJB
    AuditTrail audit;

    /**
     * Audits a refusal of {@code what} (a path and method, or a cross-origin post; never patient data)
     * for the caller in role profile {@code roleProfileId} (null when none is chosen or the caller is
     * not signed in); {@code client} tells callers apart who are not signed in.
     * Answers whether a row was written (false when only counted).
     */
    public boolean refused(String what, Long roleProfileId, String client) {
        String username = session.getCallerPrincipal().getName();
        boolean signedIn = !"ANONYMOUS".equalsIgnoreCase(username);
        String caller = signedIn ? username : "anonymous";
        OptionalLong admitted = THROTTLE.admit(signedIn ? "user:" + username : "client:" + client, Instant.now());
        if (admitted.isEmpty()) {
            return false;
        }
        Actor actor = Actor.account(caller);
        if (signedIn && roleProfileId != null) {
            try {
                actor = profileActors.actor(session.getCallerPrincipal(), roleProfileId);
            } catch (IcrException notUsable) {
                // the account alone
            }
        }
        String detail = truncate(what) + (signedIn ? "" : " (not signed in, from " + truncate(client) + ")");
        if (admitted.getAsLong() > 0) {
            detail += "; " + admitted.getAsLong() + " more refusal(s) of this caller counted, not written, in the"
                    + " minute before";
        }
        audit.recordIndependently(new AuditEvent(AuditAction.ACCESS_DENIED, AuditOutcome.DENIED, actor, null, detail));
        return true;
    }

    private static String truncate(String text) {
        String safe = String.valueOf(text).replaceAll("[\\p{Cntrl}]", "?");
        return safe.length() > 300 ? safe.substring(0, 300) + "..." : safe;
    }
}
