package org.openicr.directory.boundary;

import java.util.Set;

/** The answer to a sign-in attempt: the groups to grant, or nothing. Says nothing about why it failed. */
public record AuthenticationOutcome(String username, Set<String> groups) {

    private static final AuthenticationOutcome INVALID = new AuthenticationOutcome(null, Set.of());

    public static AuthenticationOutcome invalid() {
        return INVALID;
    }

    public boolean isValid() {
        return username != null;
    }
}
