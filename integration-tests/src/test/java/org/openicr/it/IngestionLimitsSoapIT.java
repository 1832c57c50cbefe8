package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box, over real HTTP: nothing a source sends can stop the service. Deeply nested XML is
 * refused in milliseconds before any parser runs (MESSAGE_TOO_COMPLEX); a body over the 10 MiB limit
 * gets the contract's MESSAGE_TOO_LARGE fault (never the container's HTML page), with or without a
 * Content-Length, and a far larger one does not exhaust the server. Each refusal is stored in the
 * inbox (without the body of an oversized one) and audited.
 */
@ExtendWith(ArquillianExtension.class)
class IngestionLimitsSoapIT {

    private static final String GP = "sys.riverside-gp";
    private static final String GP_PASSWORD = "Source-demo-gp-1";
    private static final int LIMIT = 10 * 1024 * 1024;

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void directory() throws Exception {
        TestEnvironment.seedDirectory();
    }

    record Answer(int status, String contentType, String body) {
        String faultCode() {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("<code>([A-Z_]+)</code>").matcher(body);
            return m.find() ? m.group(1) : null;
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + contentType + ": " + (body.length() > 600 ? body.substring(0, 600) : body);
        }
    }

    private static Answer post(HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(TestEnvironment.ingestionUrl())
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"urn:openicr:ingestion:v1:SubmitItems\"")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((GP + ":" + GP_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(body)
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** A SubmitItems envelope whose batch holds {@code depth} nested elements. */
    static byte[] nested(int depth) {
        StringBuilder s = new StringBuilder(ItemIngestionSoapIT.envelope(
                "<icr:ItemBatch><icr:messageId>deep-" + System.nanoTime() + "</icr:messageId>@</icr:ItemBatch>"));
        int at = s.indexOf("@");
        s.replace(at, at + 1, "<a>".repeat(depth) + "</a>".repeat(depth));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A valid-looking batch padded with an item text to exactly {@code size} bytes. */
    static byte[] ofSize(long size) {
        String before = ItemIngestionSoapIT.batch(
                "big-" + System.nanoTime(),
                "<icr:nhsNumber>" + TestEnvironment.freshNhsNumber() + "</icr:nhsNumber>",
                ItemIngestionSoapIT.medication("big-" + System.nanoTime(), 1, "@"));
        int at = before.indexOf('@');
        byte[] head = before.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = before.substring(at + 1).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[(int) size];
        System.arraycopy(head, 0, all, 0, head.length);
        java.util.Arrays.fill(all, head.length, all.length - tail.length, (byte) 'x');
        System.arraycopy(tail, 0, all, all.length - tail.length, tail.length);
        return all;
    }

    private static void assertRefusedAndStored(Answer answer, String code, long size, boolean bodyKept)
            throws Exception {
        assertEquals(500, answer.status(), answer::toString);
        assertTrue(answer.contentType().startsWith("text/xml"), answer::toString);
        assertTrue(answer.body().contains("schemas.xmlsoap.org/soap/envelope"), answer::toString);
        assertEquals(code, answer.faultCode(), answer::toString);
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from inbound_message where account_username = ? and status = 'REJECTED'"
                                + " and error_code = ? and size_bytes = ? and (octet_length(raw) > 0) = ?"
                                + " and received_at > now() - interval '5 minutes'",
                        GP,
                        code,
                        (int) size,
                        bodyKept),
                "stored in the inbox as refused, with its size");
        assertEquals(
                1,
                TestEnvironment.count(
                        "select count(*) from audit_event e join inbound_message m"
                                + " on e.detail like '% (inbox ' || m.id || '): ' || ? || '%'"
                                + " where e.action = 'MESSAGE_INGESTED' and e.outcome = 'DENIED' and e.username = ?"
                                + " and m.error_code = ? and m.size_bytes = ? and m.received_at > now() - interval '5 minutes'",
                        code, GP, code, (int) size),
                "the refusal is audited");
    }

    private static void stillServing() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        TestEnvironment.postPerson(new org.openicr.tools.demo.DemoRegion.DemoPerson(
                nhsNumber,
                "Ms",
                "Test",
                "LIMITS",
                java.time.LocalDate.of(1980, 2, 29),
                "female",
                "1 Test Street",
                "Bristol",
                "BS1 1AA",
                "0117 000 0000",
                "Y90001",
                false));
        Answer after = post(HttpRequest.BodyPublishers.ofString(ItemIngestionSoapIT.batch(
                "after-" + System.nanoTime(),
                "<icr:nhsNumber>" + nhsNumber + "</icr:nhsNumber>",
                ItemIngestionSoapIT.medication("after-" + System.nanoTime(), 1, "fine"))));
        assertEquals(200, after.status(), after::toString);
    }

    @Test
    void twoHundredThousandNestedElementsAreRefusedInMilliseconds() throws Exception {
        byte[] bomb = nested(200_000);
        long start = System.nanoTime();
        Answer answer = post(HttpRequest.BodyPublishers.ofByteArray(bomb));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertRefusedAndStored(answer, "MESSAGE_TOO_COMPLEX", bomb.length, true);
        assertTrue(answer.body().contains("nested more than 64 deep"), answer::toString);
        System.out.printf("200,000 nested elements (%d bytes) refused over HTTP in %d ms%n", bomb.length, millis);
        assertTrue(millis < 2_000, "refused in " + millis + " ms (26 s before the byte scan)");
    }

    @Test
    void aTenMebibyteNestedMessageIsRefusedInMilliseconds() throws Exception {
        byte[] bomb = nested((LIMIT - 1024) / 7);
        assertTrue(bomb.length <= LIMIT && bomb.length > LIMIT - 64 * 1024, "about 10 MiB: " + bomb.length);
        long start = System.nanoTime();
        Answer answer = post(HttpRequest.BodyPublishers.ofByteArray(bomb));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertRefusedAndStored(answer, "MESSAGE_TOO_COMPLEX", bomb.length, true);
        System.out.printf(
                "%d nested elements (%d bytes) refused over HTTP in %d ms%n", bomb.length / 7, bomb.length, millis);
        assertTrue(millis < 3_000, "refused in " + millis + " ms");
    }

    @Test
    void aBodyOverTwentyMebibytesWithItsLengthGetsTheContractsFault() throws Exception {
        long size = 21L * 1024 * 1024;
        Answer answer = post(HttpRequest.BodyPublishers.ofByteArray(ofSize(size)));
        assertRefusedAndStored(answer, "MESSAGE_TOO_LARGE", size, false);
        assertTrue(answer.body().contains("larger than the limit of " + LIMIT + " bytes"), answer::toString);
        stillServing();
    }

    @Test
    void aChunkedBodyOverTheLimitGetsTheContractsFault() throws Exception {
        long size = 21L * 1024 * 1024 + 7;
        byte[] body = ofSize(size);
        // ofInputStream has no length: the client sends it chunked.
        Answer answer = post(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
        assertRefusedAndStored(answer, "MESSAGE_TOO_LARGE", size, false);
        stillServing();
    }

    @Test
    void aGibibyteStreamedDoesNotStopTheService() throws Exception {
        long gib = 1024L * 1024 * 1024;
        long before = TestEnvironment.count(
                "select count(*) from inbound_message where account_username = ? and error_code = 'MESSAGE_TOO_LARGE'"
                        + " and octet_length(raw) = 0",
                GP);
        try {
            Answer answer = post(HttpRequest.BodyPublishers.ofInputStream(() -> new Filler(gib)));
            assertEquals("MESSAGE_TOO_LARGE", answer.faultCode(), answer::toString);
        } catch (IOException closed) {
            // The server may close the connection after its fault while the client is still sending.
        }
        long deadline = System.currentTimeMillis() + 30_000;
        long after;
        do {
            after = TestEnvironment.count(
                    "select count(*) from inbound_message where account_username = ?"
                            + " and error_code = 'MESSAGE_TOO_LARGE' and octet_length(raw) = 0",
                    GP);
            if (after > before) {
                break;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        assertEquals(before + 1, after, "the oversized stream is stored as refused, without its body");
        stillServing();
    }

    /** An endless-looking SOAP body of {@code size} bytes, made as it is read. */
    private static final class Filler extends InputStream {
        private final byte[] head = ItemIngestionSoapIT.envelope("<icr:ItemBatch><icr:messageId>gib</icr:messageId>")
                .getBytes(StandardCharsets.UTF_8);
        private final long size;
        private long position;

        Filler(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int k = 0; k < n; k++) {
                long p = position + k;
                b[off + k] = p < head.length ? head[(int) p] : (byte) 'x';
            }
            position += n;
            return n;
        }
    }
}
