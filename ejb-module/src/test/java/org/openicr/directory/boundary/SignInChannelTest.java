package org.openicr.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.directory.entity.AccountKind;

class SignInChannelTest {

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
        "SYSTEM, WEB_SERVICE, true",
        "SYSTEM, PAGE,        false",
        "PERSON, WEB_SERVICE, false",
        "PERSON, PAGE,        true",
    })
    void sourcesAuthenticateOnlyOnWebServicesAndPeopleOnlyOnPages(
            AccountKind kind, SignInChannel channel, boolean admitted) {
        assertEquals(admitted, channel.admits(kind));
    }
}
