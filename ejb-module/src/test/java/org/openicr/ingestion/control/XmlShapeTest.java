package org.openicr.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XmlShapeTest {

    private static final String ENVELOPE_OPEN =
            "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>";
    private static final String ENVELOPE_CLOSE = "</soapenv:Body></soapenv:Envelope>";

    static String nested(int depth) {
        StringBuilder s = new StringBuilder(ENVELOPE_OPEN);
        s.append("<a>".repeat(depth)).append("x").append("</a>".repeat(depth));
        return s.append(ENVELOPE_CLOSE).toString();
    }

    static String attributes(int count) {
        StringBuilder s = new StringBuilder(ENVELOPE_OPEN).append("<a");
        for (int i = 0; i < count; i++) {
            s.append(" a").append(i).append("='>").append(i).append("'");
        }
        return s.append("/>").append(ENVELOPE_CLOSE).toString();
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("a valid message of the contract", nested(5), XmlShape.Verdict.OK),
                Arguments.of("the deepest nesting allowed", nested(XmlShape.MAX_DEPTH - 2), XmlShape.Verdict.OK),
                Arguments.of("one level too deep", nested(XmlShape.MAX_DEPTH - 1), XmlShape.Verdict.TOO_COMPLEX),
                Arguments.of("200,000 levels", nested(200_000), XmlShape.Verdict.TOO_COMPLEX),
                Arguments.of(
                        "self-closing elements do not nest",
                        ENVELOPE_OPEN + "<a/>".repeat(100_000) + ENVELOPE_CLOSE,
                        XmlShape.Verdict.OK),
                Arguments.of(
                        "markup in CDATA, comments and attribute values is not counted",
                        ENVELOPE_OPEN + "<a b='<c><c><c>'><![CDATA[" + "<x>".repeat(1000) + "]]><!--"
                                + "<y>".repeat(1000) + "--></a>" + ENVELOPE_CLOSE,
                        XmlShape.Verdict.OK),
                Arguments.of(
                        "escaped text is not markup",
                        ENVELOPE_OPEN + "<a>" + "&lt;b&gt;".repeat(1000) + "</a>" + ENVELOPE_CLOSE,
                        XmlShape.Verdict.OK),
                Arguments.of("64 attributes", attributes(XmlShape.MAX_ATTRIBUTES), XmlShape.Verdict.OK),
                Arguments.of("65 attributes", attributes(XmlShape.MAX_ATTRIBUTES + 1), XmlShape.Verdict.TOO_COMPLEX),
                Arguments.of(
                        "an overlong element name",
                        ENVELOPE_OPEN + "<" + "n".repeat(XmlShape.MAX_NAME + 1) + "/>" + ENVELOPE_CLOSE,
                        XmlShape.Verdict.TOO_COMPLEX),
                Arguments.of(
                        "an overlong attribute name",
                        ENVELOPE_OPEN + "<a " + "n".repeat(XmlShape.MAX_NAME + 1) + "='1'/>" + ENVELOPE_CLOSE,
                        XmlShape.Verdict.TOO_COMPLEX),
                Arguments.of("a DOCTYPE", "<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>", XmlShape.Verdict.DECLARATION),
                Arguments.of(
                        "an XML declaration in UTF-8",
                        "<?xml version='1.0' encoding='utf-8'?>" + nested(3),
                        XmlShape.Verdict.OK),
                Arguments.of(
                        "an encoding the scan cannot read",
                        "<?xml version='1.0' encoding='IBM037'?>" + nested(3),
                        XmlShape.Verdict.ENCODING),
                Arguments.of("text before the first element", "hello" + nested(3), XmlShape.Verdict.ENCODING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void verdicts(String name, String message, XmlShape.Verdict expected) {
        assertEquals(
                expected,
                XmlShape.check(message.getBytes(StandardCharsets.UTF_8)).verdict(),
                name);
    }

    @Test
    void utf16IsReadAsSuch() {
        String deep = nested(XmlShape.MAX_DEPTH);
        assertEquals(
                XmlShape.Verdict.TOO_COMPLEX,
                XmlShape.check(deep.getBytes(StandardCharsets.UTF_16)).verdict());
        assertEquals(
                XmlShape.Verdict.TOO_COMPLEX,
                XmlShape.check(deep.getBytes(StandardCharsets.UTF_16LE)).verdict());
        assertEquals(
                XmlShape.Verdict.TOO_COMPLEX,
                XmlShape.check(deep.getBytes(StandardCharsets.UTF_16BE)).verdict());
        assertEquals(
                XmlShape.Verdict.OK,
                XmlShape.check(nested(3).getBytes(StandardCharsets.UTF_16)).verdict());
    }

    @Test
    void ucs4AndEbcdicAreRefused() {
        byte[] ebcdic = {0x4C, 0x6F, (byte) 0xA7, (byte) 0x94};
        assertEquals(XmlShape.Verdict.ENCODING, XmlShape.check(ebcdic).verdict());
        byte[] ucs4 = {0, 0, 0, '<', 0, 0, 0, 'a'};
        assertEquals(XmlShape.Verdict.ENCODING, XmlShape.check(ucs4).verdict());
    }

    /** Refusing 200,000 nested elements (1.4 MB) and a 10 MiB one takes milliseconds, not seconds. */
    @Test
    void aDepthBombIsRefusedInMilliseconds() {
        byte[] bomb = nested(200_000).getBytes(StandardCharsets.UTF_8);
        byte[] big = nested(1_400_000).getBytes(StandardCharsets.UTF_8);
        for (int warm = 0; warm < 20; warm++) {
            XmlShape.check(bomb);
        }
        long t0 = System.nanoTime();
        assertEquals(XmlShape.Verdict.TOO_COMPLEX, XmlShape.check(bomb).verdict());
        long t1 = System.nanoTime();
        assertEquals(XmlShape.Verdict.TOO_COMPLEX, XmlShape.check(big).verdict());
        long t2 = System.nanoTime();
        assertTrue(big.length > 10 * 1024 * 1024 - 1024 * 1024, "the second one is about 10 MiB");
        assertTrue(t1 - t0 < 100_000_000L, "200,000 levels took " + (t1 - t0) / 1e6 + " ms");
        assertTrue(t2 - t1 < 100_000_000L, "10 MiB took " + (t2 - t1) / 1e6 + " ms");
    }

    /** What the scan costs on messages that pass: printed for docs/benchmarks.md. */
    @Test
    void costOnMessagesThatPass() {
        String item = "<icr:item><icr:category>MEDICATIONS</icr:category><icr:sourceKey>k-1</icr:sourceKey>"
                + "<icr:version>1</icr:version><icr:status>active</icr:status><icr:code><icr:system>DMD</icr:system>"
                + "<icr:code>39720311000001101</icr:code><icr:display>Amlodipine 5mg tablets</icr:display></icr:code>"
                + "<icr:text>One daily</icr:text><icr:detail><icr:name>dose</icr:name><icr:value>5 mg</icr:value>"
                + "</icr:detail></icr:item>";
        byte[] batch = (ENVELOPE_OPEN + "<icr:ItemBatch xmlns:icr='urn:openicr:ingestion:v1'>" + item.repeat(50)
                        + "</icr:ItemBatch>" + ENVELOPE_CLOSE)
                .getBytes(StandardCharsets.UTF_8);
        byte[] document = (ENVELOPE_OPEN + "<d>" + "QUJD".repeat(2_600_000) + "</d>" + ENVELOPE_CLOSE)
                .getBytes(StandardCharsets.UTF_8);
        for (int warm = 0; warm < 2000; warm++) {
            assertEquals(XmlShape.Verdict.OK, XmlShape.check(batch).verdict());
        }
        // CPU time of this thread: the machine running the tests is shared, so wall time overstates it.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        int runs = 5000;
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < runs; r++) {
            XmlShape.check(batch);
        }
        long perBatch = (cpu.getCurrentThreadCpuTime() - t0) / runs;
        for (int warm = 0; warm < 5; warm++) {
            XmlShape.check(document);
        }
        long t1 = cpu.getCurrentThreadCpuTime();
        assertEquals(XmlShape.Verdict.OK, XmlShape.check(document).verdict());
        long perDocument = cpu.getCurrentThreadCpuTime() - t1;
        byte[] bomb = nested(200_000).getBytes(StandardCharsets.UTF_8);
        long t2 = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < runs; r++) {
            XmlShape.check(bomb);
        }
        long perBomb = (cpu.getCurrentThreadCpuTime() - t2) / runs;
        System.out.printf(
                "XmlShape CPU: 50-item batch (%d bytes) %.1f us; %d-byte document message %.2f ms;"
                        + " 200,000-level bomb refused in %.1f us%n",
                batch.length, perBatch / 1e3, document.length, perDocument / 1e6, perBomb / 1e3);
        assertTrue(perBatch < 2_000_000L, "a batch took " + perBatch + " ns");
    }
}
