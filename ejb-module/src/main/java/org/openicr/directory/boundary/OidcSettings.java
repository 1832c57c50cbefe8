package org.openicr.directory.boundary;

import java.util.OptionalInt;
import org.openicr.directory.control.AssuranceMinimum;

/**
 * The OpenID provider settings both layers read, from the server's environment (given by
 * {@code ./icr run} like the database password: never in git, never logged). The web layer reads
 * the issuer, client id and secret itself (security package); here: whether one is configured, and
 * the minimum assurance level to open a record.
 */
public final class OidcSettings {

    /** The issuer URL, e.g. {@code http://127.0.0.1:28280/realms/cis2-demo}. */
    public static final String ISSUER = "OPENICR_OIDC_ISSUER";

    public static final String CLIENT_ID = "OPENICR_OIDC_CLIENT_ID";
    public static final String CLIENT_SECRET = "OPENICR_OIDC_CLIENT_SECRET";

    /** The lowest {@code authentication_assurance_level} that may open a record (default 3, a smartcard). */
    public static final String MINIMUM_ASSURANCE = AssuranceMinimum.VARIABLE;

    public static final int DEFAULT_MINIMUM_ASSURANCE = AssuranceMinimum.DEFAULT;

    private OidcSettings() {}

    public static boolean issuerConfigured() {
        String issuer = System.getenv(ISSUER);
        return issuer != null && !issuer.isBlank();
    }

    public static int minimumAssurance() {
        return AssuranceMinimum.configured();
    }

    /** A level 1 to 9; anything else is not a setting (the default applies). */
    static OptionalInt minimumAssurance(String text) {
        return AssuranceMinimum.of(text);
    }
}
