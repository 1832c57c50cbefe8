package org.openicr.directory.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/** Issue 19: a sign-in below the minimum assurance level opens no record (the access path's rule). */
class AssuranceRuleTest {

    @ParameterizedTest(name = "level {0}, minimum {1} -> refused {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "3, 3, false", // smartcard
                "2, 3, true", // authenticator app
                "0, 3, true", // the token said nothing
                "2, 2, false", // a region that accepts AAL2
                "4, 3, false",
                "null, 3, false", // a local password sign-in: the local sign-in setting governs it
            })
    void theRule(Integer level, int minimum, boolean refused) {
        if (refused) {
            IcrException e = assertThrows(IcrException.class, () -> ActingProfile.checkAssurance(level, minimum));
            assertEquals(ErrorCode.NOT_PERMITTED, e.code());
            assertEquals(true, e.getMessage().contains("assurance level " + level), e.getMessage());
        } else {
            assertDoesNotThrow(() -> ActingProfile.checkAssurance(level, minimum));
        }
    }
}
