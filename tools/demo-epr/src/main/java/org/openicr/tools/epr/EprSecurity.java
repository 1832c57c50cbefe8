package org.openicr.tools.epr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Staff sign in to the demo EPR through the OpenID provider with Jakarta Security's own OpenID
 * Connect mechanism (the container's, Payara 6: authorization code flow, ID token verified against
 * the provider's keys). Signed in here, they are signed in at the provider too, so the record this
 * EPR launches signs them in without asking again.
 */
@ApplicationScoped
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${eprSettings.issuer}",
        clientId = "${eprSettings.clientId}",
        clientSecret = "${eprSettings.clientSecret}",
        redirectURI = "${baseURL}/callback",
        redirectToOriginalResource = true,
        scope = {"openid", "profile", "nhsperson", "nationalrbacaccess"},
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username"))
public class EprSecurity {}
