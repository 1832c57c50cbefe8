package org.openicr.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private final VerifiedCredentials credentials = new VerifiedCredentials();

    @Test
    void aRememberedCredentialGivesItsGroups() {
        credentials.remember("sys.a", "secret".toCharArray(), Set.of("SOURCE_SYSTEM"));
        assertEquals(Optional.of(Set.of("SOURCE_SYSTEM")), credentials.groupsFor("sys.a", "secret".toCharArray()));
    }

    @Test
    void anotherPasswordIsNotRecognised() {
        credentials.remember("sys.a", "secret".toCharArray(), Set.of("SOURCE_SYSTEM"));
        assertTrue(credentials.groupsFor("sys.a", "secret2".toCharArray()).isEmpty());
        assertTrue(credentials.groupsFor("sys.a", "".toCharArray()).isEmpty());
    }

    @Test
    void anotherAccountWithTheSamePasswordIsNotRecognised() {
        credentials.remember("sys.a", "secret".toCharArray(), Set.of("SOURCE_SYSTEM"));
        assertTrue(credentials.groupsFor("sys.b", "secret".toCharArray()).isEmpty());
    }

    @Test
    void aForgottenAccountMustBeCheckedAgain() {
        credentials.remember("sys.a", "secret".toCharArray(), Set.of("SOURCE_SYSTEM"));
        credentials.forget("sys.a");
        assertTrue(credentials.groupsFor("sys.a", "secret".toCharArray()).isEmpty());
    }
}
