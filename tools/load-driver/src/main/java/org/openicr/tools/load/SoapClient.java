package org.openicr.tools.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
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

    private static final Pattern FAULT_CODE =
            Pattern.compile("IngestionFaultDetail.*?<(?:[\\w.-]+:)?code>([^<]*)</", Pattern.DOTALL);

    private final URL endpoint;
    private final String authorization;
    private final int timeoutMillis;

    public SoapClient(URI endpoint, String username, String password, Duration timeout) {
        try {
            this.endpoint = endpoint.toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a URL: " + endpoint, e);
        }
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        // Blocking HTTP/1.1 with keep-alive, one connection per client thread, like interface engines.
        // HttpURLConnection costs the driver far less CPU per call than java.net.http's asynchronous
        // client (which shares the 2 cores with the server being measured); without this property
        // it keeps only 5 idle connections and the others would reconnect on every message.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "512");
        }
    }

    public Answer post(String soapAction, String envelope) {
        byte[] body = envelope.getBytes(StandardCharsets.UTF_8);
        HttpURLConnection http = null;
        try {
            http = (HttpURLConnection) endpoint.openConnection();
            http.setConnectTimeout(5000);
            http.setReadTimeout(timeoutMillis);
            http.setDoOutput(true);
            http.setUseCaches(false);
            http.setFixedLengthStreamingMode(body.length);
            http.setRequestMethod("POST");
            http.setRequestProperty("Content-Type", "text/xml; charset=utf-8");
            http.setRequestProperty("SOAPAction", soapAction);
            http.setRequestProperty("Authorization", authorization);
            try (OutputStream out = http.getOutputStream()) {
                out.write(body);
            }
            int status = http.getResponseCode();
            InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
            // Read to the end so the connection goes back to the keep-alive cache.
            String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (in != null) {
                in.close();
            }
            return classify(status, answer);
        } catch (SocketTimeoutException e) {
            disconnect(http);
            return new Answer(Kind.ERROR, "TIMEOUT");
        } catch (ConnectException e) {
            disconnect(http);
            return new Answer(Kind.ERROR, "CONNECTION_REFUSED");
        } catch (IOException e) {
            disconnect(http);
            return new Answer(Kind.ERROR, e.getClass().getSimpleName());
        }
    }

    /**
     * The text of the first element with this local name (any prefix), or null. A plain scan: a regular
     * expression over every acknowledgement was the driver's largest CPU cost, and the driver shares
     * the cores with the server it measures.
     */
    static String firstElementText(String xml, String localName) {
        String name = localName + ">";
        for (int at = xml.indexOf(name); at > 0; at = xml.indexOf(name, at + name.length())) {
            int open = xml.lastIndexOf('<', at);
            boolean opening = open >= 0
                    && xml.charAt(open + 1) != '/'
                    && (open == at - 1 || (xml.charAt(at - 1) == ':' && xml.indexOf('>', open) >= at));
            if (opening) {
                int end = xml.indexOf('<', at + name.length());
                return end < 0 ? null : xml.substring(at + name.length(), end);
            }
        }
        return null;
    }

    private static void disconnect(HttpURLConnection http) {
        if (http != null) {
            http.disconnect();
        }
    }

    /**
     * An acknowledgement is HTTP 200 whose body carries the operation's outcome element; a fault is
     * HTTP 500 with the contract's IngestionFaultDetail; anything else is an error named by status.
     */
    static Answer classify(int status, String body) {
        String text = body == null ? "" : body;
        if (status == 200) {
            String outcome = text.contains("Acknowledgement") ? firstElementText(text, "outcome") : null;
            if (outcome != null) {
                return new Answer(Kind.ACK, outcome.strip());
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
