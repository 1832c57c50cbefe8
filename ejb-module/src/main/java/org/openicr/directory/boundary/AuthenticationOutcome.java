package org.openicr.directory.boundary;

import java.util.Set;

/**
 * The answer to a sign-in attempt: the groups to grant, or nothing. Says nothing about why it failed,
 * except that the caller must wait ({@code retryAfterSeconds} above zero: too many failed attempts,
 * the password was not checked).
 */
public record AuthenticationOutcome(String username, Set<String> groups, long retryAfterSeconds) {

    private static final AuthenticationOutcome INVALID = new AuthenticationOutcome(null, Set.of(), 0);

    public AuthenticationOutcome(String username, Set<String> groups) {
        this(username, groups, 0);
    }

    public static AuthenticationOutcome invalid() {
        return INVALID;
    }

    /** Refused without a password check: try again after this many seconds. */
    public static AuthenticationOutcome delayed(long retryAfterSeconds) {
        return new AuthenticationOutcome(null, Set.of(), Math.max(1, retryAfterSeconds));
    }

    public boolean isValid() {
        return username != null;
    }

    public boolean isDelayed() {
        return retryAfterSeconds > 0;
    }
}
