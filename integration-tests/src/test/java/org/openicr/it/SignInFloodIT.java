package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;

/**
 * Black-box (issue 16, item 7): wrong passwords slow down whoever sends them instead of locking the
 * account. A flood on a source system's account from a stranger's address does not stop the
 * source's feed from its known client, costs no PBKDF2 per refused attempt and writes one audit row
 * per burst; a person's credentials on {@code /ws/*} are refused and never count toward that
 * person; the sign-in page says how long to wait. Client addresses are given with
 * X-Forwarded-For, which the test domain trusts from 127.0.0.1 only (OPENICR_TRUSTED_PROXIES).
 */
class SignInFloodIT extends BrowserTest {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final String RIGHT = "Flood-right-pw-1";

    private String sourceAccount() throws Exception {
        String username = "sys.flood" + System.nanoTime() % 1_000_000_000L;
        try (Connection c = TestEnvironment.database()) {
            long id = new DemoRegion().account(c, username, "Flood test source", "SYSTEM", RIGHT);
            TestEnvironment.execute(
                    "insert into source_system (code, name, organisation_id, user_account_id)"
                            + " select ?, 'Flood test source', id, ? from organisation where ods_code = 'Y90001'",
                    username.toUpperCase(),
                    id);
        }
        return username;
    }

    private String personAccount() throws Exception {
        String username = "it.flood" + System.nanoTime() % 1_000_000_000L;
        try (Connection c = TestEnvironment.database()) {
            long id = new DemoRegion().account(c, username, "Flood Person", "PERSON", RIGHT);
            TestEnvironment.execute(
                    "insert into role_profile (user_account_id, rbac_role_code, organisation_id)"
                            + " select ?, 'R8001', id from organisation where ods_code = 'RX901'",
                    id);
        }
        return username;
    }

    /** One SubmitDemographics as {@code username} from {@code address}. */
    private static HttpResponse<String> post(String username, String password, String address) throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        DemoPerson person = new DemoPerson(
                nhsNumber,
                "Mr",
                "Flo",
                "FLOOD",
                LocalDate.of(1970, 1, 1),
                "male",
                "1 Lane",
                "Bath",
                "BA1 1AA",
                null,
                "Y90001",
                false);
        HttpRequest request = HttpRequest.newBuilder(TestEnvironment.ingestionUrl())
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"urn:openicr:ingestion:v1:SubmitDemographics\"")
                .header("X-Forwarded-For", address)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(
                        DemoRegion.demographicsEnvelope("flood-" + nhsNumber, person)))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long count(String sql, Object... values) throws Exception {
        return TestEnvironment.count(sql, values);
    }

    @Test
    void aFloodFromAStrangerDoesNotStopTheSourcesFeedAndNeverLocksItsAccount() throws Exception {
        String source = sourceAccount();
        String feed = "198.51.100.20";
        String stranger = "203.0.113.66";
        assertEquals(200, post(source, RIGHT, feed).statusCode(), "the source's feed signs in: a known client");

        int refused429 = 0;
        int feedOk = 0;
        String retryAfter = null;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> wrong = post(source, "Wrong-guess-" + i, stranger);
            assertTrue(wrong.statusCode() == 401 || wrong.statusCode() == 429, wrong::toString);
            if (wrong.statusCode() == 429) {
                refused429++;
                retryAfter = wrong.headers().firstValue("Retry-After").orElse(null);
            }
            if (i % 5 == 4) {
                // The feed goes on throughout, from its own address, with the right password.
                assertEquals(200, post(source, RIGHT, feed).statusCode(), "the feed at attempt " + i);
                feedOk++;
            }
        }
        assertEquals(8, feedOk);
        assertTrue(refused429 >= 28, "the stranger was slowed down: " + refused429 + " of 40 answered 429");
        assertNotNull(retryAfter, "429 says when to try again");
        assertTrue(Long.parseLong(retryAfter) >= 1, retryAfter);

        // Another stranger's guess waits while the account is delayed for strangers (the right
        // password, once verified, is remembered and never waits: only guessing is slowed down)...
        HttpResponse<String> delayed = post(source, "Another-guess", "192.0.2.50");
        assertEquals(429, delayed.statusCode(), delayed::body);
        assertTrue(delayed.body().startsWith("Too many failed sign-in attempts: try again in "), delayed::body);
        assertFalse(delayed.body().contains("Exception"), delayed::body);
        // ...and is checked again once the delay has passed: the delay ends by itself, nothing is locked.
        Thread.sleep(Long.parseLong(delayed.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 500);
        assertEquals(401, post(source, "Another-guess-2", "192.0.2.50").statusCode());
        // That guess started a longer delay for strangers; the feed, a known client, goes on.
        assertEquals(429, post(source, "Another-guess-3", "192.0.2.50").statusCode());
        assertEquals(200, post(source, RIGHT, feed).statusCode());

        assertEquals(
                0,
                count("select count(*) from user_account where username = ? and locked_at is not null", source),
                "a source's account is never locked by failures");
        // Each PBKDF2 check of a wrong password writes one LOGIN_FAILURE: only the free ones were checked.
        long checked =
                count("select count(*) from audit_event where action = 'LOGIN_FAILURE' and username = ?", source);
        assertTrue(checked <= 9, "wrong passwords checked with PBKDF2: " + checked + " of 40");
        // The refusals are audited, but as a tally: a row per burst, not per attempt.
        long rows = count(
                "select count(*) from audit_event where action = 'SIGN_IN_REFUSED' and outcome = 'DENIED'"
                        + " and username = ?",
                source);
        assertTrue(rows >= 1 && rows <= 4, "SIGN_IN_REFUSED rows: " + rows);
        assertEquals(
                1,
                count(
                        "select count(*) from audit_event where action = 'SIGN_IN_REFUSED' and username = ?"
                                + " and detail like 'delayed after repeated failures (WEB_SERVICE from 203.0.113.66): 1 attempt'",
                        source));
    }

    @Test
    void theSameWrongPasswordRepeatedIsRefusedWithoutAnotherPasswordCheck() throws Exception {
        String source = sourceAccount();
        for (int i = 0; i < 4; i++) {
            assertEquals(
                    401,
                    post(source, "Old-password-still-configured", "198.51.100.77")
                            .statusCode());
        }
        assertEquals(
                1,
                count("select count(*) from audit_event where action = 'LOGIN_FAILURE' and username = ?", source),
                "one PBKDF2 check for four identical wrong passwords");
        assertEquals(
                1,
                count(
                        "select count(*) from audit_event where action = 'SIGN_IN_REFUSED' and username = ?"
                                + " and detail like 'the same wrong password again%'",
                        source));
    }

    @Test
    void aPersonsCredentialsOnWebServicesGet401AndNeverCountTowardThePerson() throws Exception {
        String person = personAccount();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> answer = post(person, i % 2 == 0 ? RIGHT : "Wrong-" + i, "203.0.113.99");
            assertEquals(401, answer.statusCode(), answer::body);
            assertTrue(
                    answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        }
        assertEquals(
                0,
                count(
                        "select count(*) from user_account where username = ? and (failed_logins > 0 or locked_at is not null)",
                        person));
        assertEquals(
                0, count("select count(*) from audit_event where action = 'LOGIN_FAILURE' and username = ?", person));
        assertTrue(count(
                        "select count(*) from audit_event where action = 'SIGN_IN_REFUSED' and username = ?"
                                + " and detail like 'a person account may not sign in on /ws/*%'",
                        person)
                >= 1);
        // The person signs in on the page as ever.
        signInAs(person, RIGHT);
        assertTrue(browser.driver.findElement(By.id("active-profile")).getText().contains("R8001"));
    }

    @Test
    void aSourcesCredentialsOnTheSignInPageAreRefused() throws Exception {
        String source = sourceAccount();
        assertTrue(signInFails(source, RIGHT), browser::page);
        assertEquals(
                0, count("select count(*) from audit_event where action = 'LOGIN_FAILURE' and username = ?", source));
        assertEquals(200, post(source, RIGHT, "198.51.100.21").statusCode(), "its feed is unaffected");
    }

    @Test
    void theSignInPageSaysHowLongToWait() throws Exception {
        String person = personAccount();
        for (int i = 0; i < 6; i++) {
            assertTrue(signInFails(person, "Wrong-password-" + i));
        }
        browser.driver.manage().deleteAllCookies();
        browser.signIn(person, "Wrong-password-7");
        browser.waitForText(By.id("login:messages"), "too many failed sign-in attempts");
        String page = browser.page();
        assertTrue(page.matches("(?s).*Wait \\d+ seconds? and try again.*"), page);
        assertEquals(
                6,
                count("select count(*) from audit_event where action = 'LOGIN_FAILURE' and username = ?", person),
                "the delayed attempt was not checked");
        assertEquals(
                1,
                count(
                        "select count(*) from audit_event where action = 'SIGN_IN_REFUSED' and username = ?"
                                + " and detail like 'delayed after repeated failures (PAGE from %'",
                        person));
    }
}
