package org.openicr.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sign-ins under way and the sessions the provider signed in (issue 19):
 *
 * <ul>
 *   <li>a sign-in under way is kept here, not in the HTTP session, by its {@code state}, with a random
 *       browser binding held in a cookie of its own (SameSite=Lax, so that the provider's redirect
 *       back carries it: the session cookie is SameSite=Strict and a cross-site redirect does not
 *       carry it); it is taken once and lasts {@link OidcClient#PENDING_FOR};
 *   <li>each HTTP session signed in through the provider is known by the provider's session id
 *       ({@code sid}) and subject ({@code sub}), so that a back-channel logout ends it.
 * </ul>
 */
@ApplicationScoped
public class ProviderSessions {

    /** A sign-in under way, and the launch in context it is for, if any (issue 19, item 2). */
    record Waiting(OidcClient.Pending pending, String binding, LaunchEntry.PendingLaunch launch) {}

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Map<String, Set<HttpSession>> bySid = new ConcurrentHashMap<>();
    private final Map<String, Set<HttpSession>> bySub = new ConcurrentHashMap<>();

    void waitFor(OidcClient.Pending pending, String binding, LaunchEntry.PendingLaunch launch) {
        Instant now = Instant.now();
        waiting.values()
                .removeIf(
                        w -> w.pending().started().plus(OidcClient.PENDING_FOR).isBefore(now));
        waiting.put(pending.state().getValue(), new Waiting(pending, binding, launch));
    }

    /** The sign-in under way with this state, taken (once), if this browser started it and it is recent. */
    Waiting take(String state, String binding) {
        if (state == null) {
            return null;
        }
        Waiting w = waiting.remove(state);
        if (w == null
                || binding == null
                || !java.security.MessageDigest.isEqual(
                        w.binding().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        binding.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return null;
        }
        return w.pending().started().plus(OidcClient.PENDING_FOR).isBefore(Instant.now()) ? null : w;
    }

    void signedIn(HttpSession session, String sid, String sub) {
        if (sid != null) {
            bySid.computeIfAbsent(sid, k -> ConcurrentHashMap.newKeySet()).add(session);
        }
        if (sub != null) {
            bySub.computeIfAbsent(sub, k -> ConcurrentHashMap.newKeySet()).add(session);
        }
    }

    /** Ends the sessions of this provider session (sid) or, without one, of this subject: whose they were. */
    List<String> end(String sid, String sub) {
        Set<HttpSession> sessions = sid != null ? bySid.remove(sid) : (sub != null ? bySub.remove(sub) : null);
        if (sessions == null) {
            return List.of();
        }
        List<String> ended = new java.util.ArrayList<>();
        for (HttpSession session : List.copyOf(sessions)) {
            try {
                if (session.getAttribute(IcrAuthenticationMechanism.SESSION_IDENTITY)
                        instanceof IcrAuthenticationMechanism.SessionIdentity identity) {
                    ended.add(identity.username());
                }
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // it ended by itself meanwhile
            }
        }
        return ended;
    }

    void forget(HttpSession session) {
        bySid.values().forEach(s -> s.remove(session));
        bySub.values().forEach(s -> s.remove(session));
        bySid.values().removeIf(Set::isEmpty);
        bySub.values().removeIf(Set::isEmpty);
    }

    /** Forgets a session that ended, however it ended. */
    @WebListener
    public static class Ended implements HttpSessionListener {

        @jakarta.inject.Inject
        ProviderSessions sessions;

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            sessions.forget(event.getSession());
        }
    }
}
