package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.component;
import static org.openicr.ingestion.control.hl7.Values.firstOf;

import ca.uhn.hl7v2.model.Type;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.IcrException;

/**
 * Coded concepts from CWE/CE fields (OBX-3 and the like). A CWE carries up to three codings (the
 * primary and two alternates); the first one in a code system the record knows (LN, SCT, I10) is
 * taken, because a national code means the same in every organisation. Otherwise the primary code
 * is kept as a LOCAL code, which needs its display text.
 */
final class Codes {

    /** The (identifier, text, coding system) component positions of the three codings. */
    private static final int[][] CODINGS = {{0, 1, 2}, {3, 4, 5}, {9, 10, 11}};

    private static final int ORIGINAL_TEXT = 8;

    private static final Pattern LOINC_SHAPE = Pattern.compile("\\d{1,7}-\\d");

    private Codes() {}

    static Optional<CodedConcept> concept(Type cwe) {
        return concept(cwe, null);
    }

    /**
     * As {@link #concept(Type)}, and when no coding names a known system: a primary code with no
     * coding system at all (CWE-3 empty) is taken to be in {@code implied} when it has that system's
     * shape (only LOINC is implied: {@link #isLoincShaped}), as a source configured so sends it
     * ({@link SourceConventions}). A code whose sender named another system stays local.
     */
    static Optional<CodedConcept> concept(Type cwe, CodeSystem implied) {
        String originalText = component(cwe, ORIGINAL_TEXT);
        for (int[] coding : CODINGS) {
            String code = component(cwe, coding[0]);
            Optional<CodeSystem> system = system(component(cwe, coding[2]));
            if (code != null && system.isPresent()) {
                Optional<CodedConcept> concept =
                        create(system.get(), code, firstOf(component(cwe, coding[1]), originalText));
                if (concept.isPresent()) {
                    return concept;
                }
            }
        }
        String code = component(cwe, 0);
        if (code == null) {
            return Optional.empty();
        }
        if (implied == CodeSystem.LOINC && component(cwe, 2) == null && isLoincShaped(code)) {
            Optional<CodedConcept> concept =
                    create(CodeSystem.LOINC, code.strip(), firstOf(component(cwe, 1), originalText));
            if (concept.isPresent()) {
                return concept;
            }
        }
        return create(CodeSystem.LOCAL, code, firstOf(component(cwe, 1), originalText));
    }

    /** The display a person reads for a coded value: its text, else its original text, else the code. */
    static String display(Type cwe) {
        return firstOf(component(cwe, 1), component(cwe, ORIGINAL_TEXT), component(cwe, 0));
    }

    /**
     * A LOINC code's shape: one to seven digits, a hyphen and the check digit, which is LOINC's Mod 10
     * (Luhn) check over all the digits: {@code 718-7}, {@code 2345-7}; {@code 718-8} is not.
     */
    static boolean isLoincShaped(String code) {
        if (code == null || !LOINC_SHAPE.matcher(code.strip()).matches()) {
            return false;
        }
        String digits = code.strip().replace("-", "");
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** HL7 table 0396 names of the national code systems the record accepts. */
    static Optional<CodeSystem> system(String hl7Name) {
        if (hl7Name == null) {
            return Optional.empty();
        }
        return switch (hl7Name.strip().toUpperCase(Locale.ROOT)) {
            case "LN", "LOINC" -> Optional.of(CodeSystem.LOINC);
            case "SCT", "SNOMED", "SNOMEDCT", "SNOMED-CT", "SNOMED CT" -> Optional.of(CodeSystem.SNOMED_CT);
            case "I10", "ICD10", "ICD-10" -> Optional.of(CodeSystem.ICD10);
            default -> Optional.empty();
        };
    }

    /** A coded concept, or empty when its own rules refuse it (a malformed SNOMED CT id, say). */
    private static Optional<CodedConcept> create(CodeSystem system, String code, String display) {
        try {
            return Optional.of(new CodedConcept(system, code, display));
        } catch (org.openicr.vocabulary.FieldLimit.TooLong tooLong) {
            throw tooLong;
        } catch (IcrException e) {
            return Optional.empty();
        }
    }
}
