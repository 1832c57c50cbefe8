package org.openicr.audit.entity;

/** What was done. Stored by name: add new ones, never rename. */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILURE,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    LOGOUT,
    PATIENT_SEARCH,
    RECORD_VIEW,
    REASON_DECLARED,
    BREAK_GLASS,
    OPT_OUT_CHANGED,
    CONSENT_CHANGED,
    MATRIX_CHANGED,
    AUDIT_VERIFIED,
    ALERT_REVIEWED,
    MESSAGE_INGESTED,
    MESSAGE_REPLAYED,
    MERGE_REVERSED,
    ACCOUNT_CHANGED,
    PASSWORD_RESET,
    ROLE_PROFILE_CHANGED,
    ORGANISATION_CHANGED,
    SOURCE_SYSTEM_CHANGED,
    SEAL_BROKEN,
    AUDIT_SEARCHED,
    AUDIT_EXPORTED,
    ACCESS_REPORT_GENERATED,
    ALERT_SETTINGS_CHANGED,
    PASSWORD_CHANGED,
    /** A page or answer refused at the web layer (a role's page, a cross-origin post): issue 16. */
    ACCESS_DENIED,
    PERSON_MERGED,
    /** A source changed its own local identifier for a person (HL7 ADT^A47). */
    IDENTIFIER_CHANGED,
    /** A source moved one of its visits from one person to another (HL7 ADT^A45). */
    VISIT_MOVED,
    RESTRICTION_CLEARED,
    DEMOGRAPHICS_SOURCES_VIEWED,
    /** Sign-in attempts answered without a password check (delayed, wrong channel, a wrong password repeated), tallied. */
    SIGN_IN_REFUSED,
    /** The legitimate reasons an RBAC role may give were changed by an administrator (issue 18). */
    ROLE_REASONS_CHANGED,
    /**
     * A reason given that a care relationship found in the record offered (issue 19, item 3): the
     * detail names the rule and the relationship. A reason the reader chose alone stays
     * REASON_DECLARED.
     */
    REASON_INFERRED,
    /**
     * A reason asserted by the clinician's own system that launched the record in context (issue 19,
     * item 2): an encounter, referral or registration it holds. The detail names the launching system
     * (its name, iss and ODS code) and the relationship it asserted.
     */
    REASON_ASSERTED,
    /** A launch in context refused before it reached a record (unknown system, bad signature, expired, replayed, another user's). */
    LAUNCH_REFUSED,
    /** A launching system registered, allowed or stopped by an administrator (issue 19, item 2). */
    LAUNCHING_SYSTEM_CHANGED
}
