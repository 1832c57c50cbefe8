package org.openicr.audit.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123456Z");

    private static AuditChain.Content event(long id, String detail) {
        return new AuditChain.Content(
                id, AT, "RECORD_VIEW", "SUCCESS", "gp.hart", "R8000", "Y90001", 42L, "TREAT", detail);
    }

    @Test
    void theSameEventAfterTheSameHashLinksTheSame() {
        byte[] first = AuditChain.link(null, event(1, "summary"));
        assertArrayEquals(first, AuditChain.link(null, event(1, "summary")));
        assertEquals(32, first.length);
    }

    @Test
    void anyChangeToAnEventChangesItsLink() {
        byte[] original = AuditChain.link(null, event(1, "summary"));
        assertFalse(Arrays.equals(original, AuditChain.link(null, event(1, "summary "))));
        assertFalse(Arrays.equals(original, AuditChain.link(null, event(2, "summary"))));
        assertFalse(Arrays.equals(
                original,
                AuditChain.link(
                        null,
                        new AuditChain.Content(
                                1,
                                AT,
                                "RECORD_VIEW",
                                "SUCCESS",
                                "gp.hart",
                                "R8000",
                                "Y90001",
                                null,
                                "TREAT",
                                "summary"))));
        assertFalse(Arrays.equals(
                original,
                AuditChain.link(
                        null,
                        new AuditChain.Content(
                                1,
                                AT.plusNanos(1000),
                                "RECORD_VIEW",
                                "SUCCESS",
                                "gp.hart",
                                "R8000",
                                "Y90001",
                                42L,
                                "TREAT",
                                "summary"))));
    }

    @Test
    void eachLinkDependsOnThePreviousOne() {
        byte[] a = AuditChain.link(null, event(1, "a"));
        byte[] b = AuditChain.link(a, event(2, "b"));
        byte[] bAfterOther = AuditChain.link(AuditChain.link(null, event(1, "x")), event(2, "b"));
        assertFalse(Arrays.equals(b, bAfterOther));
    }

    @Test
    void separatorsInsideValuesCannotForgeAnotherEvent() {
        AuditChain.Content shifted = new AuditChain.Content(
                1, AT, "RECORD_VIEW", "SUCCESS", "gp.hart'|role='R8000", null, "Y90001", 42L, "TREAT", "x");
        AuditChain.Content plain = new AuditChain.Content(
                1, AT, "RECORD_VIEW", "SUCCESS", "gp.hart", "R8000", "Y90001", 42L, "TREAT", "x");
        assertFalse(Arrays.equals(AuditChain.link(null, shifted), AuditChain.link(null, plain)));
    }

    @Test
    void nullAndTheTextDashAreDifferent() {
        AuditChain.Content nothing =
                new AuditChain.Content(1, AT, "LOGOUT", "SUCCESS", "u", null, null, null, null, null);
        AuditChain.Content dash = new AuditChain.Content(1, AT, "LOGOUT", "SUCCESS", "u", "-", null, null, null, null);
        assertFalse(Arrays.equals(AuditChain.link(null, nothing), AuditChain.link(null, dash)));
    }

    @Test
    void theLinkIsSha256OfPreviousHashAndCanonicalContent() throws Exception {
        AuditChain.Content content =
                new AuditChain.Content(7, AT, "LOGIN", "SUCCESS", "u", null, null, null, null, null);
        byte[] expected = java.security.MessageDigest.getInstance("SHA-256")
                .digest(
                        "id=7|at=2026-11-22T10:15:30.123456Z|action='LOGIN'|outcome='SUCCESS'|user='u'|role=-|org=-|person=-|purpose=-|detail=-"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(AuditChain.link(null, content)));
    }
}
