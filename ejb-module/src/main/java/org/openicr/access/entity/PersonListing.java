package org.openicr.access.entity;

/** How one person found by a search is listed. */
public enum PersonListing {
    /** Name, date of birth, NHS Number, address, telephone and GP practice. */
    DETAILS,
    /** A restricted person: everything except address, telephone and GP practice. */
    DETAILS_WITHOUT_CONTACT,
    /** An opted-out person: only that a record exists and is not available for viewing. */
    NOT_AVAILABLE_FOR_VIEWING
}
