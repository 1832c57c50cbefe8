package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Real access tokens for the FHIR API's tests (FhirApiIT, FhirResourcesIT): the demo realm's
 * {@code openicr-fhir-demo} client, password grant, with the SMART scope. Not cached here: tokens
 * expire, so each test class keeps its own for its own run.
 */
final class FhirTokens {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private FhirTokens() {}

    static String keycloak() {
        return "http://127.0.0.1:" + Integer.getInteger("icr.keycloak.port", 29280) + "/realms/cis2-demo";
    }

    /** A new access token for a demo user. */
    static String fetch(String user, String password) {
        try {
            String form = "grant_type=password&client_id=openicr-fhir-demo&username=" + user + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + "&scope="
                    + URLEncoder.encode("openid nationalrbacaccess user/*.read", StandardCharsets.UTF_8);
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(keycloak() + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r::body);
            return jakarta.json.Json.createReader(new java.io.StringReader(r.body()))
                    .readObject()
                    .getString("access_token");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The first person_roleid of a token's {@code nhsid_nrbac_roles} (read from its claims as the API does). */
    static String firstProfile(String token) {
        String payload = token.split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return jakarta.json.Json.createReader(new java.io.StringReader(json))
                .readObject()
                .getJsonArray("nhsid_nrbac_roles")
                .getJsonObject(0)
                .getString("person_roleid");
    }
}
