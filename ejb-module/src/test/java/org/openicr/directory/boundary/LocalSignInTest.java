package org.openicr.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may use the local password form, as a table (issue 19; docs/identity.md, section F). */
class LocalSignInTest {

    @ParameterizedTest(name = "property {0}, variable {1}, provider {2} -> {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "null, null, false, EVERYONE", // no provider: the form is the only way in
                "null, null, true, ADMINISTRATORS", // ./icr run with the provider
                "null, everyone, true, EVERYONE", // the test domain's fixtures
                "null, off, true, OFF",
                "administrators, everyone, true, ADMINISTRATORS", // the property wins (asadmin, live)
                "' Off ', null, false, OFF",
                "null, '', true, ADMINISTRATORS",
                "null, sometimes, false, ADMINISTRATORS", // unknown: never wider than administrators
            })
    void theSetting(String property, String variable, boolean provider, LocalSignIn expected) {
        assertEquals(expected, LocalSignIn.of(property, variable, provider));
    }

    @ParameterizedTest(name = "{0}: roles {1} -> {2}")
    @CsvSource({
        "EVERYONE, R8000, true",
        "EVERYONE, '', true",
        "ADMINISTRATORS, R8015, true", // a local administrator
        "ADMINISTRATORS, R8000, false", // a clinician
        "ADMINISTRATORS, R8015 R8000, false", // an administrator who also works clinically
        "ADMINISTRATORS, R0001, false", // a privacy officer
        "ADMINISTRATORS, '', false", // no usable profile
        "OFF, R8015, false",
    })
    void whoMayUseTheForm(LocalSignIn setting, String roles, boolean admitted) {
        Set<String> codes =
                Arrays.stream(roles.split(" ")).filter(code -> !code.isBlank()).collect(Collectors.toSet());
        assertEquals(admitted, setting.admits(codes));
    }

    @ParameterizedTest(name = "minimum {0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {"3, 3", "2, 2", "' 2 ', 2", "0, 3", "AAL3, 3", "null, 3", "10, 3"})
    void theMinimumAssurance(String setting, int expected) {
        assertEquals(expected, OidcSettings.minimumAssurance(setting).orElse(OidcSettings.DEFAULT_MINIMUM_ASSURANCE));
    }
}
