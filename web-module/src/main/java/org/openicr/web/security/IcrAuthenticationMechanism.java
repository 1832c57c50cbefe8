package org.openicr.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.openicr.directory.boundary.AuthenticationOutcome;
import org.openicr.directory.boundary.SignInChannel;
import org.openicr.web.fhir.FhirAuthentication;
import org.openicr.web.session.ActiveProfile;

/**
 * The application's one authentication mechanism (Jakarta Security allows one per application).
 *
 * <ul>
 *   <li>{@code /ws/*}: HTTP Basic on every call, for source systems' accounts only. No session is
 *       ever created for them; a missing or wrong credential, or a person's, gets 401 with a Basic
 *       challenge; a caller who failed too often gets 429 with Retry-After, unchecked.
 *   <li>{@code /fhir/*}: an OAuth 2.0 bearer access token on every call ({@link FhirAuthentication},
 *       issue 20), no session; the CapabilityStatement is public.
 *   <li>{@code /signin/start} and {@code /signin/callback}: the OpenID Connect authorization code
 *       flow through the provider ({@link ProviderSignIn}, issue 19), for people.
 *   <li>Everything else: form sign-in, for people only (local administrators only once a provider
 *       is configured, as {@code LocalSignIn} says). The login page calls {@code SecurityContext.authenticate}
 *       with the credential; on success the identity is kept in the HTTP session (which the sign-in
 *       renews, against session fixation) and re-established on each request, in the groups of
 *       the chosen role profile once one is chosen ({@link ChosenProfileGroups}); an anonymous request
 *       for a protected page is redirected to the login page.
 * </ul>
 */
@ApplicationScoped
public class IcrAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_IDENTITY = "org.openicr.identity";
    private static final String LOGIN_PAGE = "/login.xhtml";

    /** Set on a sign-in page's request when the attempt was delayed: the seconds to wait. */
    static final String RETRY_AFTER = "org.openicr.signin.retryAfter";

    /** Set on a sign-in page's request when the right password was given for an account that must use the provider. */
    static final String PROVIDER_ONLY = "org.openicr.signin.providerOnly";

    @Inject
    DirectoryIdentityStore identityStore;

    @Inject
    ProviderSignIn providerSignIn;

    @Inject
    LaunchEntry launchEntry;

    @Inject
    FhirAuthentication fhir;

    private final Set<String> trustedProxies = ClientAddress.trusted(System.getenv(ClientAddress.TRUSTED_PROXIES));

    /** What the session remembers of a signed-in person: their name and RBAC groups. */
    record SessionIdentity(String username, Set<String> groups) implements Serializable {}

    static String loginPage() {
        return LOGIN_PAGE;
    }

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        SecurityHeaders.apply(request, response); // issue 16: also on redirects and challenges made here
        if (isWebService(request)) {
            return basic(request, context);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (FhirAuthentication.isFhir(path)) {
            // Issue 20: a bearer access token on every call, no session (docs/fhir.md).
            return fhir.validate(request, context, clientAddress(request));
        }
        if (ProviderSignIn.START.equals(path)) {
            return providerSignIn.start(request, context);
        }
        if (ProviderSignIn.CALLBACK.equals(path)) {
            return providerSignIn.callback(request, context);
        }
        if (LaunchEntry.ARRIVE.equals(path)) {
            return launchEntry.arrive(request, context);
        }
        if (LaunchEntry.RESUME.equals(path)) {
            return launchEntry.resume(request, context);
        }
        return form(request, context);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.isProtected() ? challenge(context) : context.doNothing();
        }
        UsernamePasswordCredential credential = decodeBasic(header.substring(6).trim());
        if (credential == null) {
            return challenge(context);
        }
        AuthenticationOutcome outcome =
                identityStore.check(credential, clientAddress(request), SignInChannel.WEB_SERVICE);
        if (outcome.isDelayed()) {
            return tooManyAttempts(context.getResponse(), outcome.retryAfterSeconds());
        }
        if (!outcome.isValid()) {
            return challenge(context);
        }
        return context.notifyContainerAboutLogin(outcome.username(), outcome.groups());
    }

    private AuthenticationStatus form(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            if (!(credential instanceof UsernamePasswordCredential usernamePassword)) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            AuthenticationOutcome outcome =
                    identityStore.check(usernamePassword, clientAddress(request), SignInChannel.PAGE);
            if (outcome.isDelayed()) {
                request.setAttribute(RETRY_AFTER, outcome.retryAfterSeconds());
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (outcome.isProviderOnly()) {
                request.setAttribute(PROVIDER_ONLY, Boolean.TRUE);
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (!outcome.isValid()) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            HttpSession old = request.getSession(false);
            if (old != null) {
                old.invalidate();
            }
            String name = outcome.username();
            request.getSession(true)
                    .setAttribute(SESSION_IDENTITY, new SessionIdentity(name, Set.copyOf(outcome.groups())));
            return context.notifyContainerAboutLogin(name, outcome.groups());
        }
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(ProviderSignIn.SESSION) instanceof ProviderSignIn.Signed signed
                && signed.ended(java.time.Instant.now())) {
            // The provider's session could not outlast this: the sign-in is over (issue 19, item 1).
            session.invalidate();
            return context.isProtected()
                    ? context.redirect(request.getContextPath() + LOGIN_PAGE + "?expired=true")
                    : context.doNothing();
        }
        if (session != null && session.getAttribute(SESSION_IDENTITY) instanceof SessionIdentity identity) {
            // the chosen role profile's group only, once one is chosen (issue 16: pages by the chosen profile)
            return context.notifyContainerAboutLogin(
                    identity.username(),
                    ChosenProfileGroups.of(identity.groups(), session.getAttribute(ActiveProfile.CHOSEN_GROUP)));
        }
        if (context.isProtected()) {
            // Through the provider straight away, unless the local form is for everyone (issue 19:
            // docs/identity.md, section F); local administrators open the sign-in page themselves.
            return context.redirect(
                    request.getContextPath() + (providerSignIn.isFirstChoice() ? ProviderSignIn.START : LOGIN_PAGE));
        }
        return context.doNothing();
    }

    private String clientAddress(HttpServletRequest request) {
        return ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
    }

    /**
     * 429 with Retry-After, answered at once without the password being checked: the caller failed
     * too often (issue 16, item 7). The answer is complete here; nothing else is written to it.
     */
    private static AuthenticationStatus tooManyAttempts(HttpServletResponse response, long retryAfterSeconds) {
        try {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                    .write("Too many failed sign-in attempts: try again in " + retryAfterSeconds + " seconds.\n");
            response.flushBuffer();
        } catch (IOException e) {
            // The caller has gone; nothing to answer.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus challenge(HttpMessageContext context) {
        context.getResponse().setHeader("WWW-Authenticate", "Basic realm=\"OpenICR\", charset=\"UTF-8\"");
        return context.responseUnauthorized();
    }

    private static UsernamePasswordCredential decodeBasic(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0
                    ? null
                    : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    static boolean isWebService(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/ws/");
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_IDENTITY);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
