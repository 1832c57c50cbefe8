package org.openicr.directory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectoryRulesTest {

    @ParameterizedTest(name = "{0} / \"{1}\": {2}")
    @CsvSource({
        "jo.bloggs, Correct-horse-1,              ",
        "jo.bloggs, short-pw,                     at least 12",
        "jo.bloggs, 'abcdefghijk',                at least 12",
        "jo.bloggs, 'abcdefghijkl',               ",
        "jo.bloggs, ' padded-password ',          spaces",
        "jo.bloggs, 'xxJO.BLOGGSxx-2026',         username",
        "jo.bloggs, '            ',               spaces",
    })
    void aPasswordIsLongEnoughAndNotTheUsername(String username, String password, String refusal) {
        Optional<String> answer = PasswordRules.refusal(username, password.toCharArray());
        if (refusal == null) {
            assertTrue(answer.isEmpty(), () -> answer.orElse(""));
        } else {
            assertTrue(answer.orElseThrow().contains(refusal), answer::orElseThrow);
        }
    }

    @org.junit.jupiter.api.Test
    void aPasswordHasAnUpperLimitAndMayNotBeMissing() {
        assertFalse(PasswordRules.refusal("a", "x".repeat(129).toCharArray()).isEmpty());
        assertTrue(PasswordRules.refusal("a", "y".repeat(128).toCharArray()).isEmpty());
        assertFalse(PasswordRules.refusal("a", null).isEmpty());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
        "gp.hart,            gp.hart",
        "'  Nurse.Okafor ',  nurse.okafor",
        "sys.riverside-gp,   sys.riverside-gp",
        "ab,                 ",
        "'has space',        ",
        "-leading,           ",
        "'',                 ",
    })
    void usernamesAreStoredTrimmedInLowerCase(String text, String expected) {
        assertEquals(Optional.ofNullable(expected), Usernames.username(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({"y90001, Y90001", "' RX901 ', RX901", "LA-901, ", "AB, ", "'', "})
    void odsCodesAreStoredTrimmedInUpperCase(String text, String expected) {
        assertEquals(Optional.ofNullable(expected), Usernames.odsCode(text));
    }
}
