package org.openicr.tools.region;

/** The item categories of the record (the names stored in record_item.category; see Category in ejb-module). */
public enum RegionCategory {
    CONTACTS,
    MEDICATIONS,
    PROBLEMS,
    ALLERGIES,
    RESULTS,
    DOCUMENTS,
    PROCEDURES,
    ENCOUNTERS,
    APPOINTMENTS,
    REFERRALS,
    SAFEGUARDING,
    SOCIAL_CARE,
    /** Issue 18: not generated yet (the load shape has no care planning); listed so the names match. */
    CARE_PLANS,
    /** Issue 18: not generated yet; listed so the names match. */
    ADJUSTMENTS
}
