package org.openicr.ingestion.mllp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The MLLP listener's settings as an operator writes them, and what each refuses. */
class MllpSettingsTest {

    private static MllpSettings settings(String port, String bind, String senders) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put(MllpSettings.PORT, port);
        env.put(MllpSettings.BIND, bind);
        env.put(MllpSettings.SENDERS, senders);
        return MllpSettings.from(env::get);
    }

    @Test
    void offUnlessAPortIsSetAndOnTheLoopbackUnlessToldOtherwise() throws Exception {
        MllpSettings off = settings(null, null, null);
        assertNull(off.port());
        assertEquals(InetAddress.getByName("127.0.0.1"), off.bindAddress());
        assertTrue(off.senders().isEmpty());
        assertNull(settings("  ", null, "").port());
        assertEquals(28075, settings("28075", null, null).port());
        assertEquals(
                InetAddress.getByName("0.0.0.0"),
                settings("2575", "0.0.0.0", null).bindAddress());
    }

    @ParameterizedTest(name = "{0} from {1}^{2} at {3}: {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                // senders setting                                           | MSH-3 | MSH-4 | client     | source or
                // none
                "PAS^RX901=avonvale-pas@127.0.0.1                             | PAS   | RX901 | 127.0.0.1  | avonvale-pas",
                "PAS^RX901=avonvale-pas@127.0.0.1                             | PAS   | RX901 | 10.0.0.7   | ",
                "PAS^RX901=avonvale-pas@127.0.0.1                             | PAS   | RX902 | 127.0.0.1  | ",
                "PAS^RX901=avonvale-pas@127.0.0.1                             | pas   | RX901 | 127.0.0.1  | ",
                "PAS^RX901=avonvale-pas@10.0.0.7, 10.0.0.8 ; LAB^RX901=lab@::1 | PAS   | RX901 | 10.0.0.8   | avonvale-pas",
                "PAS^RX901=avonvale-pas@10.0.0.7, 10.0.0.8 ; LAB^RX901=lab@::1 | LAB   | RX901 | 0:0:0:0:0:0:0:1 | lab",
                "PAS^RX901=avonvale-pas@10.0.0.7, 10.0.0.8 ; LAB^RX901=lab@::1 | LAB   | RX901 | 127.0.0.1  | ",
            })
    void aSenderIsItsMshThreeAndFourFromAnAllowedAddress(
            String senders, String application, String facility, String client, String source) throws Exception {
        MllpSettings settings = settings("2575", null, senders);
        String resolved = settings.sender(application, facility)
                .filter(s -> s.allows(address(client)))
                .map(MllpSettings.Sender::sourceCode)
                .orElse(null);
        assertEquals(source, resolved);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "PAS^RX901=avonvale-pas                    | is not MSH-3^MSH-4=source-code@address",
                "PAS=avonvale-pas@127.0.0.1                | is not MSH-3^MSH-4=source-code@address",
                "^RX901=avonvale-pas@127.0.0.1             | is not MSH-3^MSH-4=source-code@address",
                "PAS^RX901=@127.0.0.1                      | names no source code",
                "PAS^RX901=avonvale-pas@                   | allows no address",
                "PAS^RX901=avonvale-pas@pas.example.nhs.uk | is not an IP address",
                "PAS^RX901=a@127.0.0.1;PAS^RX901=b@127.0.0.1 | PAS^RX901 is given twice",
            })
    void anUnreadableSenderStopsTheListenerWithItsReason(String senders, String reason) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> settings("2575", null, senders));
        assertTrue(refused.getMessage().contains(reason), refused::getMessage);
    }

    @ParameterizedTest
    @CsvSource({"0", "65536", "mllp", "-1"})
    void anUnreadablePortIsRefused(String port) {
        assertThrows(IllegalArgumentException.class, () -> settings(port, null, null));
    }

    @Test
    void aBindAddressIsAnIpAddressNeverAName() {
        assertThrows(IllegalArgumentException.class, () -> settings("2575", "localhost", null));
        assertFalse(settings("2575", "::1", null).bindAddress().isAnyLocalAddress());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
