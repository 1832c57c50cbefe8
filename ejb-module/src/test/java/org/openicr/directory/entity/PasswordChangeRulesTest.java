package org.openicr.directory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordChangeRulesTest {

    private static char[] chars(String text) {
        return text == null ? null : text.toCharArray();
    }

    @ParameterizedTest(name = "current \"{0}\", new \"{1}\", again \"{2}\": {3}")
    @CsvSource({
        "Old-password-1, New-password-22, New-password-22,  ",
        ",               New-password-22, New-password-22,  Enter your current password.",
        "'',             New-password-22, New-password-22,  Enter your current password.",
        "Old-password-1, ,                ,                 Enter a new password.",
        "Old-password-1, '',              '',               Enter a new password.",
        "Old-password-1, New-password-22, New-password-23,  The new password and its confirmation are not the same.",
        "Old-password-1, New-password-22, ,                 The new password and its confirmation are not the same.",
        "Old-password-1, short-pw,        short-pw,         The password must have at least 12 characters.",
        "Old-password-1, my-jo.bloggs-pw, my-jo.bloggs-pw,  The password must not contain the username.",
        "Old-password-1, ' spaced-out-pw ', ' spaced-out-pw ', The password must not start or end with spaces.",
    })
    void aChangeNeedsAllFieldsTheSameNewPasswordTwiceAndTheAdministratorsRules(
            String current, String newPassword, String confirmation, String refusal) {
        assertEquals(
                Optional.ofNullable(refusal),
                PasswordRules.changeRefusal("jo.bloggs", chars(current), chars(newPassword), chars(confirmation)));
    }

    @Test
    void aMismatchIsToldBeforeTheLengthSoTheHolderRetypesOnce() {
        assertEquals(
                Optional.of("The new password and its confirmation are not the same."),
                PasswordRules.changeRefusal("jo.bloggs", chars("Old-password-1"), chars("short"), chars("shirt")));
    }

    @Test
    void theNewPasswordMustDifferFromTheVerifiedCurrentOne() {
        assertEquals(
                Optional.of("The new password must differ from the current one."),
                PasswordRules.reuseRefusal(chars("Same-password-9"), chars("Same-password-9")));
        assertTrue(PasswordRules.reuseRefusal(chars("Same-password-9"), chars("same-password-9"))
                .isEmpty());
    }

    @Test
    void anAdministratorsPasswordMustBeChangedAndTheHoldersOwnNeedNot() {
        UserAccount account = new UserAccount("jo.bloggs", "Jo Bloggs", AccountKind.PERSON, "hash-0");
        assertEquals(false, account.isMustChangePassword(), "a new entity (demo, tests, CLI) is not forced");
        account.recordFailedLogin(java.time.Instant.now());
        account.setPasswordByAdministrator("hash-1");
        assertTrue(account.isMustChangePassword());
        assertEquals(0, account.getFailedLogins());
        account.changeOwnPassword("hash-2");
        assertEquals(false, account.isMustChangePassword());
        assertEquals("hash-2", account.getPasswordHash());
    }
}
