package org.openicr.web.security;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.openicr.directory.boundary.OidcSettings;

/** What the pages show of a sign-in through the provider (the start page). */
public final class ProviderSignIns {

    private ProviderSignIns() {}

    public static List<String> notUsable(HttpSession session) {
        return session.getAttribute(ProviderSignIn.SESSION) instanceof ProviderSignIn.Signed signed
                ? signed.notUsable()
                : List.of();
    }

    /** A plain-English note when the sign-in's assurance is below the minimum to open records. */
    public static String assuranceNote(HttpSession session) {
        if (session.getAttribute(ProviderSignIn.SESSION) instanceof ProviderSignIn.Signed signed
                && signed.assuranceLevel() < OidcSettings.minimumAssurance()) {
            return "You signed in without a smartcard (assurance level " + signed.assuranceLevel()
                    + "). You can use the shared care record's other pages, but to open a person's record"
                    + " sign out and sign in again with your smartcard.";
        }
        return null;
    }

    /** The national user id of a sign-in through the provider, or null (a local password sign-in). */
    public static String userUid(HttpSession session) {
        return session.getAttribute(ProviderSignIn.SESSION) instanceof ProviderSignIn.Signed signed
                ? signed.userUid()
                : null;
    }
}
