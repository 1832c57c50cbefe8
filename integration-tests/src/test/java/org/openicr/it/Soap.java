package org.openicr.it;

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

/** Posts raw SOAP 1.1 envelopes over HTTP, as an interface team's engine (or curl) would. */
final class Soap {

    record Response(int status, String body, String challenge) {

        /** The fault's stable code, or null when the answer is not a fault. */
        String faultCode() {
            Matcher m = Pattern.compile("<code>([A-Z_]+)</code>").matcher(body);
            return m.find() ? m.group(1) : null;
        }

        String element(String name) {
            Matcher m = Pattern.compile("<(?:\\w+:)?" + name + ">([^<]*)</(?:\\w+:)?" + name + ">")
                    .matcher(body);
            return m.find() ? m.group(1) : null;
        }

        @Override
        public String toString() {
            return "HTTP " + status + ": " + body;
        }
    }

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Soap() {}

    static Response post(URI url, String envelope, String username, String password)
            throws IOException, InterruptedException {
        return post(url, "SubmitDemographics", envelope, username, password);
    }

    static Response post(URI url, String operation, String envelope, String username, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"urn:openicr:ingestion:v1:" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope));
        if (username != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    static Response get(URI url, String username, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET();
        if (username != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("WWW-Authenticate").orElse(null));
    }
}
