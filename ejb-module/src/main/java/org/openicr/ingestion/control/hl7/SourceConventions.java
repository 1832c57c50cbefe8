package org.openicr.ingestion.control.hl7;

import org.openicr.vocabulary.CodeSystem;

/**
 * What a source's HL7 v2 feed leaves unsaid but means, as its administrator configured it (Admin >
 * Source systems; docs/hl7v2-mapping.md, "Implied code systems"). {@code obx3ImpliesLoinc}: the
 * source's laboratory sends LOINC codes in OBX-3 without naming the coding system (CWE-3 empty), so
 * an OBX-3 code of LOINC's shape (digits, a hyphen and a valid check digit) is kept as LOINC instead
 * of as a local code.
 */
public record SourceConventions(boolean obx3ImpliesLoinc) {

    /** A source that has said nothing: every code without a coding system is local. */
    public static final SourceConventions NONE = new SourceConventions(false);

    /** The code system an OBX-3 code without one is taken to be in, or null (local). */
    CodeSystem impliedObx3System() {
        return obx3ImpliesLoinc ? CodeSystem.LOINC : null;
    }
}
