package org.openicr.vocabulary;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Category-specific fields of an item, kept as name/value pairs so that one table holds every
 * category. Names are part of the ingestion contract.
 */
public enum ItemDetail {
    // Medications
    DOSE("dose"),
    ROUTE("route"),
    FREQUENCY("frequency"),
    QUANTITY("quantity"),
    /** started, dose-changed, stopped, ... with the reason in CHANGE_REASON. */
    CHANGE("change"),
    CHANGE_REASON("changeReason"),
    PRESCRIBER("prescriber"),
    // Immunisations (also DOSE, ROUTE, CLINICIAN)
    /** The vaccine's batch (lot) number, for recalls. */
    LOT_NUMBER("lotNumber"),
    /** Where on the body it was given (left deltoid...). */
    SITE("site"),
    // Results
    VALUE("value"),
    UNIT("unit"),
    REFERENCE_LOW("referenceLow"),
    REFERENCE_HIGH("referenceHigh"),
    REFERENCE_TEXT("referenceText"),
    /** H, L, HH, LL, A, N as in HL7 OBX-8. */
    INTERPRETATION("interpretation"),
    /** Groups results of one order/report (e.g. a full blood count). */
    REPORT_KEY("reportKey"),
    // Allergies
    REACTION("reaction"),
    SEVERITY("severity"),
    // Documents
    AUTHOR("author"),
    DOCUMENT_TYPE("documentType"),
    // Encounters, appointments, referrals
    LOCATION("location"),
    CLINICIAN("clinician"),
    SPECIALTY("specialty"),
    ENCOUNTER_CLASS("encounterClass"),
    REFERRED_TO("referredTo"),
    REFERRED_BY("referredBy"),
    PRIORITY("priority"),
    // Social care and contacts
    ALLOCATED_WORKER("allocatedWorker"),
    CONTACT_PHONE("contactPhone"),
    TEAM("team"),
    RELATIONSHIP("relationship"),
    /** On a contact: "carer" (the contact cares for this person) or "cared-for" (this person cares for them). */
    CARING("caring"),
    // Care planning (CarePlanning checks the values)
    /** respect, dnacpr, end-of-life, advance-decision or frailty. */
    PLAN_TYPE("planType"),
    /** not-for-cpr or for-cpr: the resuscitation decision of a ReSPECT form or DNACPR. */
    CPR_DECISION("cprDecision"),
    /** Where the original form is held ("with the patient at home", "GP record"). */
    FORM_LOCATION("formLocation"),
    /** Who made or agreed the decision (clinician, with the person or their representative). */
    DECIDED_BY("decidedBy"),
    /** When the plan is next to be reviewed (yyyy-mm-dd). */
    REVIEW_DATE("reviewDate"),
    /** The Clinical Frailty Scale score, 1 to 9. */
    FRAILTY_SCORE("frailtyScore"),
    /** Reasonable adjustments: one of the flag's categories (AdjustmentCategory). */
    ADJUSTMENT_CATEGORY("adjustmentCategory");

    /** Looked up for every detail of every item received. */
    private static final Map<String, ItemDetail> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(d -> d.key, d -> d));

    private final String key;

    ItemDetail(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ItemDetail> lookup(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
