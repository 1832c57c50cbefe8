package org.openicr.vocabulary;

/**
 * The HL7 v3 ActReason purpose-of-use codes the record viewer reports in its audit (IHE BALP puts
 * them in AuditEvent.purposeOfUse). Only the codes a legitimate reason maps to are listed;
 * docs/access-defaults.md says why each reason maps where it does.
 */
public enum PurposeOfUse {
    /** Treatment: providing health and care to the person. */
    TREAT("treatment"),
    /** Emergency treatment: immediately needed care for an emergent condition (specialises TREAT). */
    ETREAT("Emergency Treatment"),
    /** Break the glass: access that overrides the usual policy in an emergency; carried beside ETREAT. */
    BTG("break the glass"),
    /** Threat: preventing or lessening a serious threat to the health or safety of an individual. */
    THREAT("threat"),
    /** Healthcare operations: running and improving the service, including clinical audit and referral review. */
    HOPERAT("healthcare operations");

    /** The code system every value belongs to. */
    public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    private final String display;

    PurposeOfUse(String display) {
        this.display = display;
    }

    public String code() {
        return name();
    }

    public String display() {
        return display;
    }
}
