package org.openicr.vocabulary;

import java.util.List;

/**
 * Why a member of staff opens a person's record: the reasons Connecting Care (BNSSG) asks for. The
 * names are stored with each declaration and in the audit, so add new ones, never rename.
 */
public enum LegitimateReason {
    /** The user cares for the person now (the usual reason). */
    ONGOING_CARE("Ongoing care relationship", PurposeOfUse.TREAT),
    /**
     * The person agreed to this user looking, when no other reason applies. The purpose is still
     * care; the recorded consent is the basis, so it is valid only while that consent stands.
     */
    EXPLICIT_CONSENT("Explicit consent", PurposeOfUse.TREAT),
    /**
     * Vital interests: an emergency in which the person cannot consent ("break glass"). Needs a
     * justification, lasts only the short override period and alerts a privacy officer.
     */
    VITAL_INTERESTS("Vital interests (emergency, break glass)", PurposeOfUse.ETREAT, PurposeOfUse.BTG),
    /** A safeguarding concern; only for role profiles designated for safeguarding. */
    SAFEGUARDING("Safeguarding concern", PurposeOfUse.THREAT),
    /** Checking that a referral is appropriate, or clinical audit. */
    REFERRAL_OR_AUDIT("Appropriateness of referral or clinical audit", PurposeOfUse.HOPERAT);

    private final String label;
    private final List<PurposeOfUse> purposesOfUse;

    /** The purpose of use comes first; markers such as BTG follow it. */
    LegitimateReason(String label, PurposeOfUse... purposesOfUse) {
        this.label = label;
        this.purposesOfUse = List.of(purposesOfUse);
    }

    public String label() {
        return label;
    }

    /** The purpose-of-use code that says why the record was read. */
    public PurposeOfUse purposeOfUse() {
        return purposesOfUse.get(0);
    }

    /** Every code the audit event carries: the purpose first, then markers such as BTG. */
    public List<PurposeOfUse> purposesOfUse() {
        return purposesOfUse;
    }

    /** Whether this reason overrides the usual rules on its own, so it needs a justification and alerts. */
    public boolean isBreakGlass() {
        return this == VITAL_INTERESTS;
    }
}
