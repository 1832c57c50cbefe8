package org.openicr.tools.epr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The demo EPR's settings, from the server's environment (never in git): the OpenID provider it
 * signs its staff in with (the record's own, as in a region both use NHS CIS2) and its client there.
 * Read by the sign-in definition's expressions ({@link EprSecurity}).
 */
@Named("eprSettings")
@ApplicationScoped
public class EprSettings {

    public String getIssuer() {
        return env("OPENICR_OIDC_ISSUER", "http://127.0.0.1:28280/realms/cis2-demo");
    }

    public String getClientId() {
        return env("OPENICR_DEMO_EPR_CLIENT_ID", "demo-epr");
    }

    public String getClientSecret() {
        return env("OPENICR_DEMO_EPR_CLIENT_SECRET", "");
    }

    /** The record's address, when it is not this server's {@code /openicr}. */
    public String recordUrl() {
        return System.getenv("OPENICR_DEMO_EPR_RECORD_URL");
    }

    /** This EPR's iss, when it is not its own address as the browser uses it. */
    public String iss() {
        return System.getenv("OPENICR_DEMO_EPR_ISS");
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
