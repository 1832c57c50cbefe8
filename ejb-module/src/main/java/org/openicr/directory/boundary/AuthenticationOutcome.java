package org.openicr.directory.boundary;

import java.util.Set;

/**
 * The answer to a sign-in attempt: the groups to grant, or nothing. Says nothing about why it failed,
 * except that the caller must wait ({@code retryAfterSeconds} above zero: too many failed attempts,
 * the password was not checked).
 */
public record AuthenticationOutcome(
        String username, Set<String> groups, long retryAfterSeconds, boolean isProviderOnly) {

    private static final AuthenticationOutcome INVALID = new AuthenticationOutcome(null, Set.of(), 0);
    private static final AuthenticationOutcome PROVIDER_ONLY = new AuthenticationOutcome(null, Set.of(), 0, true);

    public AuthenticationOutcome(String username, Set<String> groups, long retryAfterSeconds) {
        this(username, groups, retryAfterSeconds, false);
    }

    public AuthenticationOutcome(String username, Set<String> groups) {
        this(username, groups, 0);
    }

    /**
     * The password was right, but this account may not use the local form ({@link LocalSignIn}): the
     * person signs in with their NHS identity. Said only after the right password, so it tells a
     * guesser nothing.
     */
    public static AuthenticationOutcome mustUseProvider() {
        return PROVIDER_ONLY;
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
