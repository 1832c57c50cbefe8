package org.openicr.audit.entity;

/**
 * Accesses a privacy officer (RBAC R0001) must review. The alert carries a reference to the access
 * and its justification, never patient data.
 */
public enum PrivacyAlert {
    /** A record opened for vital interests (emergency access). */
    BREAK_GLASS,
    /** Safeguarding staff opened the record of a person who opted out of the shared record. */
    SAFEGUARDING_ACCESS_TO_OPTED_OUT_PERSON,
    /** Sealed items were opened by a role allowed to break the seal. */
    SEAL_BROKEN,
    /** One user opened more distinct records in an hour than the configured threshold. */
    MANY_RECORDS_IN_AN_HOUR,
    /** A record was opened outside the configured working hours. */
    OUT_OF_HOURS_ACCESS,
    /** A source authoritative for demographics cleared a person's restricted flag (issue 16). */
    RESTRICTION_CLEARED
}
