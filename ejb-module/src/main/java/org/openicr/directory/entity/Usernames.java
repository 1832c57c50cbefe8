package org.openicr.directory.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Usernames and ODS codes as the directory accepts them: short, printable, with no spaces, so
 * that they read unambiguously in audit events and HTTP Basic headers.
 */
public final class Usernames {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,99}");
    private static final Pattern ODS_CODE = Pattern.compile("[A-Z0-9]{3,12}");

    private Usernames() {}

    /** The username in its stored form (lower case, trimmed), or empty when it cannot be one. */
    public static Optional<String> username(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip().toLowerCase(Locale.ROOT);
        return USERNAME.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }

    /** The ODS code in its stored form (upper case, trimmed), or empty when it cannot be one. */
    public static Optional<String> odsCode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip().toUpperCase(Locale.ROOT);
        return ODS_CODE.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }
}
