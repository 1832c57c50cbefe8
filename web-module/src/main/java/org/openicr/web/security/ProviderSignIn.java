package org.openicr.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openicr.directory.boundary.FederatedSignIn;
import org.openicr.directory.boundary.LocalSignIn;
import org.openicr.directory.boundary.NationalRbacClaims;
import org.openicr.directory.boundary.NationalRbacClaims.TokenIdentity;

/**
 * The two steps of a sign-in through the OpenID provider, run by the application's one
 * authentication mechanism ({@link IcrAuthenticationMechanism}) for their two paths (issue 19,
 * docs/identity.md, section E):
 *
 * <ol>
 *   <li>{@value #START}: a new sign-in (state, nonce, PKCE verifier) kept server-side
 *       ({@link ProviderSessions}), a browser-binding cookie, and the redirect to the provider;
 *   <li>{@value #CALLBACK}: the provider's answer checked and completed ({@link OidcClient}), the
 *       token's identity and role profiles written into the directory ({@link FederatedSignIn}), a new
 *       HTTP session (against fixation) holding the identity as a password sign-in's does, and a
 *       page that moves on to the start page from this site (so the SameSite=Strict session cookie
 *       goes with it).
 * </ol>
 *
 * The session lasts no longer than the provider's: idle {@link #IDLE}, at most {@link #LONGEST}
 * from the provider's authentication, and ended at once by a back-channel logout.
 */
@ApplicationScoped
public class ProviderSignIn {

    static final String START = "/signin/start";
    static final String CALLBACK = "/signin/callback";
    static final String BACKCHANNEL_LOGOUT = "/signin/backchannel-logout";

    /** The session attribute of a sign-in through the provider. */
    static final String SESSION = "org.openicr.providerSignIn";

    /** The session attribute holding a sign-in problem to show on the sign-in page, in plain English. */
    static final String PROBLEM = "org.openicr.signInProblem";

    private static final String BINDING_COOKIE = "openicr_signin";

    /** The demo realm's SSO session idle timeout: the HTTP session's too. */
    static final Duration IDLE = Duration.ofMinutes(30);

    /** The demo realm's SSO session maximum (a shift). */
    static final Duration LONGEST = Duration.ofHours(12);

    private static final Logger LOG = Logger.getLogger(ProviderSignIn.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    OidcClient client;

    @Inject
    ProviderSessions sessions;

    @EJB
    FederatedSignIn federated;

    /**
     * A sign-in through the provider, as its session keeps it: the ID token (the logout's hint),
     * when it ends at the latest, the token's role profiles this region cannot use, the assurance
     * level and the national user id ({@code nhsid_useruid}: a launch in context must be for it).
     */
    public record Signed(String idToken, Instant endsAt, List<String> notUsable, int assuranceLevel, String userUid)
            implements Serializable {

        public Signed {
            notUsable = List.copyOf(notUsable);
        }

        boolean ended(Instant now) {
            return now.isAfter(endsAt);
        }
    }

    /** Whether an anonymous request for a page goes to the provider rather than to the local form. */
    boolean isFirstChoice() {
        return client.enabled() && LocalSignIn.configured() != LocalSignIn.EVERYONE;
    }

    public boolean enabled() {
        return client.enabled();
    }

    AuthenticationStatus start(HttpServletRequest request, HttpMessageContext context) {
        return start(request, context, null);
    }

    /** A sign-in for a launch in context: the launch travels with it and is opened once it completes. */
    AuthenticationStatus start(
            HttpServletRequest request, HttpMessageContext context, LaunchEntry.PendingLaunch launch) {
        HttpServletResponse response = context.getResponse();
        if (!client.enabled()) {
            return context.redirect(request.getContextPath() + IcrAuthenticationMechanism.loginPage());
        }
        try {
            OidcClient.Pending pending = client.begin(URI.create(base(request) + CALLBACK));
            URI authorization = client.authorizationUri(pending);
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String binding = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            sessions.waitFor(pending, binding, launch);
            setBindingCookie(request, response, BINDING_COOKIE, binding, OidcClient.PENDING_FOR);
            return context.redirect(authorization.toString());
        } catch (OidcClient.Refused refused) {
            LOG.log(Level.WARNING, "Sign-in through the identity provider could not start: {0}", refused.getMessage());
            return problem(
                    request,
                    context,
                    "The NHS identity service cannot be reached just now. Try again in a few minutes; if it"
                            + " goes on, tell your local IT service desk.");
        }
    }

    AuthenticationStatus callback(HttpServletRequest request, HttpMessageContext context) {
        if (!client.enabled()) {
            return context.redirect(request.getContextPath() + IcrAuthenticationMechanism.loginPage());
        }
        String query = request.getQueryString();
        URI answer = URI.create(base(request) + CALLBACK + (query == null ? "" : "?" + query));
        String binding = takeBindingCookie(request, context.getResponse(), BINDING_COOKIE);
        OidcClient.SignedIn signedIn;
        LaunchEntry.PendingLaunch launch;
        try {
            ProviderSessions.Waiting waiting =
                    sessions.take(OidcClient.stateOf(answer).getValue(), binding);
            if (waiting == null) {
                throw new OidcClient.Refused("no sign-in under way in this browser for that state");
            }
            launch = waiting.launch();
            signedIn = client.complete(answer, waiting.pending());
        } catch (OidcClient.Refused refused) {
            LOG.log(Level.WARNING, "A sign-in through the identity provider was refused: {0}", refused.getMessage());
            return problem(
                    request,
                    context,
                    "Signing in with your NHS identity did not complete (it may have taken too long, or been"
                            + " started in another window). Try again.");
        }
        Optional<TokenIdentity> identity = NationalRbacClaims.read(signedIn.claims());
        if (identity.isEmpty()) {
            LOG.warning("A sign-in through the identity provider carried no usable nhsid_useruid.");
            return problem(
                    request,
                    context,
                    "Your NHS identity did not say who you are in the national directory. Contact your local"
                            + " IT service desk.");
        }
        FederatedSignIn.Outcome outcome = federated.signIn(identity.get());
        if (!outcome.signedIn()) {
            return problem(request, context, outcome.refusal());
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) IDLE.toSeconds());
        session.setAttribute(
                IcrAuthenticationMechanism.SESSION_IDENTITY,
                new IcrAuthenticationMechanism.SessionIdentity(outcome.username(), Set.copyOf(outcome.groups())));
        session.setAttribute(
                SESSION,
                new Signed(
                        signedIn.idToken(),
                        signedIn.authTime().plus(LONGEST),
                        outcome.notUsable(),
                        outcome.assuranceLevel(),
                        identity.get().useruid()));
        sessions.signedIn(session, signedIn.sid(), signedIn.sub());
        if (launch != null) {
            // Issue 19, item 2: the launch this sign-in was for is opened by the launch page.
            session.setAttribute(LaunchEntry.PENDING, launch);
            return onwards(context, request.getContextPath() + "/launch.xhtml");
        }
        return onwards(context, request.getContextPath() + "/home.xhtml");
    }

    /** A sign-in that did not complete: a new session holds the plain-English reason for the sign-in page. */
    private AuthenticationStatus problem(HttpServletRequest request, HttpMessageContext context, String text) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true).setAttribute(PROBLEM, text);
        return onwards(context, request.getContextPath() + IcrAuthenticationMechanism.loginPage());
    }

    /**
     * A page that moves on to {@code target} at once. Not a redirect: the provider's redirect here
     * came from another site, and a browser does not send a SameSite=Strict cookie along a redirect
     * chain that another site began; a page of this site moving on does.
     */
    private static AuthenticationStatus onwards(HttpMessageContext context, String target) {
        writeOnwards(context.getResponse(), target);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * Writes the page that moves on to {@code target}. Also how "Sign out" reaches the provider: the
     * pages' Content-Security-Policy has {@code form-action 'self'}, which a browser applies to the
     * redirects that follow a form's post, so the sign-out form's answer cannot redirect to the
     * provider; a page moving on is a navigation of its own.
     */
    static void writeOnwards(HttpServletResponse response, String target) {
        try {
            response.setStatus(200);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            String href = target.replace("&", "&amp;").replace("\"", "&quot;");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            + "<meta http-equiv=\"refresh\" content=\"0;url=" + href + "\">"
                            + "<title>OpenICR</title></head><body><main><h1>One moment</h1>"
                            + "<p><a id=\"continue\" href=\"" + href + "\">Continue</a></p></main></body></html>");
            response.flushBuffer();
        } catch (IOException e) {
            // The browser has gone.
        }
    }

    /**
     * Sets a cookie that binds a step under way to this browser: under {@code /signin/}, HttpOnly and
     * SameSite=Lax (a redirect back from another site carries it; the session cookie is Strict).
     */
    static void setBindingCookie(
            HttpServletRequest request, HttpServletResponse response, String name, String value, Duration lasts) {
        response.addHeader(
                "Set-Cookie",
                name + "=" + value + "; Path=" + request.getContextPath() + "/signin/; Max-Age=" + lasts.toSeconds()
                        + "; HttpOnly; SameSite=Lax" + (request.isSecure() ? "; Secure" : ""));
    }

    /** The binding cookie's value (null without one), and the cookie cleared: it is used once. */
    static String takeBindingCookie(HttpServletRequest request, HttpServletResponse response, String name) {
        String value = null;
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (name.equals(cookie.getName())) {
                    value = cookie.getValue();
                }
            }
        }
        response.addHeader(
                "Set-Cookie",
                name + "=; Path=" + request.getContextPath() + "/signin/; Max-Age=0; HttpOnly; SameSite=Lax");
        return value;
    }

    /** This application's address as the browser used it: scheme, host, port and context path. */
    static String base(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        String full = url.toString();
        int path = full.indexOf('/', full.indexOf("://") + 3);
        return (path < 0 ? full : full.substring(0, path)) + request.getContextPath();
    }
}
