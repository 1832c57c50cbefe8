package org.openicr.vocabulary;

/**
 * Stable codes for every refusal the system gives. Interface teams and tests depend on these names:
 * add new ones, never rename or reuse one.
 */
public enum ErrorCode {
    /** The NHS Number is not ten digits or fails the Modulus 11 check. */
    INVALID_NHS_NUMBER,
    /** The XML does not match the contract's schema (missing or unexpected elements, wrong types). */
    SCHEMA_INVALID,
    /** The message is larger than the documented limit; nothing in it was processed. */
    MESSAGE_TOO_LARGE,
    /** The XML carries a DOCTYPE (entity declarations): never accepted, against XXE and entity expansion. */
    XML_NOT_ALLOWED,
    /** An item's category is not one of the record's categories. */
    UNKNOWN_CATEGORY,
    /** A code's system is not one the record accepts. */
    UNKNOWN_CODE_SYSTEM,
    /** A sourceKey the source already used for another person. */
    SOURCE_KEY_CONFLICT,
    /** An HL7 v2 message that cannot be read or lacks what its type requires (acknowledged AR). */
    HL7_REJECTED,
    /** A required field is missing or a value is outside what the contract allows. */
    INVALID_INPUT,
    /** The calling account is not a registered, active source system. */
    UNKNOWN_SOURCE,
    /**
     * The source's organisation is inactive or view-only and may not submit; or the source asked for
     * a merge of people it does not hold and is not authoritative for the patient index (issue 16).
     */
    SOURCE_NOT_PERMITTED,
    /** The caller may not do this (role profile, organisation or policy). */
    NOT_PERMITTED,
    /** The thing asked for does not exist (or is not visible to the caller). */
    NOT_FOUND,
    /** An unexpected failure inside the system; the input was kept and can be replayed. */
    INTERNAL_ERROR,
    /**
     * The XML is shaped to cost a parser far more than its size (elements nested deeper than the
     * documented limit, too many attributes on one element, an overlong name); refused unread.
     */
    MESSAGE_TOO_COMPLEX,
    /**
     * A change of local identifier (HL7 ADT^A47) to an identifier the source already uses for another
     * person; nothing was changed.
     */
    LOCAL_IDENTIFIER_CONFLICT
}
