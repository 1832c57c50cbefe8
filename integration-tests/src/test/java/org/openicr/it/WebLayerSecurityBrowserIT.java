package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;

/**
 * Issue 16, items 10, 11, 12 and 15, black-box against the running server in Chromium and over
 * plain HTTP: a PDF carrying JavaScript never runs it (in the viewer or at its own address), every
 * answer carries the security headers and no server name, a post from another site is refused and
 * audited, every page is refused at the web layer to a role that may not use it (a 403 page in plain
 * English), and every such refusal is audited, throttled per caller with a count.
 */
class WebLayerSecurityBrowserIT extends BrowserTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A one-page PDF whose /OpenAction runs JavaScript that would call {@code beacon} if it ran. */
    static byte[] pdfWithScript(String beacon) {
        String stream = "BT /F1 14 Tf 60 780 Td (Letter with a script in it) Tj ET";
        String js = "app.launchURL('" + beacon + "/launch', true); this.submitForm('" + beacon + "/submit');"
                + " app.alert('pdf script ran');";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Type /Action /S /JavaScript /JS (" + js + ") >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static long personWithScriptedPdf(String beacon) throws Exception {
        String nhs = TestEnvironment.freshNhsNumber();
        long person = TestEnvironment.postPerson(new DemoPerson(
                nhs,
                "Mr",
                "Peter",
                "PDFSCRIPT",
                LocalDate.of(1960, 5, 6),
                "male",
                "2 Script Row",
                "Bristol",
                "BS2 2ZZ",
                null,
                "Y90001",
                false));
        String item = "<icr:item><icr:category>DOCUMENTS</icr:category><icr:sourceKey>" + nhs
                + "-js</icr:sourceKey><icr:version>1</icr:version><icr:effectiveAt>2026-11-01T10:00:00"
                + "</icr:effectiveAt><icr:status>final</icr:status><icr:text>Letter with a script</icr:text>"
                + "<icr:document><icr:contentType>application/pdf</icr:contentType><icr:data>"
                + Base64.getEncoder().encodeToString(pdfWithScript(beacon))
                + "</icr:data></icr:document></icr:item>";
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:icr=\"urn:openicr:ingestion:v1\"><soapenv:Body><icr:ItemBatch><icr:messageId>it-pdf-js-"
                + nhs + "</icr:messageId><icr:patient><icr:nhsNumber>" + nhs + "</icr:nhsNumber></icr:patient>"
                + item + "</icr:ItemBatch></soapenv:Body></soapenv:Envelope>";
        Soap.Response answer = Soap.post(
                TestEnvironment.ingestionUrl(), "SubmitItems", envelope, "sys.avonvale-pas", "Source-demo-pas-1");
        assertEquals(200, answer.status(), answer::toString);
        return person;
    }

    /** A same-origin fetch from the signed-in browser: "status | content-type | csp | nosniff | disposition". */
    private String headersOf(String relative) {
        return (String) ((JavascriptExecutor) browser.driver)
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => done(r.status + ' | ' + r.headers.get('content-type')"
                                + " + ' | ' + r.headers.get('content-security-policy') + ' | '"
                                + " + r.headers.get('x-content-type-options') + ' | '"
                                + " + r.headers.get('content-disposition'))).catch(e => done('error ' + e));",
                        TestEnvironment.baseUrl().resolve(relative).toString());
    }

    private boolean alertShown() {
        try {
            browser.driver.switchTo().alert().dismiss();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }

    @Test
    void aPdfsScriptNeverRunsInTheViewerNorAtTheDocumentsOwnAddress() throws Exception {
        AtomicInteger beaconHits = new AtomicInteger();
        HttpServer beacon = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        beacon.createContext("/", exchange -> {
            beaconHits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        beacon.start();
        try {
            long person = personWithScriptedPdf(
                    "http://127.0.0.1:" + beacon.getAddress().getPort());
            long item = TestEnvironment.count(
                    "select id from record_item where person_id = ? and category = 'DOCUMENTS' and text = ?",
                    person,
                    "Letter with a script");
            signInAs("gp.hart", "Clinician-demo-1");
            openRecordForCare(person);
            String document = "record/document?person=" + person + "&item=" + item;

            // What the server answers: never the PDF, and every document answer sandboxed.
            String headers = headersOf(document);
            assertTrue(headers.startsWith("200 | text/html"), "the pages as images, not the PDF: " + headers);
            assertTrue(headers.contains("sandbox") && headers.contains("default-src 'none'"), headers);
            assertTrue(headers.contains("| nosniff |"), headers);
            assertTrue(headers.endsWith("inline; filename=\"document-" + item + ".html\""), headers);

            // In the in-page viewer: the page drawn as an image, nothing run.
            browser.open("record/view.xhtml?person=" + person + "&category=DOCUMENTS&document=" + item);
            browser.waitFor(By.id("document-viewer"));
            browser.driver.switchTo().frame("document-viewer");
            browser.waitFor(By.cssSelector("img.pdf-page"));
            assertEquals(
                    "Page 1 of 1",
                    browser.driver.findElement(By.cssSelector("img.pdf-page")).getAttribute("alt"));
            browser.driver.switchTo().defaultContent();
            browser.screenshot("document-pdf-rendered");

            // At its own address, as "Open in a new tab" shows it.
            browser.open(document);
            browser.waitFor(By.cssSelector("img.pdf-page"));
            Thread.sleep(3000);
            assertFalse(alertShown(), "no script alert");
            assertEquals(1, browser.driver.getWindowHandles().size(), "no window opened by a script");
            assertEquals(0, beaconHits.get(), "the PDF's script never called out");
            assertEquals(
                    3,
                    TestEnvironment.count(
                            "select count(*) from audit_event where action = 'RECORD_VIEW' and outcome = 'SUCCESS'"
                                    + " and username = 'gp.hart' and person_id = ? and detail like ?",
                            person,
                            "document " + item + " opened (application/pdf)%"),
                    "each of the three openings (the fetch, the viewer, its own address) is an audited read");
        } finally {
            beacon.stop(0);
        }
    }

    private static HttpResponse<String> get(String relative, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        TestEnvironment.baseUrl().resolve(relative))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSecurityHeaders(HttpResponse<String> answer, String what) {
        assertEquals(
                "nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null), what);
        assertEquals(
                "same-origin", answer.headers().firstValue("Referrer-Policy").orElse(null), what);
        List<String> policies = answer.headers().allValues("Content-Security-Policy");
        assertFalse(policies.isEmpty(), what + ": a Content-Security-Policy");
        assertTrue(String.join(";", policies).contains("frame-ancestors 'none'"), what + ": " + policies);
        assertNull(answer.headers().firstValue("Server").orElse(null), what + ": no Server header");
        assertNull(answer.headers().firstValue("X-Powered-By").orElse(null), what + ": no X-Powered-By");
        assertTrue(answer.headers().firstValue("Strict-Transport-Security").isEmpty(), what + ": no HSTS over HTTP");
        for (String word : List.of("Payara", "GlassFish", "Grizzly", "Mojarra", "badassfish")) {
            assertFalse(answer.body().contains(word), what + " names the server: " + word);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoServerName() throws Exception {
        HttpResponse<String> login = get("login.xhtml", null);
        assertEquals(200, login.statusCode());
        assertSecurityHeaders(login, "the sign-in page");
        String policy = String.join(";", login.headers().allValues("Content-Security-Policy"));
        assertTrue(
                policy.matches(".*script-src 'self' 'nonce-[^']+'.*"), "scripts only with the page's nonce: " + policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no session cookie: " + login.headers().map()));
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=strict"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);

        assertSecurityHeaders(get("no-such-page.xhtml", null), "the not-found page");
        assertSecurityHeaders(get("record/document?person=1&item=1", null), "a redirect to sign in");
        HttpResponse<String> outside = HTTP.send(
                HttpRequest.newBuilder(TestEnvironment.baseUrl().resolve("/no-such-application/"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertNull(outside.headers().firstValue("Server").orElse(null), "outside the application: no Server");
        assertNull(outside.headers().firstValue("X-Powered-By").orElse(null), "outside: no X-Powered-By");
        for (String word : List.of("Payara", "GlassFish", "Grizzly", "badassfish")) {
            assertFalse(outside.body().contains(word), "the server's own error page names it: " + outside.body());
        }

        // In the browser, the session cookie of a signed-in person.
        signInAs("gp.hart", "Clinician-demo-1");
        Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
        assertTrue(session.isHttpOnly());
        assertTrue("strict".equalsIgnoreCase(session.getSameSite()), session.toString());
    }

    private String sessionCookie() {
        return "JSESSIONID="
                + browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    private static HttpResponse<String> post(String relative, String cookie, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        TestEnvironment.baseUrl().resolve(relative))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("search=search&search%3AnhsNumber=9990000018"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPostFromAnotherSiteIsRefusedAndAudited() throws Exception {
        signInAs("gp.hart", "Clinician-demo-1");
        String cookie = sessionCookie();
        long before = AuditCompletenessIT.baseline();
        HttpResponse<String> crossSite = post("record/search.xhtml", cookie, "https://attacker.example");
        assertEquals(403, crossSite.statusCode());
        assertTrue(crossSite.body().contains("error-title"), "the plain-English page");
        assertSecurityHeaders(crossSite, "the refusal");
        URI base = TestEnvironment.baseUrl();
        String own = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
        HttpResponse<String> sameSite = post("record/search.xhtml", cookie, own);
        assertTrue(sameSite.statusCode() != 403, "our own origin passes: " + sameSite.statusCode());
        HttpResponse<String> nullOrigin = post("record/search.xhtml", cookie, "null");
        assertEquals(403, nullOrigin.statusCode(), "an opaque origin (a sandboxed frame) is refused");
        org.junit.jupiter.api.Assertions.assertLinesMatch(
                List.of(
                        "ACCESS_DENIED DENIED R8000 Y90001 - - \\| cross-origin POST /record/search.xhtml from"
                                + " https://attacker.example",
                        "ACCESS_DENIED DENIED R8000 Y90001 - - \\| cross-origin POST /record/search.xhtml from null"),
                AuditCompletenessIT.events(before, "gp.hart", null));
    }

    private void assertRefused(String page) {
        browser.open(page);
        browser.waitForText(By.id("error-title"), "Not available to your role");
        String html = browser.page();
        assertFalse(
                html.contains("Caused by") || html.contains("at org.") || html.contains("EJBAccessException"),
                "no stack trace on " + page);
    }

    @Test
    void administratorsAreRefusedThePrivacyOfficersPagesAtTheWebLayerAndEachRefusalIsAudited() throws Exception {
        signInAs(ADMIN, ADMIN_PASSWORD);
        long before = AuditCompletenessIT.baseline();
        for (String page : List.of(
                "privacy/audit.xhtml",
                "privacy/alerts.xhtml",
                "privacy/report.xhtml",
                "privacy/alert-settings.xhtml",
                "privacy/audit-cost",
                "record/search.xhtml")) {
            assertRefused(page);
        }
        browser.open("privacy/verify.xhtml");
        browser.waitFor(By.id("main"));
        assertFalse(browser.page().contains("Not available to your role"), "the verification stays open to them");
        List<String> expected = new ArrayList<>();
        for (String page : List.of(
                "/privacy/audit.xhtml",
                "/privacy/alerts.xhtml",
                "/privacy/report.xhtml",
                "/privacy/alert-settings.xhtml",
                "/privacy/audit-cost",
                "/record/search.xhtml")) {
            expected.add("ACCESS_DENIED DENIED R8015 \\S+ - - \\| page " + java.util.regex.Pattern.quote(page)
                    + " refused to the role");
        }
        org.junit.jupiter.api.Assertions.assertLinesMatch(expected, AuditCompletenessIT.events(before, ADMIN, null));
    }

    @Test
    void otherRolesAreRefusedPagesOutsideTheirRole() throws Exception {
        signInAs("privacy.shaw", "Privacy-demo-1");
        assertRefused("record/search.xhtml");
        assertRefused("admin/users.xhtml");
        signInAs("reception.wu", "Reception-demo-1");
        assertRefused("admin/matrix.xhtml");
        assertRefused("privacy/verify.xhtml");
    }

    @Test
    void aLoopOfRefusalsIsThrottledAndCountedNotWrittenRowByRow() throws Exception {
        signInAs("social.evans", "Social-demo-1");
        String cookie = sessionCookie();
        long before = AuditCompletenessIT.baseline();
        for (int i = 0; i < 25; i++) {
            assertEquals(403, get("admin/users.xhtml", cookie).statusCode());
        }
        List<String> written = AuditCompletenessIT.events(before, "social.evans", null);
        assertEquals(10, written.size(), "ten rows a minute: " + written);
        // After the minute, the next refusal is written with the count of those only counted.
        Thread.sleep(61_000);
        assertEquals(403, get("admin/users.xhtml", cookie).statusCode());
        List<String> after = AuditCompletenessIT.events(before, "social.evans", null);
        assertEquals(11, after.size());
        assertTrue(
                after.get(10)
                        .endsWith("page /admin/users.xhtml refused to the role; 15 more refusal(s) of this"
                                + " caller counted, not written, in the minute before"),
                after.get(10));
    }
}
