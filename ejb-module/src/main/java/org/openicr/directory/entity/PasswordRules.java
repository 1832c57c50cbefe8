package org.openicr.directory.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be, whether an administrator sets it or its holder changes it: long enough
 * to resist guessing (NCSC guidance favours length over composition rules), not the username, and
 * not longer than a hash input should be. A holder's change must also be typed twice alike and
 * differ from the current password. Answers the reason a password is refused, so the page can say it.
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

    /**
     * What is wrong with a change its holder asks for, before the current password is checked: all
     * fields given, the new one typed twice alike and acceptable. It says nothing about the current
     * password, so it may be answered without counting a failed attempt.
     */
    public static Optional<String> changeRefusal(
            String username, char[] current, char[] newPassword, char[] confirmation) {
        if (current == null || current.length == 0) {
            return Optional.of("Enter your current password.");
        }
        if (newPassword == null || newPassword.length == 0) {
            return Optional.of("Enter a new password.");
        }
        if (!Arrays.equals(newPassword, confirmation)) {
            return Optional.of("The new password and its confirmation are not the same.");
        }
        return refusal(username, newPassword);
    }

    /**
     * Refuses keeping the password an administrator (or anyone else) knows. Only to be asked once
     * the current password is verified, or it would tell a guesser when they guessed right.
     */
    public static Optional<String> reuseRefusal(char[] verifiedCurrent, char[] newPassword) {
        return Arrays.equals(verifiedCurrent, newPassword)
                ? Optional.of("The new password must differ from the current one.")
                : Optional.empty();
    }
}
