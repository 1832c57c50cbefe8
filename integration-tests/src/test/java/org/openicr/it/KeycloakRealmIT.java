package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openicr.tools.demo.DemoRegion;

/**
 * The demo identity provider against the real Keycloak that server-config/keycloak.sh provisions:
 * the authorization code flow with PKCE for each demo user, as a browser and OpenICR would run it
 * (login form, redirect with the code, code for tokens with the client secret), then the ID token's
 * signature (the realm's published key) and its CIS2-shaped claims, and userinfo's.
 *
 * <p>Not part of ./icr test yet (docs/identity.md): run only with {@code -Dicr.keycloak=true}. The
 * test starts Keycloak with the script (its own folder under target/, port {@code icr.keycloak.port})
 * and stops it afterwards unless {@code -Dicr.keycloak.keep=true}.
 */
@EnabledIfSystemProperty(named = "icr.keycloak", matches = "true")
class KeycloakRealmIT {

    private static final String REALM = "cis2-demo";
    private static final String CLIENT = "openicr";

    /** A role profile as the token must carry it: org_code, role_code, role_name, activity codes. */
    record Profile(String org, String role, String roleName, List<String> activities) {}

    record Expected(String password, String given, String family, String aal, String acr, List<Profile> profiles) {}

    private static final String CLINICAL = "Clinical Practitioner Access Role";

    /** Every demo user of the README (same names and passwords), and the authenticator-app locum. */
    private static final Map<String, Expected> USERS = new LinkedHashMap<>();

    static {
        USERS.put(
                "gp.hart",
                new Expected(
                        "Clinician-demo-1",
                        "Amelia",
                        "Hart",
                        "3",
                        "AAL3_ANY",
                        List.of(new Profile("Y90001", "R8000", CLINICAL, List.of("B0083")))));
        USERS.put(
                "nurse.okafor",
                new Expected(
                        "Nurse-demo-1",
                        "Ben",
                        "Okafor",
                        "3",
                        "AAL3_ANY",
                        List.of(new Profile("RX901", "R8001", "Nurse Access Role", List.of()))));
        USERS.put(
                "reception.wu",
                new Expected(
                        "Reception-demo-1",
                        "Chloe",
                        "Wu",
                        "3",
                        "AAL3_ANY",
                        List.of(new Profile("Y90001", "R8009", "Receptionist", List.of()))));
        USERS.put(
                "social.evans",
                new Expected(
                        "Social-demo-1",
                        "Dan",
                        "Evans",
                        "3",
                        "AAL3_ANY",
                        List.of(new Profile("LA901", "R0243", "Social Care Worker", List.of()))));
        USERS.put(
                "privacy.shaw",
                new Expected(
                        "Privacy-demo-1",
                        "Erin",
                        "Shaw",
                        "3",
                        "AAL3_ANY",
                        List.of(new Profile("ICB90", "R0001", "Privacy Officer", List.of("B0015", "B0016")))));
        USERS.put(
                "admin.khan",
                new Expected(
                        "Admin-demo-1",
                        "Faisal",
                        "Khan",
                        "3",
                        "AAL3_ANY",
                        List.of(new Profile("ICB90", "R8015", "Systems Support", List.of()))));
        USERS.put(
                "dr.lee",
                new Expected(
                        "Multirole-demo-1",
                        "Grace",
                        "Lee",
                        "3",
                        "AAL3_ANY",
                        List.of(
                                new Profile("RX901", "R8000", CLINICAL, List.of()),
                                new Profile("RX903", "R8003", "Health Professional Access Role", List.of()))));
        USERS.put(
                "locum.reid",
                new Expected(
                        "Authenticator-demo-1",
                        "Sam",
                        "Reid",
                        "2",
                        "AAL2_ANY",
                        List.of(new Profile("Y90002", "R8000", CLINICAL, List.of()))));
    }

    private static final Pattern LOGIN_FORM =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static JsonObject discovery;

    @BeforeAll
    static void startKeycloak() throws Exception {
        script("start");
        discovery = json(get(HttpClient.newHttpClient(), URI.create(issuer() + "/.well-known/openid-configuration")));
    }

    @AfterAll
    static void stopKeycloak() throws Exception {
        if (!Boolean.getBoolean("icr.keycloak.keep")) {
            script("stop");
        }
    }

    @Test
    void theDiscoveryDocumentNamesThisRealmOnTheLoopback() {
        assertEquals(issuer(), discovery.getString("issuer"));
        assertEquals(issuer() + "/protocol/openid-connect/auth", discovery.getString("authorization_endpoint"));
        assertTrue(discovery.getJsonArray("code_challenge_methods_supported").contains(Json.createValue("S256")));
    }

    /** Every demo user of the product is in the realm, with the demo region's role profiles. */
    @Test
    void theRealmHasTheDemoRegionsUsersAndRoleProfiles() {
        Map<String, Set<String>> demo = new HashMap<>();
        for (DemoRegion.DemoUser user : DemoRegion.USERS) {
            demo.computeIfAbsent(user.username(), u -> new TreeSet<>()).add(user.rbacRole() + "@" + user.ods());
        }
        for (Map.Entry<String, Set<String>> user : demo.entrySet()) {
            Expected expected = USERS.get(user.getKey());
            assertNotNull(expected, user.getKey() + " is a demo user: it must be in the realm");
            Set<String> profiles = expected.profiles().stream()
                    .map(p -> p.role() + "@" + p.org())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(user.getValue(), profiles, user.getKey());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gp.hart",
                "nurse.okafor",
                "reception.wu",
                "social.evans",
                "privacy.shaw",
                "admin.khan",
                "dr.lee",
                "locum.reid"
            })
    void theIdTokenAndUserinfoCarryTheUsersNationalRbacRoleProfilesAndAssurance(String username) throws Exception {
        Expected expected = USERS.get(username);
        SignIn signIn = signIn(username, expected.password(), "openid profile nationalrbacaccess");
        Tokens tokens = signIn.exchange(clientSecret());
        JsonObject id = tokens.verifiedIdTokenClaims();

        assertEquals(issuer(), id.getString("iss"));
        assertEquals(CLIENT, audience(id));
        assertEquals(signIn.nonce, id.getString("nonce"));
        assertEquals(username, id.getString("preferred_username"));
        assertEquals(expected.given(), id.getString("given_name"));
        assertEquals(expected.family(), id.getString("family_name"));
        assertTrue(id.getString("nhsid_useruid").matches("[0-9]{12}"), id.getString("nhsid_useruid"));
        assertEquals(expected.aal(), id.getString("authentication_assurance_level"));
        assertEquals(expected.acr(), id.getString("acr"));
        assertProfiles(expected.profiles(), id.getJsonArray("nhsid_nrbac_roles"));

        JsonObject userinfo = json(send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(discovery.getString("userinfo_endpoint")))
                        .header("Authorization", "Bearer " + tokens.accessToken())
                        .GET()
                        .build(),
                200));
        assertEquals(id.getString("sub"), userinfo.getString("sub"));
        assertEquals(id.getString("nhsid_useruid"), userinfo.getString("nhsid_useruid"));
        assertEquals(expected.aal(), userinfo.getString("authentication_assurance_level"));
        assertProfiles(expected.profiles(), userinfo.getJsonArray("nhsid_nrbac_roles"));
    }

    /** Each person and each role profile has its own identifier, as in the national directory. */
    @Test
    void userAndRoleProfileIdentifiersAreUnique() throws Exception {
        Set<String> users = new HashSet<>();
        Set<String> roleProfiles = new HashSet<>();
        int profiles = 0;
        for (Map.Entry<String, Expected> user : USERS.entrySet()) {
            JsonObject id = signIn(user.getKey(), user.getValue().password(), "openid nationalrbacaccess")
                    .exchange(clientSecret())
                    .verifiedIdTokenClaims();
            assertTrue(users.add(id.getString("nhsid_useruid")), user.getKey());
            for (JsonValue role : id.getJsonArray("nhsid_nrbac_roles")) {
                String roleId = role.asJsonObject().getString("person_roleid");
                assertTrue(roleId.matches("[0-9]{12}"), roleId);
                roleProfiles.add(roleId);
                profiles++;
            }
        }
        assertEquals(profiles, roleProfiles.size());
    }

    /** As in CIS2, the role profiles come only when the client asks for the nationalrbacaccess scope. */
    @Test
    void withoutTheNationalRbacScopeTheTokenHasNoRoleProfiles() throws Exception {
        JsonObject id = signIn("gp.hart", "Clinician-demo-1", "openid profile")
                .exchange(clientSecret())
                .verifiedIdTokenClaims();
        assertFalse(id.containsKey("nhsid_nrbac_roles"));
        assertEquals("555000000011".length(), id.getString("nhsid_useruid").length());
        assertEquals("3", id.getString("authentication_assurance_level"));
    }

    @Test
    void aWrongPasswordGivesNoCode() throws Exception {
        UserAgent browser = new UserAgent();
        HttpResponse<String> login = browser.openLogin(authorizeUri(browser, redirectUri(), "openid"));
        HttpResponse<String> answer = browser.submit(login.body(), "gp.hart", "not-the-password");
        assertEquals(200, answer.statusCode(), "the login page again, not a redirect");
        assertTrue(answer.body().contains("Invalid username or password"), answer.body());
    }

    @Test
    void aRedirectOutsideOpenIcrIsRefused() throws Exception {
        UserAgent browser = new UserAgent();
        URI elsewhere = URI.create("http://127.0.0.1:" + (appPort() + 1) + "/openicr/callback");
        HttpResponse<String> answer = browser.get(authorizeUri(browser, elsewhere, "openid"));
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("Invalid parameter: redirect_uri"), answer.body());
    }

    /** A code taken on its way to OpenICR is useless without the verifier of the request (PKCE). */
    @Test
    void aCodeWithAnotherVerifierGetsNoToken() throws Exception {
        SignIn signIn = signIn("reception.wu", "Reception-demo-1", "openid");
        SignIn stolen = new SignIn(signIn.code(), random(), signIn.nonce());
        HttpResponse<String> answer = stolen.exchangeResponse(clientSecret());
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("invalid_grant"), answer.body());
        assertFalse(answer.body().contains("id_token"));
    }

    @Test
    void aWrongClientSecretGetsNoToken() throws Exception {
        SignIn signIn = signIn("nurse.okafor", "Nurse-demo-1", "openid");
        HttpResponse<String> answer = signIn.exchangeResponse("not-the-secret");
        assertEquals(401, answer.statusCode(), answer.body());
        assertFalse(answer.body().contains("id_token"));
    }

    // ---- the flow ----

    private static void assertProfiles(List<Profile> expected, JsonArray roles) {
        assertNotNull(roles, "nhsid_nrbac_roles");
        List<Profile> actual = new ArrayList<>();
        for (JsonValue value : roles) {
            JsonObject role = value.asJsonObject();
            List<String> activities = role.containsKey("activity_codes")
                    ? role.getJsonArray("activity_codes").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString)
                            .toList()
                    : List.of();
            actual.add(new Profile(
                    role.getString("org_code"), role.getString("role_code"), role.getString("role_name"), activities));
            assertTrue(role.getString("person_roleid").matches("[0-9]{12}"), role.toString());
        }
        assertEquals(expected, actual);
    }

    private static String audience(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        return aud.getValueType() == JsonValue.ValueType.STRING
                ? ((JsonString) aud).getString()
                : aud.asJsonArray().getString(0);
    }

    /**
     * Keycloak's cookies are marked Secure even over HTTP. Chromium and Firefox keep and send them on
     * the loopback (http://127.0.0.1 is a secure context for them); java.net.CookieManager does not,
     * so this user agent keeps them as those browsers do (it only ever talks to Keycloak).
     */
    static final class LoopbackCookies extends CookieHandler {
        private final Map<String, String> jar = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (jar.isEmpty()) {
                return Map.of();
            }
            return Map.of(
                    "Cookie",
                    List.of(jar.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; "))));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
            for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
                if (header.getKey() == null || !header.getKey().equalsIgnoreCase("Set-Cookie")) {
                    continue;
                }
                for (String cookie : header.getValue()) {
                    String pair = cookie.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    String name = pair.substring(0, eq).trim();
                    String value = pair.substring(eq + 1).trim();
                    if (value.isEmpty() || cookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                        jar.remove(name);
                    } else {
                        jar.put(name, value);
                    }
                }
            }
        }
    }

    /** One user agent: cookies kept, redirects not followed (the redirect URI has no server here). */
    static final class UserAgent {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        final String verifier = random();
        final String state = random();
        final String nonce = random();

        HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> openLogin(URI authorize) throws IOException, InterruptedException {
            HttpResponse<String> login = get(authorize);
            assertEquals(200, login.statusCode(), "the login page: " + login.body());
            return login;
        }

        HttpResponse<String> submit(String loginPage, String username, String password)
                throws IOException, InterruptedException {
            Matcher form = LOGIN_FORM.matcher(loginPage);
            assertTrue(form.find(), "a login form: " + loginPage);
            Matcher action = ACTION.matcher(form.group());
            assertTrue(action.find(), form.group());
            URI target = URI.create(action.group(1).replace("&amp;", "&"));
            String body = "username=" + encode(username) + "&password=" + encode(password) + "&credentialId=";
            return http.send(
                    HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    record SignIn(String code, String verifier, String nonce) {
        HttpResponse<String> exchangeResponse(String secret) throws IOException, InterruptedException {
            String body = "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri="
                    + encode(redirectUri().toString()) + "&code_verifier=" + encode(verifier);
            String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + secret).getBytes(StandardCharsets.UTF_8));
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(discovery.getString("token_endpoint")))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Basic " + basic)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        }

        Tokens exchange(String secret) throws IOException, InterruptedException {
            HttpResponse<String> answer = exchangeResponse(secret);
            assertEquals(200, answer.statusCode(), answer.body());
            JsonObject tokens = json(answer.body());
            return new Tokens(tokens.getString("id_token"), tokens.getString("access_token"));
        }
    }

    record Tokens(String idToken, String accessToken) {
        /** The claims, after checking the RS256 signature against the realm's published keys. */
        JsonObject verifiedIdTokenClaims() throws Exception {
            String[] parts = idToken.split("\\.");
            assertEquals(3, parts.length);
            JsonObject header = json(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            assertEquals("RS256", header.getString("alg"));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(publishedKey(header.getString("kid")));
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "the ID token's signature");
            return json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        }
    }

    private static PublicKey publishedKey(String kid) throws Exception {
        JsonObject jwks = json(get(HttpClient.newHttpClient(), URI.create(discovery.getString("jwks_uri"))));
        for (JsonValue value : jwks.getJsonArray("keys")) {
            JsonObject key = value.asJsonObject();
            if (kid.equals(key.getString("kid"))) {
                BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(key.getString("n")));
                BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(key.getString("e")));
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
            }
        }
        throw new AssertionError("no published key " + kid);
    }

    /** Signs in through the login page and returns the code that Keycloak redirected to OpenICR with. */
    private static SignIn signIn(String username, String password, String scope) throws Exception {
        UserAgent browser = new UserAgent();
        HttpResponse<String> login = browser.openLogin(authorizeUri(browser, redirectUri(), scope));
        HttpResponse<String> answer = browser.submit(login.body(), username, password);
        assertEquals(302, answer.statusCode(), "a redirect to OpenICR: " + answer.body());
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertEquals(redirectUri().getPath(), location.getPath());
        assertEquals(redirectUri().getPort(), location.getPort());
        Map<String, String> query = query(location);
        assertEquals(browser.state, query.get("state"));
        assertEquals(issuer(), query.get("iss"));
        assertNotNull(query.get("code"), location.toString());
        return new SignIn(query.get("code"), browser.verifier, browser.nonce);
    }

    private static URI authorizeUri(UserAgent browser, URI redirect, String scope) throws Exception {
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(browser.verifier.getBytes(StandardCharsets.US_ASCII)));
        return URI.create(discovery.getString("authorization_endpoint") + "?response_type=code&client_id=" + CLIENT
                + "&scope=" + encode(scope) + "&redirect_uri=" + encode(redirect.toString()) + "&state="
                + browser.state + "&nonce=" + browser.nonce + "&code_challenge=" + challenge
                + "&code_challenge_method=S256");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    // ---- the environment ----

    private static int keycloakPort() {
        return Integer.getInteger("icr.keycloak.port", 29280);
    }

    private static String issuer() {
        return "http://127.0.0.1:" + keycloakPort() + "/realms/" + REALM;
    }

    /** OpenICR's own port (the redirect URIs follow it): the one the other tests use. */
    private static int appPort() {
        return TestEnvironment.baseUrl().getPort();
    }

    private static URI redirectUri() {
        return URI.create("http://127.0.0.1:" + appPort() + "/openicr/callback");
    }

    private static String clientSecret() {
        return System.getProperty("icr.keycloak.client.secret", "openicr-test-oidc-client");
    }

    private static void script(String command) throws Exception {
        Path script =
                Path.of("..", "server-config", "keycloak.sh").toAbsolutePath().normalize();
        ProcessBuilder process = new ProcessBuilder(script.toString(), command).inheritIO();
        Map<String, String> env = process.environment();
        env.put(
                "ICR_KEYCLOAK_DIR",
                System.getProperty(
                        "icr.keycloak.dir",
                        Path.of("target", "icr", "keycloak").toAbsolutePath().toString()));
        env.put("ICR_KEYCLOAK_PORT", Integer.toString(keycloakPort()));
        env.put("ICR_PORTBASE", Integer.toString(appPort() - 80));
        env.put("OPENICR_OIDC_CLIENT_SECRET", clientSecret());
        env.put(
                "ICR_KEYCLOAK_ADMIN_PASSWORD",
                System.getProperty("icr.keycloak.admin.password", "openicr-test-keycloak-admin"));
        Process running = process.start();
        assertEquals(0, running.waitFor(), "server-config/keycloak.sh " + command);
    }

    private static String get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return send(
                http,
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                200);
    }

    private static String send(HttpClient http, HttpRequest request, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), request.uri() + ": " + response.body());
        return response.body();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
