package org.openicr.web.fhir;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URL;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.openicr.directory.boundary.ApiCallers;
import org.openicr.directory.boundary.NationalRbacClaims;
import org.openicr.directory.boundary.NationalRbacClaims.TokenIdentity;
import org.openicr.directory.boundary.OidcSettings;

/**
 * The FHIR API's caller (issue 20, docs/fhir.md, "Who calls it"): an OAuth 2.0 access token from the
 * identity provider, validated by Nimbus (never by hand): RS256 signature against the provider's
 * published keys (JWKS, from its discovery document), the issuer, the API's audience
 * ({@value #DEFAULT_AUDIENCE} unless {@code OPENICR_FHIR_AUDIENCE} names another), the expiry (30 s
 * clock skew) and the SMART scope {@value #SCOPE}; then the role profile the call acts in, the NHS
 * API convention's {@code NHSD-Session-URID}, which must be one of the token's {@code nhsid_nrbac_roles}.
 */
@ApplicationScoped
public class BearerTokens {

    /** The SMART scope that lets a user's token read through the API. */
    public static final String SCOPE = "user/*.read";

    public static final String DEFAULT_AUDIENCE = "openicr-fhir";

    /** The header naming the role profile (its national person_roleid), as NHS APIs name it. */
    public static final String ROLE_HEADER = "NHSD-Session-URID";

    private static final int TIMEOUT_MS = 10_000;

    private final String issuer = System.getenv(OidcSettings.ISSUER);
    private final String audience =
            Optional.ofNullable(System.getenv("OPENICR_FHIR_AUDIENCE")).orElse(DEFAULT_AUDIENCE);

    private volatile ConfigurableJWTProcessor<SecurityContext> processor;

    @EJB
    ApiCallers callers;

    /** A refused call: the HTTP status (401 or 403) and the reason, in plain English (no token, no claim value). */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String reason) {
            super(reason);
            this.status = status;
        }

        Refused(int status, String reason, Throwable cause) {
            super(reason, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Whether the API can accept tokens at all: an identity provider is configured. */
    public boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }

    /**
     * The caller of a token and the role profile the request names.
     *
     * @throws Refused 401 for a token that is missing, malformed, not the provider's, expired, for
     *     another audience or without the scope; 403 for a role profile that is not the token's or
     *     that this region cannot use
     */
    public ApiCallers.Caller caller(String authorization, String personRoleId) throws Refused {
        if (!enabled()) {
            throw new Refused(401, "The FHIR API needs the identity provider, which is not configured.");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Refused(401, "An access token is needed (Authorization: Bearer).");
        }
        JWTClaimsSet claims;
        try {
            claims = processor().process(authorization.substring(7).strip(), null);
        } catch (Refused refused) {
            throw refused;
        } catch (Exception invalid) {
            throw new Refused(401, "The access token is not valid (signature, issuer, audience or expiry).", invalid);
        }
        String scope = (String) claims.getClaim("scope");
        if (scope == null || !Arrays.asList(scope.split(" ")).contains(SCOPE)) {
            throw new Refused(401, "The access token does not carry the scope " + SCOPE + ".");
        }
        Optional<TokenIdentity> identity = NationalRbacClaims.read(claims.getClaims());
        if (identity.isEmpty()) {
            throw new Refused(401, "The access token does not say who the user is (nhsid_useruid).");
        }
        if (personRoleId == null || personRoleId.isBlank()) {
            throw new Refused(403, "Name the role profile the request acts in (header " + ROLE_HEADER + ").");
        }
        String wanted = personRoleId.strip();
        if (identity.get().profiles().stream().noneMatch(p -> p.personRoleId().equals(wanted))) {
            throw new Refused(403, "The role profile in " + ROLE_HEADER + " is not one of the access token's.");
        }
        return callers.of(identity.get(), wanted)
                .orElseThrow(() -> new Refused(403, "That role profile cannot be used in this shared care record."));
    }

    private ConfigurableJWTProcessor<SecurityContext> processor() throws Refused {
        ConfigurableJWTProcessor<SecurityContext> known = processor;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (processor == null) {
                try {
                    OIDCProviderMetadata metadata =
                            OIDCProviderMetadata.resolve(new Issuer(issuer), TIMEOUT_MS, TIMEOUT_MS);
                    URL jwks = metadata.getJWKSetURI().toURL();
                    JWKSource<SecurityContext> keys =
                            JWKSourceBuilder.create(jwks).retrying(true).build();
                    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
                    p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
                    p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
                    DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(
                            audience,
                            new JWTClaimsSet.Builder()
                                    .issuer(metadata.getIssuer().getValue())
                                    .build(),
                            Set.of("sub", "exp", "iat", "scope"));
                    verifier.setMaxClockSkew(30);
                    p.setJWTClaimsSetVerifier(verifier);
                    processor = p;
                } catch (Exception e) {
                    throw new Refused(401, "The identity provider cannot be reached to check the token.", e);
                }
            }
            return processor;
        }
    }
}
