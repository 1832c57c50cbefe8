package org.openicr.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.directory.boundary.NationalRbacClaims.TokenIdentity;
import org.openicr.directory.boundary.NationalRbacClaims.TokenProfile;

/** The CIS2 claims as the token carries them, read into the directory's terms (docs/identity.md, E). */
class NationalRbacClaimsTest {

    @ParameterizedTest(name = "role_code {0} -> job role {1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "R8000, R8000", // the demo realm
                "S8000:G8000:R8000, R8000", // live CIS2: staff group, subgroup, job role
                "S0080:G0450:R5105, R5105",
                "'S8000:G8000: R8003 ', R8003",
                "S8000:G8000:, null", // no job role after the last colon
                "'', null",
                "r8000, null", // not a code
                "R8000;drop, null",
                "null, null"
            })
    void theJobRoleIsThePartAfterTheLastColon(String roleCode, String expected) {
        assertEquals(Optional.ofNullable(expected), NationalRbacClaims.jobRoleCode(roleCode));
    }

    @ParameterizedTest(name = "authentication_assurance_level {0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {"3, 3", "2, 2", "' 3 ', 3", "AAL3, 0", "'', 0", "null, 0", "10, 0"})
    void theAssuranceLevelIsANumberOrZero(String claim, int expected) {
        assertEquals(expected, NationalRbacClaims.assuranceLevel(claim));
    }

    @Test
    void aNumericAssuranceLevelIsReadToo() {
        assertEquals(3, NationalRbacClaims.assuranceLevel(3L));
    }

    @Test
    void eachRoleObjectIsAProfileAndTheBadOnesAreCounted() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("nhsid_useruid", "555000000701");
        claims.put("preferred_username", "dr.lee");
        claims.put("name", "Dr Jo Lee");
        claims.put("authentication_assurance_level", "3");
        claims.put(
                "nhsid_nrbac_roles",
                List.of(
                        Map.of(
                                "person_roleid", "555000001701",
                                "org_code", "RX901",
                                "role_code", "S8000:G8000:R8000",
                                "role_name",
                                        "\"Clinical\":\"Clinical Provision\":\"Clinical Practitioner Access Role\""),
                        Map.of(
                                "person_roleid", "555000001702",
                                "org_code", "RX903",
                                "role_code", "R8003",
                                "role_name", "Health Professional Access Role",
                                "activity_codes", List.of("B0083", "B0264")),
                        Map.of("person_roleid", "555000001703", "org_code", "RX903"), // no role_code
                        "not an object"));
        TokenIdentity identity = NationalRbacClaims.read(claims).orElseThrow();
        assertEquals("555000000701", identity.useruid());
        assertEquals("dr.lee", identity.preferredUsername());
        assertEquals(3, identity.assuranceLevel());
        assertEquals(2, identity.malformed());
        assertEquals(
                List.of(
                        new TokenProfile(
                                "555000001701", "R8000", "RX901", "Clinical Practitioner Access Role", List.of()),
                        new TokenProfile(
                                "555000001702",
                                "R8003",
                                "RX903",
                                "Health Professional Access Role",
                                List.of("B0083", "B0264"))),
                identity.profiles());
        assertFalse(identity.profiles().get(0).mayBreakSeal());
        assertTrue(identity.profiles().get(1).mayBreakSeal(), "B0083: temporary access to sealed data");
    }

    @ParameterizedTest(name = "nhsid_useruid {0}: no identity")
    @CsvSource(
            nullValues = "null",
            value = {"null", "''", "'555 000'", "5550000007015550000007015550000007"})
    void withoutAUsableUserIdTheTokenNamesNobody(String useruid) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("nhsid_useruid", useruid);
        assertTrue(NationalRbacClaims.read(claims).isEmpty());
    }

    @Test
    void withoutTheRolesClaimThereAreNoProfiles() {
        TokenIdentity identity =
                NationalRbacClaims.read(Map.of("nhsid_useruid", "555000000101")).orElseThrow();
        assertEquals(List.of(), identity.profiles());
        assertEquals(0, identity.assuranceLevel(), "no level said: below any minimum");
    }
}
