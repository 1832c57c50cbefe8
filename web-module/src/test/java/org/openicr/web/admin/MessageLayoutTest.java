package org.openicr.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageLayoutTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // as received | as laid out (\n written as ¶)
                "<a><b>x</b><c/></a>|<a>¶  <b>x</b>¶  <c/>¶</a>",
                "<s:Envelope xmlns:s='urn:s'><s:Body><m id='1'><n>  two words </n></m></s:Body></s:Envelope>"
                        + "|<s:Envelope xmlns:s=\"urn:s\">¶  <s:Body>¶    <m id=\"1\">¶      <n>  two words </n>¶    </m>¶  </s:Body>¶</s:Envelope>",
                "<a>¶   <b>1 &lt; 2 &amp; 3</b>¶</a>|<a>¶  <b>1 &lt; 2 &amp; 3</b>¶</a>",
                "<a><!-- note --><b>t</b></a>|<a>¶  <!-- note -->¶  <b>t</b>¶</a>",
                "<a>text<b>t</b></a>|<a>¶  text¶  <b>t</b>¶</a>",
                "<a x='&quot;q&quot;'/>|<a x=\"&quot;q&quot;\"/>",
                // not XML, or broken XML: as it came
                "<a><b></a>|<a><b></a>",
                "plain text|plain text",
                "{\"json\": true}|{\"json\": true}",
            })
    void xmlIsIndentedAndAnythingElseIsAnsweredAsItCame(String raw, String laidOut) {
        assertEquals(laidOut.replace("¶", "\n"), MessageLayout.format(raw.replace("¶", "\n")));
    }

    @Test
    void hl7IsOneSegmentALineWithItsFieldsNumberedAsHl7NumbersThem() {
        String er7 = "MSH|^~\\&|PAS|RX1|ICR|ICR|20260715090000||ADT^A01|CTRL1|P|2.4\r"
                + "PID|1||9434765919^^^NHS^NH||SMITH^JOHN||19800101|M\r\n"
                + "PV1|1|I\n";
        assertEquals(
                String.join(
                        "\n",
                        "MSH|^~\\&|PAS|RX1|ICR|ICR|20260715090000||ADT^A01|CTRL1|P|2.4",
                        "  MSH-1   |",
                        "  MSH-2   ^~\\&",
                        "  MSH-3   PAS",
                        "  MSH-4   RX1",
                        "  MSH-5   ICR",
                        "  MSH-6   ICR",
                        "  MSH-7   20260715090000",
                        "  MSH-9   ADT^A01",
                        "  MSH-10  CTRL1",
                        "  MSH-11  P",
                        "  MSH-12  2.4",
                        "PID|1||9434765919^^^NHS^NH||SMITH^JOHN||19800101|M",
                        "  PID-1   1",
                        "  PID-3   9434765919^^^NHS^NH",
                        "  PID-5   SMITH^JOHN",
                        "  PID-7   19800101",
                        "  PID-8   M",
                        "PV1|1|I",
                        "  PV1-1   1",
                        "  PV1-2   I"),
                MessageLayout.format(er7));
    }

    @Test
    void hl7InsideTheSoapMessageIsLaidOutInItsElement() {
        String raw = "<icr:Hl7Message xmlns:icr='urn:icr'><icr:er7>MSH|^~\\&amp;|PAS||||||ADT^A08|C2|P|2.4&#13;"
                + "EVN|A08</icr:er7></icr:Hl7Message>";
        String laidOut = MessageLayout.format(raw);
        assertEquals(
                String.join(
                        "\n",
                        "<icr:Hl7Message xmlns:icr=\"urn:icr\">",
                        "  <icr:er7>",
                        "    MSH|^~\\&amp;|PAS||||||ADT^A08|C2|P|2.4",
                        "      MSH-1   |",
                        "      MSH-2   ^~\\&amp;",
                        "      MSH-3   PAS",
                        "      MSH-9   ADT^A08",
                        "      MSH-10  C2",
                        "      MSH-11  P",
                        "      MSH-12  2.4",
                        "    EVN|A08",
                        "      EVN-1   A08",
                        "  </icr:er7>",
                        "</icr:Hl7Message>"),
                laidOut);
    }

    @Test
    void noEntityIsResolvedExternalOrInternal() throws Exception {
        Path secret = Files.createTempFile("layout", ".txt");
        Files.writeString(secret, "SECRET-CONTENT");
        try {
            String external =
                    "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><a>&x;</a>";
            assertEquals(external, MessageLayout.format(external), "answered as it came, never expanded");
            assertFalse(MessageLayout.format(external).contains("SECRET-CONTENT"));
            String bomb = "<!DOCTYPE a [<!ENTITY b \"bbbbbbbbbb\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><a>&c;</a>";
            assertEquals(bomb, MessageLayout.format(bomb));
            String include = "<a xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + secret.toUri()
                    + "\" parse=\"text\"/></a>";
            assertFalse(MessageLayout.format(include).contains("SECRET-CONTENT"));
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void nothingStaysNothing() {
        assertNull(MessageLayout.format(null));
        assertEquals("", MessageLayout.format(""));
    }
}
