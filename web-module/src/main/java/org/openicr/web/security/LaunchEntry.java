package org.openicr.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openicr.directory.boundary.LaunchingSystemRow;
import org.openicr.directory.boundary.LaunchingSystems;

/**
 * Launch in context (issue 19, item 2; docs/identity.md, section J): SMART App Launch's EHR launch,
 * with OpenICR as the launched application. The clinician's own system sends the browser to
 * {@value #ARRIVE}{@code ?iss=<its iss>&launch=<a token it signed>}:
 *
 * <ol>
 *   <li>{@value #ARRIVE}: the launching system looked up by {@code iss} (registered, active), the
 *       token verified against its published keys (Nimbus: signature, then {@link LaunchClaims}:
 *       audience, lifetime, the user, the NHS Number, the asserted relationship), its {@code jti}
 *       used once; the verified launch kept server-side under a random handle with a browser-binding
 *       cookie, and a page that moves on to {@value #RESUME}. Not a redirect: the arrival came from
 *       another site, and the session cookie (SameSite=Strict) goes only with a navigation begun
 *       here.
 *   <li>{@value #RESUME}: with the session cookie now sent, a signed-in person goes straight to the
 *       launch page ({@code /launch.xhtml}, which opens the record); anyone else signs in through
 *       the provider first, the launch travelling with the sign-in under way ({@link
 *       ProviderSessions}) to the new session the callback makes.
 * </ol>
 *
 * A refused launch (unknown or inactive system, bad signature, expired, replayed, malformed) is
 * audited as {@code LAUNCH_REFUSED} and answered with a page in plain English; it never reveals
 * which check failed beyond that.
 */
@ApplicationScoped
public class LaunchEntry {

    static final String ARRIVE = "/launch";
    static final String RESUME = "/signin/launch-resume";

    /** The session attribute holding a launch the launch page is to open. */
    public static final String PENDING = "org.openicr.pendingLaunch";

    /** The session attribute holding why a launch was refused, in plain English, for the launch page. */
    public static final String PROBLEM = "org.openicr.launchProblem";

    private static final String BINDING_COOKIE = "openicr_launch";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<JWSAlgorithm> ALGORITHMS =
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

    /** A verified launch, as the launch page opens it: the system that launched it and what it asked for. */
    public record PendingLaunch(
            long systemId, String systemName, String iss, String systemOdsCode, LaunchClaims.Launch launch)
            implements Serializable {

        /** The launching system and its assertion, as the audit and the declaration keep it. */
        public String assertedBy() {
            return systemName + " (" + iss + ", " + systemOdsCode + "): " + launch.assertion();
        }
    }

    private record Held(PendingLaunch launch, String binding, Instant until) {}

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Map<String, JWKSource<SecurityContext>> keys = new ConcurrentHashMap<>();

    @EJB
    LaunchingSystems systems;

    @Inject
    ProviderSignIn providerSignIn;

    AuthenticationStatus arrive(HttpServletRequest request, HttpMessageContext context) {
        String iss = request.getParameter("iss");
        String token = request.getParameter("launch");
        PendingLaunch launch;
        try {
            launch = verify(iss, token, ProviderSignIn.base(request), Instant.now());
        } catch (LaunchClaims.Refused refused) {
            systems.refused(iss, request.getRemoteAddr(), refused.getMessage());
            // Onwards to this site before the session is touched: the arrival came from another site,
            // so the session cookie was not sent, and a new session here would replace the person's.
            ProviderSignIn.writeOnwards(context.getResponse(), request.getContextPath() + RESUME + "?refused=true");
            return AuthenticationStatus.SEND_CONTINUE;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        RANDOM.nextBytes(random);
        String binding = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now();
        held.values().removeIf(h -> h.until().isBefore(now));
        held.put(handle, new Held(launch, binding, launch.launch().expiresAt().plus(LaunchClaims.SKEW)));
        ProviderSignIn.setBindingCookie(
                request, context.getResponse(), BINDING_COOKIE, binding, LaunchClaims.LONGEST.plus(LaunchClaims.SKEW));
        ProviderSignIn.writeOnwards(context.getResponse(), request.getContextPath() + RESUME + "?handle=" + handle);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    AuthenticationStatus resume(HttpServletRequest request, HttpMessageContext context) {
        String binding = ProviderSignIn.takeBindingCookie(request, context.getResponse(), BINDING_COOKIE);
        if (request.getParameter("refused") != null) {
            // refused (and audited) on arrival
            return refuse(
                    request,
                    context,
                    "The shared care record could not be opened from your system: the link it sent was not"
                            + " valid, had expired or had been used already. Open the shared record again from"
                            + " your system; if it goes on, tell your local IT service desk.");
        }
        String handle = request.getParameter("handle");
        Held h = handle == null ? null : held.remove(handle);
        if (h == null
                || binding == null
                || h.until().isBefore(Instant.now())
                || !MessageDigest.isEqual(
                        h.binding().getBytes(StandardCharsets.US_ASCII), binding.getBytes(StandardCharsets.US_ASCII))) {
            systems.refused(
                    h == null ? null : h.launch().iss(),
                    request.getRemoteAddr(),
                    "no launch under way in this browser for that handle");
            return refuse(
                    request,
                    context,
                    "The shared care record could not be opened from your system: the link was opened in"
                            + " another browser or too late. Open the shared record again from your system.");
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(IcrAuthenticationMechanism.SESSION_IDENTITY) != null) {
            session.setAttribute(PENDING, h.launch());
            return context.redirect(request.getContextPath() + "/launch.xhtml");
        }
        return providerSignIn.start(request, context, h.launch());
    }

    /** The launching system by {@code iss}, the token verified against its keys, the claims checked, the token used once. */
    PendingLaunch verify(String iss, String token, String audience, Instant now) throws LaunchClaims.Refused {
        if (iss == null || token == null || token.isBlank() || token.length() > 8_000) {
            throw new LaunchClaims.Refused("the launch has no iss or no launch token");
        }
        LaunchingSystemRow system = systems.byIss(iss)
                .orElseThrow(() -> new LaunchClaims.Refused("no launching system is registered as iss"));
        if (!system.active()) {
            throw new LaunchClaims.Refused("the launching system is not active");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keysOf(system)));
        // The claims are LaunchClaims' to check (its table test); Nimbus checks the signature only.
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException notVerified) {
            throw new LaunchClaims.Refused("the launch token's signature could not be verified ("
                    + notVerified.getClass().getSimpleName() + ")");
        }
        LaunchClaims.Launch launch = LaunchClaims.check(claims, system.iss(), audience, now);
        if (!systems.firstUse(system.id(), launch.jti(), launch.expiresAt())) {
            throw new LaunchClaims.Refused("the launch token was used already (jti)");
        }
        return new PendingLaunch(system.id(), system.name(), system.iss(), system.odsCode(), launch);
    }

    private JWKSource<SecurityContext> keysOf(LaunchingSystemRow system) throws LaunchClaims.Refused {
        try {
            java.net.URL url = new URI(system.jwksUri()).toURL();
            // Cached, refreshed on an unknown key id, rate-limited: Nimbus's defaults.
            return keys.computeIfAbsent(
                    system.jwksUri(), u -> JWKSourceBuilder.create(url).build());
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException badAddress) {
            throw new LaunchClaims.Refused("the launching system's jwks_uri is not a URL");
        }
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpMessageContext context, String text) {
        HttpSession session = request.getSession(true);
        if (session.getAttribute(IcrAuthenticationMechanism.SESSION_IDENTITY) != null) {
            session.setAttribute(PROBLEM, text);
            ProviderSignIn.writeOnwards(context.getResponse(), request.getContextPath() + "/launch.xhtml");
        } else {
            session.setAttribute(ProviderSignIn.PROBLEM, text);
            ProviderSignIn.writeOnwards(
                    context.getResponse(), request.getContextPath() + IcrAuthenticationMechanism.loginPage());
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
