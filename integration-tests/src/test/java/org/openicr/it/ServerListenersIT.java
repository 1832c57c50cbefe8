package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16, item 5: the test domain, made by server-config/openicr-domain.sh exactly as ./icr run
 * makes the demo's, listens on this machine only: HTTP, HTTPS and admin answer on 127.0.0.1 and
 * refuse connections on the machine's other addresses, IIOP, JMX and the data grid likewise, JMS is
 * off; and the admin refuses a request without the admin password.
 */
@ExtendWith(ArquillianExtension.class)
class ServerListenersIT {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    private static int portBase() {
        return TestEnvironment.adminPort() - 48;
    }

    /** Payara's listeners of the domain, by the offsets create-domain --portbase gives them. */
    private static Map<String, Integer> listeners() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("http", portBase() + 80);
        ports.put("https", portBase() + 81);
        ports.put("admin", portBase() + 48);
        ports.put("iiop", portBase() + 37);
        ports.put("jmx", portBase() + 86);
        ports.put("data grid", portBase() + 49);
        return ports;
    }

    /** The machine's own addresses other than the loopback (the ones a stranger on the network reaches). */
    private static List<InetAddress> networkAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        addresses.add(address);
                    }
                }
            }
        }
        return addresses;
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void theListenersAnswerOnThisMachineOnlyAndJmsIsOff() throws Exception {
        List<InetAddress> network = networkAddresses();
        assertFalse(network.isEmpty(), "this test needs a network address besides the loopback");
        List<String> seen = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (Map.Entry<String, Integer> listener : listeners().entrySet()) {
            if (!listener.getKey().equals("iiop")) { // IIOP starts lazily, at its first use
                seen.add(listener.getKey() + " on 127.0.0.1: " + accepts(loopback, listener.getValue()));
                expected.add(listener.getKey() + " on 127.0.0.1: true");
            }
            for (InetAddress address : network) {
                seen.add(listener.getKey() + " on " + address.getHostAddress() + ": "
                        + accepts(address, listener.getValue()));
                expected.add(listener.getKey() + " on " + address.getHostAddress() + ": false");
            }
        }
        seen.add("jms on 127.0.0.1: " + accepts(loopback, portBase() + 76));
        expected.add("jms on 127.0.0.1: false");
        assertEquals(expected, seen);
    }

    @Test
    void theAdminRefusesARequestWithoutTheAdminPassword() throws Exception {
        URI domain = URI.create("http://127.0.0.1:" + TestEnvironment.adminPort() + "/management/domain");
        assertEquals(401, status(domain, null), "no credentials");
        assertEquals(401, status(domain, "admin:"), "the empty password of an old domain");
        assertEquals(401, status(domain, "admin:wrong-" + TestEnvironment.adminPassword()), "a wrong password");
        assertEquals(200, status(domain, "admin:" + TestEnvironment.adminPassword()), "the admin password");
    }

    private static int status(URI uri, String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .header("X-Requested-By", "ServerListenersIT");
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
