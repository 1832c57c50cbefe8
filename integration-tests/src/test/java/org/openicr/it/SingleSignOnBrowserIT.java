package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;

/**
 * Issue 19, items 1 and 4: people sign in through the real identity provider (Keycloak, the
 * CIS2-shaped demo realm) in real Chromium, by the authorization code flow with PKCE that OpenICR
 * runs with the Nimbus SDK. The application is at {@code localhost}, the provider at
 * {@code 127.0.0.1}: another site, as CIS2 is, so the SameSite handling is exercised too.
 *
 * <p>Run with {@code -Dicr.keycloak=true} (./icr test gives it): the build starts Keycloak.
 */
@EnabledIfSystemProperty(named = "icr.keycloak", matches = "true")
class SingleSignOnBrowserIT extends BrowserTest {

    /** Signs in at the provider from OpenICR's sign-in page; waits for the start page. */
    private void signInThroughProvider(String username, String password) {
        browser.open("login.xhtml");
        browser.waitFor(By.id("nhs-identity")).click();
        providerLogin(username, password);
        browser.wait(d -> d.getCurrentUrl().contains("/openicr/home.xhtml"));
        browser.waitFor(By.id("signed-in-user"));
    }

    /** The provider's own login form. */
    private void providerLogin(String username, String password) {
        browser.waitFor(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.id("kc-login")).click();
    }

    private static long count(String sql, Object... values) throws Exception {
        return TestEnvironment.count(sql, values);
    }

    @Test
    void eachDemoRoleSignsInThroughTheProviderAndLandsOnItsPages() throws Exception {
        record Expect(String user, String password, String role, String link) {}
        for (Expect e : new Expect[] {
            new Expect("gp.hart", "Clinician-demo-1", "R8000", "find-patient"),
            new Expect("nurse.okafor", "Nurse-demo-1", "R8001", "find-patient"),
            new Expect("reception.wu", "Reception-demo-1", "R8009", "find-patient"),
            new Expect("social.evans", "Social-demo-1", "R0243", "find-patient"),
            new Expect("privacy.shaw", "Privacy-demo-1", "R0001", "home-alerts"),
        }) {
            browser.close();
            browser = new Browser();
            long before = count(
                    "select count(*) from audit_event where action = 'LOGIN' and username = ?"
                            + " and detail like 'through the identity provider%'",
                    e.user());
            signInThroughProvider(e.user(), e.password());
            browser.waitForText(By.id("active-profile"), e.role());
            browser.waitFor(By.id(e.link()));
            assertEquals(
                    e.user(),
                    browser.driver.findElement(By.id("signed-in-user")).getText());
            assertEquals(
                    before + 1,
                    count(
                            "select count(*) from audit_event where action = 'LOGIN' and username = ?"
                                    + " and detail like 'through the identity provider%'",
                            e.user()),
                    e.user() + ": the sign-in through the provider is audited");
            // The token's profiles are the cache: bound to their national ids, usable.
            assertTrue(
                    count(
                                    "select count(*) from role_profile p join user_account a on a.id = p.user_account_id"
                                            + " where a.username = ? and p.active and p.person_roleid is not null"
                                            + " and p.rbac_role_code = ?",
                                    e.user(),
                                    e.role())
                            == 1,
                    e.user() + ": the token's profile is written into the directory");
            if (e.user().equals("gp.hart")) {
                browser.checkAccessibility("sso-home-gp");
            }
        }
    }

    @Test
    void theLocalAdministratorSignsInThroughTheProviderToo() throws Exception {
        signInThroughProvider("admin.khan", "Admin-demo-1");
        browser.waitForText(By.id("active-profile"), "R8015");
        assertTrue(browser.page().contains("Locked accounts"), browser::page);
    }

    @Test
    void theSignInPageOffersTheNhsIdentityAndPassesAxe() throws Exception {
        browser.open("login.xhtml");
        browser.waitFor(By.id("nhs-identity"));
        // The test domain keeps the local form for everyone (its fixtures): both are offered.
        browser.waitFor(By.id("login:username"));
        browser.checkAccessibility("sso-login");
    }

    @Test
    void aUserWithTwoRoleProfilesChoosesOne() throws Exception {
        signInThroughProvider("dr.lee", "Multirole-demo-1");
        browser.waitForText(By.tagName("h2"), "Choose the role you are working in");
        browser.checkAccessibility("sso-choose-profile");
        browser.driver
                .findElement(By.xpath("//input[contains(@value, 'R8003')]"))
                .click();
        browser.waitForText(By.id("active-profile"), "R8003");
        assertEquals(
                2,
                count("select count(*) from role_profile p join user_account a on a.id = p.user_account_id"
                        + " where a.username = 'dr.lee' and p.active and p.person_roleid is not null"));
    }

    @Test
    void anAuthenticatorAppSignInMayNotOpenARecordAndTheRefusalIsAudited() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        long personId = TestEnvironment.postPerson(new DemoPerson(
                nhsNumber,
                "Mr",
                "Aled",
                "ASSURANCETEST",
                LocalDate.of(1961, 3, 3),
                "male",
                "3 Lane",
                "Thornbury",
                "BS35 3ZZ",
                null,
                "Y90002",
                false));
        signInThroughProvider("locum.reid", "Authenticator-demo-1");
        browser.waitForText(By.id("active-profile"), "R8000");
        browser.waitForText(By.id("assurance-note"), "without a smartcard");
        assertEquals(
                2L,
                count("select assurance_level from user_account where username = 'locum.reid'"),
                "the token's assurance level is kept for the access path");
        long deniedBefore =
                count("select count(*) from audit_event where username = 'locum.reid' and outcome = 'DENIED'");
        browser.open("record/reason.xhtml?person=" + personId);
        browser.wait(d -> d.getPageSource().contains("assurance level 2"));
        assertFalse(browser.page().contains("ASSURANCETEST"), "nothing of the person is shown");
        assertTrue(
                count("select count(*) from audit_event where username = 'locum.reid' and outcome = 'DENIED'")
                        > deniedBefore,
                "the refusal is audited like any denial");
        browser.checkAccessibility("sso-assurance-refused");
    }

    @Test
    void signOutEndsBothSessions() throws Exception {
        signInThroughProvider("gp.hart", "Clinician-demo-1");
        long logouts = count("select count(*) from audit_event where action = 'LOGOUT' and username = 'gp.hart'");
        browser.driver.findElement(By.id("logout:signout")).click();
        // Through the provider's end-session endpoint and back to the sign-in page.
        browser.wait(d -> d.getCurrentUrl().contains("/openicr/login.xhtml?loggedOut=true"));
        assertEquals(
                logouts + 1,
                count("select count(*) from audit_event where action = 'LOGOUT' and username = 'gp.hart'"));
        // OpenICR's session is gone ...
        browser.open("home.xhtml");
        browser.wait(d -> d.getCurrentUrl().contains("/login.xhtml"));
        // ... and so is the provider's: signing in asks for the password again.
        browser.waitFor(By.id("nhs-identity")).click();
        browser.waitFor(By.id("password"));
        assertTrue(browser.driver.getCurrentUrl().startsWith(issuer()), browser.driver::getCurrentUrl);
    }

    @Test
    void whenTheProviderEndsTheSessionOpenIcrEndsItsOwn() throws Exception {
        signInThroughProvider("nurse.okafor", "Nurse-demo-1");
        browser.open("home.xhtml");
        browser.waitFor(By.id("signed-in-user"));
        // An administrator ends the person's sessions at the provider: it tells OpenICR (back-channel).
        HttpClient http = HttpClient.newHttpClient();
        String token = json(send(
                        http,
                        HttpRequest.newBuilder(URI.create(keycloak() + "/realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli"
                                        + "&username=admin&password="
                                        + URLEncoder.encode(
                                                System.getProperty(
                                                        "icr.keycloak.admin.password", "openicr-test-keycloak-admin"),
                                                StandardCharsets.UTF_8)))
                                .build()))
                .getString("access_token");
        JsonArray users = Json.createReader(new StringReader(send(
                        http,
                        HttpRequest.newBuilder(URI.create(
                                        keycloak() + "/admin/realms/cis2-demo/users?exact=true&username=nurse.okafor"))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build())))
                .readArray();
        String userId = users.getJsonObject(0).getString("id");
        HttpResponse<String> ended = http.send(
                HttpRequest.newBuilder(URI.create(keycloak() + "/admin/realms/cis2-demo/users/" + userId + "/logout"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, ended.statusCode(), ended::body);
        browser.open("home.xhtml");
        browser.wait(d -> d.getCurrentUrl().contains("/login.xhtml"));
        assertTrue(
                count("select count(*) from audit_event where action = 'LOGOUT' and username = 'nurse.okafor'"
                                + " and detail like '%back-channel%'")
                        >= 1,
                "the provider's logout is audited");
    }

    @Test
    void aForgedBackChannelLogoutIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(TestEnvironment.baseUrl().resolve("signin/backchannel-logout"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "logout_token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
    }

    @Test
    void anAnswerWithoutASignInUnderWayIsRefusedInPlainEnglish() {
        browser.open("signin/callback?state=made-up&code=made-up");
        browser.waitFor(By.id("provider-problem"));
        assertTrue(browser.page().contains("did not complete"), browser::page);
        assertFalse(browser.page().contains("at org.openicr"), "no stack trace");
    }

    private static String keycloak() {
        return "http://127.0.0.1:" + Integer.getInteger("icr.keycloak.port", 29280);
    }

    private static String issuer() {
        return keycloak() + "/realms/cis2-demo";
    }

    private static String send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return response.body();
    }

    private static JsonObject json(String text) {
        JsonObject object = Json.createReader(new StringReader(text)).readObject();
        assertNotNull(object);
        return object;
    }
}
