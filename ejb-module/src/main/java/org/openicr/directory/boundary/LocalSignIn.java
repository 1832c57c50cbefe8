package org.openicr.directory.boundary;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may sign in with a local password on the sign-in page (issue 19, item 1; docs/identity.md,
 * section F). Source systems' accounts are not concerned: they use HTTP Basic on {@code /ws/*},
 * always.
 *
 * <ul>
 *   <li>{@link #EVERYONE}: every person's account (the system before the OpenID provider; the
 *       test domain's fixtures);
 *   <li>{@link #ADMINISTRATORS}: only local administrators: accounts whose usable role profiles
 *       are all local administration (R8015), so that the system can be run when the provider is
 *       down;
 *   <li>{@link #OFF}: nobody; people sign in through the provider only.
 * </ul>
 *
 * The setting is the system property {@value #PROPERTY} (changeable on a running domain with
 * {@code asadmin create-system-properties}), else the environment variable {@value #VARIABLE};
 * without either it is {@link #ADMINISTRATORS} when a provider is configured, {@link #EVERYONE}
 * when none is (the local form is then the only way in).
 */
public enum LocalSignIn {
    EVERYONE,
    ADMINISTRATORS,
    OFF;

    public static final String PROPERTY = "openicr.localSignIn";
    public static final String VARIABLE = "OPENICR_LOCAL_SIGN_IN";

    /** The job role codes of local administration (mapped to the administrator role in the EAR). */
    public static final Set<String> ADMINISTRATOR_ROLE_CODES = Set.of("R8015");

    /** The setting in force now. */
    public static LocalSignIn configured() {
        return of(System.getProperty(PROPERTY), System.getenv(VARIABLE), OidcSettings.issuerConfigured());
    }

    /** The rule on the three inputs: the property, the variable, whether a provider is configured. */
    static LocalSignIn of(String property, String variable, boolean providerConfigured) {
        return parse(property).or(() -> parse(variable)).orElse(providerConfigured ? ADMINISTRATORS : EVERYONE);
    }

    static Optional<LocalSignIn> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            // An unknown value never opens the form wider: it means administrators only.
            return Optional.of(ADMINISTRATORS);
        }
    }

    /** Whether a person's account may use the local form: {@code roleCodes} are its usable profiles' codes. */
    public boolean admits(Set<String> roleCodes) {
        return switch (this) {
            case EVERYONE -> true;
            case ADMINISTRATORS -> !roleCodes.isEmpty() && ADMINISTRATOR_ROLE_CODES.containsAll(roleCodes);
            case OFF -> false;
        };
    }

    /** Whether the sign-in page shows the username and password form at all. */
    public boolean showsForm() {
        return this != OFF;
    }
}
