package org.openicr.platform;

/**
 * Stable codes for every refusal the system gives. Interface teams and tests depend on these names:
 * add new ones, never rename or reuse one.
 */
public enum ErrorCode {
    /** The NHS Number is not ten digits or fails the Modulus 11 check. */
    INVALID_NHS_NUMBER,
    /** A required field is missing or a value is outside what the contract allows. */
    INVALID_INPUT,
    /** The calling account is not a registered, active source system. */
    UNKNOWN_SOURCE,
    /** The source's organisation is inactive or view-only and may not submit. */
    SOURCE_NOT_PERMITTED,
    /** The caller may not do this (role profile, organisation or policy). */
    NOT_PERMITTED,
    /** The thing asked for does not exist (or is not visible to the caller). */
    NOT_FOUND,
    /** An unexpected failure inside the system; the input was kept and can be replayed. */
    INTERNAL_ERROR
}
