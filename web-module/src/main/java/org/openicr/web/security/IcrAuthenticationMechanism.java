package org.openicr.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The application's one authentication mechanism (Jakarta Security allows one per application).
 *
 * <ul>
 *   <li>{@code /ws/*}: HTTP Basic on every call, for source systems' accounts. No session is ever
 *       created for them; a missing or wrong credential gets 401 with a Basic challenge.
 *   <li>Everything else: form sign-in. The login page calls {@code SecurityContext.authenticate}
 *       with the credential; on success the identity is kept in the HTTP session (which the sign-in
 *       renews, against session fixation) and re-established on each request; an anonymous request
 *       for a protected page is redirected to the login page.
 * </ul>
 */
@ApplicationScoped
public class IcrAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_IDENTITY = "org.openicr.identity";
    private static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    IdentityStoreHandler identityStores;

    /** What the session remembers of a signed-in person: their name and RBAC groups. */
    record SessionIdentity(String username, Set<String> groups) implements Serializable {}

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        SecurityHeaders.apply(request, response); // issue 16: also on redirects and challenges made here
        if (isWebService(request)) {
            return basic(request, context);
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
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return challenge(context);
        }
        return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
    }

    private AuthenticationStatus form(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            HttpSession old = request.getSession(false);
            if (old != null) {
                old.invalidate();
            }
            String name = result.getCallerPrincipal().getName();
            request.getSession(true)
                    .setAttribute(SESSION_IDENTITY, new SessionIdentity(name, Set.copyOf(result.getCallerGroups())));
            return context.notifyContainerAboutLogin(name, result.getCallerGroups());
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_IDENTITY) instanceof SessionIdentity identity) {
            return context.notifyContainerAboutLogin(identity.username(), identity.groups());
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
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
