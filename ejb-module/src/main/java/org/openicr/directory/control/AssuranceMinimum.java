package org.openicr.directory.control;

import java.util.OptionalInt;

/**
 * The lowest {@code authentication_assurance_level} of a sign-in through the OpenID provider that may
 * open a record (issue 19): the environment variable {@value #VARIABLE}, a level 1 to 9, default
 * {@value #DEFAULT} (a smartcard). Read here, beside the rule that applies it ({@link ActingProfile}).
 */
public final class AssuranceMinimum {

    public static final String VARIABLE = "OPENICR_MINIMUM_ASSURANCE_LEVEL";
    public static final int DEFAULT = 3;

    private AssuranceMinimum() {}

    public static int configured() {
        return of(System.getenv(VARIABLE)).orElse(DEFAULT);
    }

    /** A level 1 to 9; anything else is not a setting (the default applies). */
    public static OptionalInt of(String text) {
        if (text != null && text.strip().matches("[1-9]")) {
            return OptionalInt.of(Integer.parseInt(text.strip()));
        }
        return OptionalInt.empty();
    }
}
