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
    /** Issue 18: frailty and ReSPECT for a share of the over-75s (PersonExtras). */
    CARE_PLANS,
    /** Issue 18: the Reasonable Adjustment Flag for about one person in forty (PersonExtras). */
    ADJUSTMENTS,
    /** Issue 21: the seasonal flu vaccination of the over-65s (PersonExtras). */
    IMMUNISATIONS
}
