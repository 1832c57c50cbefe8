package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.component;
import static org.openicr.ingestion.control.hl7.Values.firstOf;

import ca.uhn.hl7v2.model.Type;
import java.util.Locale;
import java.util.Optional;
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

    private Codes() {}

    static Optional<CodedConcept> concept(Type cwe) {
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
        return create(CodeSystem.LOCAL, code, firstOf(component(cwe, 1), originalText));
    }

    /** The display a person reads for a coded value: its text, else its original text, else the code. */
    static String display(Type cwe) {
        return firstOf(component(cwe, 1), component(cwe, ORIGINAL_TEXT), component(cwe, 0));
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
