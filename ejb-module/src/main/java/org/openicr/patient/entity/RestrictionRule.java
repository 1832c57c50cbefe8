package org.openicr.patient.entity;

/**
 * The restricted (PDS "sensitive") flag is sticky (issue 16): a message that says nothing about it
 * (SOAP element absent, HL7 PD1-12 empty and no patient-level ARV) changes nothing; any source may
 * set it; only a source marked authoritative for demographics may clear it. A clear from any other
 * source is ignored for the flag (the rest of its message is kept) and answered with a warning.
 * An older version than the source already sent changes nothing at all, the flag included.
 */
public final class RestrictionRule {

    /** What became of the flag. */
    public enum Change {
        UNCHANGED,
        SET,
        /** An authoritative source cleared it: audited as RESTRICTION_CLEARED, a privacy officer alert. */
        CLEARED,
        /** A source that may not clear it asked to: ignored, answered with a warning. */
        CLEAR_IGNORED
    }

    public record Decision(boolean restricted, Change change) {}

    private RestrictionRule() {}

    /**
     * @param current the person's flag now (false for a person being created)
     * @param stated what the message said: true, false, or null (nothing)
     * @param authoritative whether the source is authoritative for demographics
     */
    public static Decision decide(boolean current, Boolean stated, boolean authoritative) {
        if (stated == null || stated == current) {
            return new Decision(current, Change.UNCHANGED);
        }
        if (stated) {
            return new Decision(true, Change.SET);
        }
        return authoritative ? new Decision(false, Change.CLEARED) : new Decision(true, Change.CLEAR_IGNORED);
    }

    /** The warning a source gets when its clear is ignored (no patient data in it). */
    public static final String CLEAR_IGNORED_WARNING = "restricted=false ignored: the person stays restricted;"
            + " only a source authoritative for demographics may clear the restriction";
}
