package org.openicr.vocabulary;

/**
 * The categories of the shared record. The role-to-category matrix is expressed in these; the
 * names are stored and exchanged (SOAP), so add new ones, never rename.
 */
public enum Category {
    /** Name, address, date of birth, NHS Number, registered GP (held on the person, not as items). */
    DEMOGRAPHICS("Demographics"),
    /** Next of kin, carers, care team members. */
    CONTACTS("Contacts and care team"),
    MEDICATIONS("Medications"),
    PROBLEMS("Problems and diagnoses"),
    ALLERGIES("Allergies and adverse reactions"),
    /** Pathology and radiology results and reports. */
    RESULTS("Results"),
    /** Letters, discharge summaries, care plans, referral letters. */
    DOCUMENTS("Documents"),
    PROCEDURES("Procedures"),
    /** Attendances, admissions, discharges, transfers. */
    ENCOUNTERS("Encounters"),
    /** Booked appointments (past and future). */
    APPOINTMENTS("Appointments"),
    /** Referrals between services (hospital, GP, social care). */
    REFERRALS("Referrals"),
    SAFEGUARDING("Safeguarding alerts"),
    /** Assessments, services provided, allocated worker and how to contact the council. */
    SOCIAL_CARE("Social care"),
    /**
     * What urgent care must know first: ReSPECT and DNACPR decisions, end of life care plans,
     * advance decisions to refuse treatment, frailty (details PLAN_TYPE, CPR_DECISION...).
     */
    CARE_PLANS("Care planning"),
    /** The NHS Reasonable Adjustment Flag: what the person needs to use services (ADJUSTMENT_CATEGORY). */
    ADJUSTMENTS("Reasonable adjustments"),
    /**
     * Vaccinations given (issue 21): the vaccine (code), when, and details DOSE, LOT_NUMBER, SITE,
     * ROUTE, CLINICIAN; from HL7 v2 VXU^V04 or SOAP.
     */
    IMMUNISATIONS("Immunisations");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the category is carried as record items (demographics live on the person). */
    public boolean isItemCategory() {
        return this != DEMOGRAPHICS;
    }
}
