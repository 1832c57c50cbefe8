package org.openicr.directory.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password an administrator sets must be: long enough to resist guessing (NCSC guidance
 * favours length over composition rules), not the username, and not longer than a hash input
 * should be. Answers the reason a password is refused, so the page can say it.
 */
public final class PasswordRules {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MAXIMUM_LENGTH = 128;

    private PasswordRules() {}

    public static Optional<String> refusal(String username, char[] password) {
        if (password == null || password.length < MINIMUM_LENGTH) {
            return Optional.of("The password must have at least " + MINIMUM_LENGTH + " characters.");
        }
        if (password.length > MAXIMUM_LENGTH) {
            return Optional.of("The password must have at most " + MAXIMUM_LENGTH + " characters.");
        }
        String text = new String(password);
        if (text.isBlank() || text.strip().length() != text.length()) {
            return Optional.of("The password must not start or end with spaces.");
        }
        if (username != null
                && !username.isBlank()
                && text.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not contain the username.");
        }
        return Optional.empty();
    }
}
