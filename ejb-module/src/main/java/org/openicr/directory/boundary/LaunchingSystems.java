package org.openicr.directory.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.directory.control.Directory;
import org.openicr.directory.control.LaunchingSystemStore;
import org.openicr.directory.control.RefusalTally;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * The clinicians' own systems a region trusts to open records in context (issue 19, item 2; db/V26;
 * docs/identity.md, section J): each registered by its {@code iss} and the address of its published
 * keys. A launch names its system by {@code iss}; its token is verified against that system's keys
 * (in the web layer, with Nimbus), and its token id is used once ({@link #firstUse}).
 *
 * <p>{@link #byIss}, {@link #firstUse} and {@link #refused} run before anyone is signed in (a launch
 * arrives first, the sign-in follows), so they are open to all callers: they reveal only whether an
 * address is registered, which the launching system's own link already says.
 */
@Stateless
public class LaunchingSystems {

    @Inject
    LaunchingSystemStore store;

    @EJB
    AuditTrail audit;

    @Inject
    RefusalTally tally;

    @Inject
    Directory directory;

    @Resource
    SessionContext session;

    @PermitAll
    public Optional<LaunchingSystemRow> byIss(String iss) {
        if (iss == null || iss.isBlank() || iss.length() > 500) {
            return Optional.empty();
        }
        return store.byIss(iss).map(LaunchingSystemRow::of);
    }

    /**
     * Records that the launch token {@code jti} of this system has been used; false when it had been
     * already (a replay). Used tokens are kept until they would have expired, then pruned here.
     */
    @PermitAll
    public boolean firstUse(long systemId, String jti, Instant expiresAt) {
        return store.use(systemId, jti, expiresAt);
    }

    /**
     * A launch refused before anyone signed in (unknown system, bad signature, expired, replayed):
     * audited as {@code LAUNCH_REFUSED}, one row per system and reason a minute with the count it
     * stands for, so a flood of bad links cannot flood the audit. Never names the patient (the
     * token was not trusted).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void refused(String iss, String clientAddress, String why) {
        String system = iss == null ? "(no iss)" : iss.length() > 200 ? iss.substring(0, 200) : iss;
        String from = clientAddress == null ? "unknown address" : clientAddress;
        tally.refused("launch\u0000" + system + '\u0000' + from + '\u0000' + why)
                .ifPresent(count -> audit.recordIndependently(new AuditEvent(
                        AuditAction.LAUNCH_REFUSED,
                        AuditOutcome.DENIED,
                        Actor.account("(launch)"),
                        null,
                        "launch from " + system + " refused: " + why + " (from " + from + "): " + count
                                + (count == 1 ? " launch" : " launches since the last row"))));
    }

    /**
     * Registers a launching system (an administrator, audited as {@code LAUNCHING_SYSTEM_CHANGED}).
     * Its {@code iss} and key address must be https, or http on this machine only (the demo).
     */
    @RolesAllowed(Roles.ADMINISTRATOR)
    public void register(String name, String iss, String jwksUri, String odsCode) {
        String systemName = Directory.required(name, "The name", 200);
        String systemIss = address(iss, "The iss");
        String keys = address(jwksUri, "The address of its published keys");
        String ods = directory.organisation(odsCode).getOdsCode();
        if (byIss(systemIss).isPresent()) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "A launching system with that iss is registered already.");
        }
        store.insert(systemName, systemIss, keys, ods);
        changed("registered " + systemName + " {iss=" + systemIss + ", jwks_uri=" + keys + ", ods=" + ods + "}");
    }

    /** Allows or stops a system's launches (an administrator, audited). */
    @RolesAllowed(Roles.ADMINISTRATOR)
    public void setActive(long id, boolean active) {
        if (!store.activate(id, active)) {
            throw new IcrException(ErrorCode.NOT_FOUND, "No such launching system.");
        }
        changed("launching system " + id + (active ? " allowed to launch" : " stopped from launching"));
    }

    /**
     * An address a launching system is known by: an absolute https URL, or http on this machine
     * (localhost, 127.0.0.1: the demo); at most 500 characters.
     */
    public static String address(String text, String what) {
        String value = Directory.required(text, what, 500);
        java.net.URI uri;
        try {
            uri = new java.net.URI(value);
        } catch (java.net.URISyntaxException notAnAddress) {
            throw new IcrException(ErrorCode.INVALID_INPUT, what + " is not a web address.");
        }
        String host = uri.getHost();
        boolean local = "localhost".equals(host) || "127.0.0.1".equals(host);
        if (host == null
                || uri.getUserInfo() != null
                || uri.getFragment() != null
                || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && local))) {
            throw new IcrException(
                    ErrorCode.INVALID_INPUT,
                    what + " must be an https address (http only on this machine, for the demo).");
        }
        return value;
    }

    private void changed(String what) {
        audit.record(new AuditEvent(
                AuditAction.LAUNCHING_SYSTEM_CHANGED,
                AuditOutcome.SUCCESS,
                Actor.account(session.getCallerPrincipal().getName()),
                null,
                what));
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public List<LaunchingSystemRow> all() {
        return store.all().stream().map(LaunchingSystemRow::of).toList();
    }
}
