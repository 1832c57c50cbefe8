package org.openicr.web.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openicr.directory.boundary.OidcSettings;

/**
 * OpenICR as an OpenID Connect relying party (issue 19; docs/identity.md, section E), with the Nimbus
 * OAuth 2.0 / OpenID Connect SDK doing every protocol step: discovery, the authorization request
 * (code flow with state, nonce and PKCE S256), the token request with the client secret, the ID
 * token's validation ({@link IDTokenValidator}: RS256 signature against the provider's published
 * keys, issuer, audience, expiry, nonce), userinfo, the RP-initiated logout request and the
 * back-channel logout token's validation ({@link LogoutTokenValidator}). Nothing here checks a
 * JWT by hand.
 *
 * <p>Settings from the server's environment ({@link OidcSettings}): the issuer, client id and
 * secret. Without an issuer the provider is off and only the local form exists. The provider's
 * metadata is read at the first sign-in (so the server starts whether or not the provider is up)
 * and kept.
 */
@ApplicationScoped
public class OidcClient {

    /** What CIS2 asks for: the person, and their national RBAC role profiles. */
    static final Scope SCOPE = new Scope("openid", "profile", "nhsperson", "nationalrbacaccess");

    private static final int TIMEOUT_MS = 10_000;

    private final String issuer = System.getenv(OidcSettings.ISSUER);
    private final String clientId =
            Optional.ofNullable(System.getenv(OidcSettings.CLIENT_ID)).orElse("openicr");
    private final String clientSecret = System.getenv(OidcSettings.CLIENT_SECRET);

    private volatile Provider provider;

    /** The provider's metadata and the validators made from it. */
    private record Provider(
            OIDCProviderMetadata metadata, IDTokenValidator idTokens, LogoutTokenValidator logoutTokens) {}

    /** A sign-in under way: what the answer must match, kept server-side until the provider answers. */
    record Pending(State state, Nonce nonce, CodeVerifier verifier, URI redirectUri, Instant started)
            implements Serializable {}

    /** A completed sign-in: the merged claims, the ID token (for the logout hint), and the session's ids. */
    record SignedIn(Map<String, Object> claims, String idToken, String sid, String sub, Instant authTime) {}

    /** A refused answer, with a reason fit for the log (never a token, never a claim's value). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }

        Refused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    public boolean enabled() {
        return issuer != null && !issuer.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    private Provider provider() throws Refused {
        Provider known = provider;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (provider == null) {
                try {
                    Issuer iss = new Issuer(issuer);
                    OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(iss, TIMEOUT_MS, TIMEOUT_MS);
                    URL jwks = metadata.getJWKSetURI().toURL();
                    ClientID client = new ClientID(clientId);
                    IDTokenValidator idTokens = new IDTokenValidator(iss, client, JWSAlgorithm.RS256, jwks);
                    idTokens.setMaxClockSkew(30);
                    LogoutTokenValidator logoutTokens = new LogoutTokenValidator(
                            iss,
                            client,
                            JWSAlgorithm.RS256,
                            jwks,
                            new com.nimbusds.jose.util.DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS));
                    provider = new Provider(metadata, idTokens, logoutTokens);
                } catch (Exception e) {
                    throw new Refused("the identity provider's discovery document could not be read", e);
                }
            }
            return provider;
        }
    }

    /** The authorization request for a new sign-in, and what its answer must match. */
    Pending begin(URI redirectUri) {
        return new Pending(new State(), new Nonce(), new CodeVerifier(), redirectUri, Instant.now());
    }

    URI authorizationUri(Pending pending) throws Refused {
        return new AuthenticationRequest.Builder(
                        new ResponseType(ResponseType.Value.CODE), SCOPE, new ClientID(clientId), pending.redirectUri())
                .endpointURI(provider().metadata().getAuthorizationEndpointURI())
                .state(pending.state())
                .nonce(pending.nonce())
                .codeChallenge(pending.verifier(), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /**
     * The provider's answer at the redirect URI: the state it carries (to find the sign-in under way),
     * or a refusal.
     */
    static State stateOf(URI callback) throws Refused {
        try {
            return AuthenticationResponseParser.parse(callback).getState();
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new Refused("the identity provider's answer could not be read", e);
        }
    }

    /**
     * Completes a sign-in: the answer's state and issuer, the code for tokens (with the PKCE
     * verifier and the client secret), the ID token validated, userinfo read with the access token
     * and merged over the ID token's claims (userinfo's subject must be the ID token's).
     */
    SignedIn complete(URI callback, Pending pending) throws Refused {
        Provider p = provider();
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callback);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new Refused("the identity provider's answer could not be read", e);
        }
        if (!pending.state().equals(response.getState())) {
            throw new Refused("the answer's state is not the sign-in's");
        }
        if (response instanceof AuthenticationErrorResponse error) {
            ErrorObject object = error.getErrorObject();
            throw new Refused("the identity provider answered " + object.getCode());
        }
        AuthenticationSuccessResponse success = (AuthenticationSuccessResponse) response;
        if (success.getIssuer() != null
                && !success.getIssuer().equals(p.metadata().getIssuer())) {
            throw new Refused("the answer names another issuer (mix-up)");
        }
        AuthorizationCode code = success.getAuthorizationCode();
        if (code == null) {
            throw new Refused("the answer carries no code");
        }
        try {
            TokenRequest request = new TokenRequest(
                    p.metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(new ClientID(clientId), new Secret(clientSecret)),
                    new AuthorizationCodeGrant(code, pending.redirectUri(), pending.verifier()));
            HTTPResponse http = send(request.toHTTPRequest());
            TokenResponse tokens = OIDCTokenResponseParser.parse(http);
            if (!tokens.indicatesSuccess()) {
                throw new Refused("the token endpoint answered "
                        + tokens.toErrorResponse().getErrorObject().getCode());
            }
            OIDCTokenResponse oidc = (OIDCTokenResponse) tokens.toSuccessResponse();
            JWT idToken = oidc.getOIDCTokens().getIDToken();
            IDTokenClaimsSet claims = p.idTokens().validate(idToken, pending.nonce());
            Map<String, Object> merged = new HashMap<>(claims.toJWTClaimsSet().getClaims());
            BearerAccessToken access = oidc.getOIDCTokens().getBearerAccessToken();
            if (p.metadata().getUserInfoEndpointURI() != null && access != null) {
                UserInfoResponse info = UserInfoResponse.parse(
                        send(new UserInfoRequest(p.metadata().getUserInfoEndpointURI(), access).toHTTPRequest()));
                if (!info.indicatesSuccess()) {
                    throw new Refused("userinfo answered "
                            + info.toErrorResponse().getErrorObject().getCode());
                }
                UserInfoSuccessResponse user = info.toSuccessResponse();
                if (!claims.getSubject().equals(user.getUserInfo().getSubject())) {
                    throw new Refused("userinfo names another subject");
                }
                merged.putAll(user.getUserInfo().toJSONObject());
            }
            Object sid = claims.getClaim("sid");
            Date authTime = claims.getAuthenticationTime();
            return new SignedIn(
                    Map.copyOf(withoutNulls(merged)),
                    idToken.getParsedString(),
                    sid instanceof String s ? s : null,
                    claims.getSubject().getValue(),
                    authTime == null ? Instant.now() : authTime.toInstant());
        } catch (Refused refused) {
            throw refused;
        } catch (com.nimbusds.oauth2.sdk.ParseException | IOException e) {
            throw new Refused("the token or userinfo answer could not be read", e);
        } catch (com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new Refused("the ID token is not valid: " + e.getClass().getSimpleName(), e);
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> claims) {
        claims.values().removeIf(java.util.Objects::isNull);
        return claims;
    }

    private static HTTPResponse send(com.nimbusds.oauth2.sdk.http.HTTPRequest request) throws IOException {
        request.setConnectTimeout(TIMEOUT_MS);
        request.setReadTimeout(TIMEOUT_MS);
        return request.send();
    }

    /**
     * Where "Sign out" sends the browser to end the provider's session too (RP-initiated logout):
     * the {@code end_session_endpoint} with {@code id_token_hint} and {@code post_logout_redirect_uri};
     * empty when the provider has none or cannot be read.
     */
    Optional<URI> logoutUri(String idToken, URI postLogoutRedirect) {
        try {
            URI endSession = provider().metadata().getEndSessionEndpointURI();
            if (endSession == null || idToken == null) {
                return Optional.empty();
            }
            return Optional.of(
                    new LogoutRequest(endSession, JWTParser.parse(idToken), postLogoutRedirect, null).toURI());
        } catch (Refused | java.text.ParseException e) {
            return Optional.empty();
        }
    }

    /** A back-channel logout token, validated (signature, issuer, audience, events, no nonce): its claims. */
    LogoutTokenClaimsSet logoutToken(String token) throws Refused {
        try {
            return provider().logoutTokens().validate(JWTParser.parse(token));
        } catch (java.text.ParseException
                | com.nimbusds.jose.JOSEException
                | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new Refused("the logout token is not valid: " + e.getClass().getSimpleName(), e);
        }
    }

    /** How long a sign-in may stay under way (the login page open at the provider). */
    static final Duration PENDING_FOR = Duration.ofMinutes(10);
}
