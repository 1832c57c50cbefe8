package org.openicr.vocabulary;

import java.io.Serializable;
import java.util.regex.Pattern;

/** A coded clinical concept: code system, code and the display text the source gave. */
public record CodedConcept(CodeSystem system, String code, String display) implements Serializable {

    private static final Pattern SNOMED_CT_ID = Pattern.compile("[1-9][0-9]{5,17}");

    public CodedConcept {
        if (system == null) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "A code needs its code system.");
        }
        if (code == null || code.isBlank()) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "A coded concept needs a code.");
        }
        code = code.strip();
        display = display == null || display.isBlank() ? null : display.strip();
        FieldLimit.CODE.check(code);
        FieldLimit.DISPLAY.check(display);
        if (system == CodeSystem.LOCAL && display == null) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "A local code needs its display text.");
        }
        if (system == CodeSystem.SNOMED_CT && !SNOMED_CT_ID.matcher(code).matches()) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "A SNOMED CT concept id is 6 to 18 digits.");
        }
    }
}
