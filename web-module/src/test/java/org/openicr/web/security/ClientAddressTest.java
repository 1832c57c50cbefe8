package org.openicr.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressTest {

    private static final Set<String> PROXIES = ClientAddress.trusted(" 10.0.0.1, 10.0.0.2 ,");

    @ParameterizedTest(name = "from {0} with X-Forwarded-For [{1}]: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // Not from a trusted proxy: its X-Forwarded-For is the caller's own claim, ignored.
                "203.0.113.9 | 198.51.100.1         | 203.0.113.9",
                "203.0.113.9 |                      | 203.0.113.9",
                // From a trusted proxy: the last hop it saw.
                "10.0.0.1    | 198.51.100.1         | 198.51.100.1",
                "10.0.0.1    | 6.6.6.6, 198.51.100.1 | 198.51.100.1",
                // Through two trusted proxies.
                "10.0.0.1    | 198.51.100.1, 10.0.0.2 | 198.51.100.1",
                // A trusted proxy with nothing forwarded, or only proxies, is itself the client.
                "10.0.0.1    |                      | 10.0.0.1",
                "10.0.0.1    | 10.0.0.2             | 10.0.0.2",
                // Garbage is not trusted.
                "10.0.0.1    | 198.51.100.1, ,      | 10.0.0.1",
            })
    void theClientIsTheLastAddressNoTrustedProxyAdded(String remote, String forwarded, String expected) {
        assertEquals(expected, ClientAddress.of(remote, forwarded, PROXIES));
    }

    @ParameterizedTest(name = "setting [{0}]: {1} proxies")
    @CsvSource(
            delimiter = '|',
            value = {"|0", "127.0.0.1|1", "127.0.0.1,::1|2", " , |0"})
    void theSettingListsAddresses(String setting, int count) {
        assertEquals(count, ClientAddress.trusted(setting).size());
    }
}
