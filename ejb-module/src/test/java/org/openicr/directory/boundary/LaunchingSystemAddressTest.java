package org.openicr.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.vocabulary.IcrException;

/** Which addresses a launching system may be registered with (issue 19, item 2): https, or http on this machine. */
class LaunchingSystemAddressTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "https://epr.example.nhs.uk/fhir, accepted",
        "https://epr.example.nhs.uk:8443/fhir/R4, accepted",
        "http://localhost:28080/demo-epr, accepted",
        "http://127.0.0.1:28080/demo-epr/.well-known/jwks.json, accepted",
        "http://epr.example.nhs.uk/fhir, refused",
        "ftp://epr.example.nhs.uk/fhir, refused",
        "https://user:secret@epr.example.nhs.uk/fhir, refused",
        "https://epr.example.nhs.uk/fhir#part, refused",
        "epr.example.nhs.uk/fhir, refused",
        "https:///no-host, refused",
        "'https://epr.example.nhs.uk/a b', refused",
        "'   ', refused",
    })
    void anAddressIsHttpsOrLocal(String address, String expected) {
        if (expected.equals("accepted")) {
            assertEquals(address.strip(), LaunchingSystems.address(address, "The iss"));
        } else {
            assertThrows(IcrException.class, () -> LaunchingSystems.address(address, "The iss"));
        }
    }

    @ParameterizedTest
    @CsvSource({"201", "501"})
    void anAddressLongerThan500CharactersIsRefused(int length) {
        String address = "https://epr.example.nhs.uk/" + "a".repeat(length);
        if (address.length() > 500) {
            assertThrows(IcrException.class, () -> LaunchingSystems.address(address, "The iss"));
        } else {
            assertEquals(address, LaunchingSystems.address(address, "The iss"));
        }
    }
}
