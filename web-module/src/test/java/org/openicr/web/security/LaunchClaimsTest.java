package org.openicr.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of a launch token's claims (issue 19, item 2), as a table: one change from a good launch per row. */
class LaunchClaimsTest {

    private static final String ISS = "https://epr.example.nhs.uk/fhir";
    private static final String AUD = "https://icr.example.nhs.uk/openicr";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static JWTClaimsSet.Builder good() {
        Map<String, Object> relationship = new LinkedHashMap<>();
        relationship.put("kind", "encounter");
        relationship.put("reference", "ENC-1");
        return new JWTClaimsSet.Builder()
                .issuer(ISS)
                .audience(AUD)
                .subject("555000001001")
                .issueTime(Date.from(NOW.minusSeconds(10)))
                .expirationTime(Date.from(NOW.plusSeconds(110)))
                .jwtID("a1b2c3")
                .claim("nhs_number", "9434765919")
                .claim("person_roleid", "555000001101")
                .claim("relationship", relationship);
    }

    @Test
    void aGoodLaunchGivesItsUserPatientRoleAndAssertion() throws Exception {
        LaunchClaims.Launch launch = LaunchClaims.check(good().build(), ISS, AUD, NOW);
        assertEquals("555000001001", launch.userUid());
        assertEquals("9434765919", launch.nhsNumber());
        assertEquals("555000001101", launch.personRoleId());
        assertEquals("encounter ENC-1", launch.assertion());
        assertEquals("a1b2c3", launch.jti());
        assertEquals(NOW.plusSeconds(110), launch.expiresAt());
    }

    @Test
    void withoutARelationshipTheLaunchAssertsNothing() throws Exception {
        LaunchClaims.Launch launch =
                LaunchClaims.check(good().claim("relationship", null).build(), ISS, AUD, NOW);
        assertTrue(!launch.assertsRelationship());
        assertNull(launch.assertion());
    }

    @Test
    void anNhsNumberWrittenWithSpacesIsRead() throws Exception {
        assertEquals(
                "9434765919",
                LaunchClaims.check(good().claim("nhs_number", "943 476 5919").build(), ISS, AUD, NOW)
                        .nhsNumber());
    }

    static Stream<Arguments> refusals() {
        Map<String, Object> unknownKind = Map.of("kind", "friendship");
        Map<String, Object> noKind = Map.of("reference", "ENC-1");
        Map<String, Object> numberReference = Map.of("kind", "referral", "reference", 42);
        return Stream.of(
                row("another issuer", b -> b.issuer("https://other.example/fhir"), "iss"),
                row("no issuer", b -> b.issuer(null), "iss"),
                row("another audience", b -> b.audience("https://elsewhere.example/openicr"), "aud"),
                row("no audience", b -> b.audience((List<String>) null), "aud"),
                row("expired", b -> b.expirationTime(Date.from(NOW.minusSeconds(61))), "expired"),
                row("no expiry", b -> b.expirationTime(null), "exp"),
                row("no issue time", b -> b.issueTime(null), "iat"),
                row("issued in the future", b -> b.issueTime(Date.from(NOW.plusSeconds(120))), "future"),
                row(
                        "lives longer than five minutes",
                        b -> b.issueTime(Date.from(NOW.minusSeconds(10)))
                                .expirationTime(Date.from(NOW.plusSeconds(300))),
                        "longer"),
                row("no jti", b -> b.jwtID(null), "jti"),
                row("no user", b -> b.subject(null), "sub"),
                row("user too long", b -> b.subject("1".repeat(33)), "sub"),
                row("no NHS Number", b -> b.claim("nhs_number", null), "nhs_number"),
                row("NHS Number fails its check digit", b -> b.claim("nhs_number", "9434765918"), "nhs_number"),
                row("NHS Number not digits", b -> b.claim("nhs_number", "94347A5919"), "nhs_number"),
                row("NHS Number as a number", b -> b.claim("nhs_number", 9434765919L), "nhs_number"),
                row(
                        "role id with a control character",
                        b -> b.claim("person_roleid", "5550\u0000001"),
                        "person_roleid"),
                row("relationship not an object", b -> b.claim("relationship", "encounter"), "relationship"),
                row("relationship of an unknown kind", b -> b.claim("relationship", unknownKind), "kind"),
                row("relationship without a kind", b -> b.claim("relationship", noKind), "kind"),
                row("relationship reference not text", b -> b.claim("relationship", numberReference), "reference"));
    }

    private static Arguments row(String name, UnaryOperator<JWTClaimsSet.Builder> change, String named) {
        return Arguments.of(name, change, named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aLaunchBreakingOneRuleIsRefusedNamingIt(
            String name, UnaryOperator<JWTClaimsSet.Builder> change, String named) {
        LaunchClaims.Refused refused = assertThrows(
                LaunchClaims.Refused.class,
                () -> LaunchClaims.check(change.apply(good()).build(), ISS, AUD, NOW));
        assertTrue(refused.getMessage().contains(named), name + ": " + refused.getMessage());
    }
}
