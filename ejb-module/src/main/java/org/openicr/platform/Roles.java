package org.openicr.platform;

/**
 * Application roles. Users' groups are NHS RBAC job role codes; the EAR's
 * {@code glassfish-application.xml} maps those codes to these roles (docs/decisions.md says why).
 */
public final class Roles {
    /** Staff who open care records: clinical, administrative and social care roles. */
    public static final String RECORD_VIEWER = "record-viewer";
    /** Clinical roles (R8000, R8001, R8003, R8004). */
    public static final String CLINICIAN = "clinician";
    /** Local ICR administrators (R8015 Systems Support). */
    public static final String ADMINISTRATOR = "administrator";
    /** Privacy officers and Caldicott guardians (R0001, R5105). */
    public static final String PRIVACY_OFFICER = "privacy-officer";
    /** Source systems' accounts that post over SOAP (group SOURCE_SYSTEM). */
    public static final String SOURCE_SYSTEM = "source-system";

    /**
     * The MLLP listener's own role (issue 21 item 7): it runs as this role ({@code @RunAs}) to hand
     * HL7 v2 to ingestion as the source system that its MSH-3/MSH-4 and address resolved to. No
     * group maps to it, only the principal {@code openicr-mllp-listener} (glassfish-application.xml).
     */
    public static final String MLLP_LISTENER = "mllp-listener";

    /** The group every source system's account is in. */
    public static final String SOURCE_SYSTEM_GROUP = "SOURCE_SYSTEM";

    private Roles() {}
}
