package org.openicr.access.entity;

/**
 * Why the access decision refused. The names are stored in the audit and read by the pages: add
 * new ones, never rename or reuse one. Each carries the sentence shown to the user, which never
 * contains patient data.
 */
public enum RefusalCode {
    /** The active profile's organisation is inactive. */
    PROFILE_ORGANISATION_INACTIVE(
            "Your organisation is not active in the shared care record. Choose another role profile."),
    /** The role's row of the matrix is empty (privacy officers, administrators, information officers). */
    ROLE_SEES_NO_PATIENT_DATA("Your role does not give access to people's records."),
    /** The role may not see a category that was asked for by itself. */
    CATEGORY_NOT_PERMITTED("This information is not available to your role."),
    /** The person opted out of the shared record and the access is not a safeguarding access. */
    OPTED_OUT("This person's record is not available for viewing."),
    NO_REASON("Give a legitimate reason before opening this record."),
    /** The declaration is older than its validity period (or dated after now). */
    REASON_EXPIRED("Your reason for opening this record has expired. Give it again."),
    /** Break glass, safeguarding access to an opted-out person and seal breaks need the user's own words. */
    JUSTIFICATION_REQUIRED("This access needs a written justification."),
    /** The safeguarding reason was given in a profile not designated for safeguarding. */
    NOT_SAFEGUARDING_ROLE("Only staff designated for safeguarding may give the safeguarding reason."),
    CONSENT_NOT_RECORDED("The person's explicit consent is not recorded. Record it, or give another reason."),
    CONSENT_WITHDRAWN("The person has withdrawn their consent. Give another reason if one applies."),
    /** The reason is not one the role may give (table role_reason): issue 18. */
    REASON_NOT_FOR_ROLE("Your role may not give that reason for opening a record. Choose one of the reasons offered."),
    /** A seal break was asked for in a profile that may not break seals. */
    SEAL_BREAK_NOT_PERMITTED("Your role profile may not open sealed information."),
    /** A seal break was asked for an item that is not withheld from this reader (visible, or not shown at all). */
    NOT_WITHHELD("That item is not withheld from you, so there is no seal to break.");

    private final String userMessage;

    RefusalCode(String userMessage) {
        this.userMessage = userMessage;
    }

    public String userMessage() {
        return userMessage;
    }
}
