package org.openicr.tools.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts SOAP envelopes with HTTP Basic on every request, as source systems do, and sorts each
 * answer into an acknowledgement, a contract fault (by its stable code) or an error (anything
 * else: other HTTP statuses, refused connections, timeouts).
 */
public final class SoapClient {

    public enum Kind {
        ACK,
        FAULT,
        ERROR
    }

    /** What one call came to; {@code code} is the ack's outcome, the fault code or the error's kind. */
    public record Answer(Kind kind, String code) {}

    private static final Pattern OUTCOME = Pattern.compile("<(?:[\\w.-]+:)?outcome>([^<]*)</");
    private static final Pattern FAULT_CODE =
            Pattern.compile("IngestionFaultDetail.*?<(?:[\\w.-]+:)?code>([^<]*)</", Pattern.DOTALL);

    private final HttpClient http;
    private final URI endpoint;
    private final String authorization;
    private final Duration timeout;

    public SoapClient(URI endpoint, String username, String password, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        // HTTP/1.1 with keep-alive, like interface engines; no h2c upgrade attempt on plain HTTP.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public Answer post(String soapAction, String envelope) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", soapAction)
                .header("Authorization", authorization)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return classify(response.statusCode(), response.body());
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(Kind.ERROR, "TIMEOUT");
        } catch (java.net.ConnectException e) {
            return new Answer(Kind.ERROR, "CONNECTION_REFUSED");
        } catch (IOException e) {
            return new Answer(Kind.ERROR, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Kind.ERROR, "INTERRUPTED");
        }
    }

    /**
     * An acknowledgement is HTTP 200 whose body carries the operation's outcome element; a fault is
     * HTTP 500 with the contract's IngestionFaultDetail; anything else is an error named by status.
     */
    static Answer classify(int status, String body) {
        String text = body == null ? "" : body;
        if (status == 200) {
            Matcher outcome = OUTCOME.matcher(text);
            if (text.contains("Acknowledgement") && outcome.find()) {
                return new Answer(Kind.ACK, outcome.group(1).strip());
            }
            return new Answer(Kind.ERROR, "HTTP_200_WITHOUT_ACK");
        }
        if (status == 500) {
            Matcher code = FAULT_CODE.matcher(text);
            return code.find()
                    ? new Answer(Kind.FAULT, code.group(1).strip())
                    : new Answer(Kind.FAULT, text.contains("Fault") ? "SOAP_FAULT_WITHOUT_CODE" : "HTTP_500");
        }
        return new Answer(Kind.ERROR, "HTTP_" + status);
    }
}
