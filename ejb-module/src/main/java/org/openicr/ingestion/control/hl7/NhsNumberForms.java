package org.openicr.ingestion.control.hl7;

import java.util.Locale;
import java.util.Set;

/**
 * The forms in which real HL7 v2 feeds mark a patient identifier (CX) as the NHS Number (issue 21,
 * item 5; docs/hl7v2-mapping.md, "NHS Number"). Only the marking is decided here: the number itself
 * must still be ten digits with a valid Modulus 11 check digit, or it is not used.
 *
 * <ul>
 *   <li>identifier type (CX-5) {@code NH}, HL7 table 0203's code for a national health number;
 *   <li>identifier type written the way local feeds spell it: {@code NHS}, {@code NHSN}, {@code
 *       NHSNO}, {@code NHSNBR}, {@code NHSNUM}, {@code NHSNUMBER}, in any case and with spaces,
 *       hyphens, underscores or dots between the letters ({@code NHS Number}, {@code NHS_NO},
 *       {@code nhs-nbr});
 *   <li>assigning authority (CX-4) namespace id spelled as one of the above (the {@code NHS} that
 *       NHS interfaces send), or the NHS Number's OID {@code 2.16.840.1.113883.2.1.4.1} as the
 *       universal id (CX-4.2) or, as some engines put it, as the namespace id (CX-4.1), with or
 *       without CX-5.
 * </ul>
 */
final class NhsNumberForms {

    /** The OID of the NHS Number in England and Wales (HL7 UK). */
    static final String NHS_NUMBER_OID = "2.16.840.1.113883.2.1.4.1";

    /** Local spellings of the identifier type, upper case with separators removed. */
    static final Set<String> SPELLINGS = Set.of("NH", "NHS", "NHSN", "NHSNO", "NHSNBR", "NHSNUM", "NHSNUMBER");

    private NhsNumberForms() {}

    /**
     * Whether an identifier with this type (CX-5), authority namespace id (CX-4.1) and authority
     * universal id (CX-4.2) is marked as an NHS Number; any of them may be null.
     */
    static boolean marksNhsNumber(String type, String authorityNamespace, String authorityUniversalId) {
        return isSpelling(type)
                || isSpelling(authorityNamespace)
                || NHS_NUMBER_OID.equals(strip(authorityNamespace))
                || NHS_NUMBER_OID.equals(strip(authorityUniversalId));
    }

    /** Whether a type or namespace is one of the spellings of "NHS Number". */
    static boolean isSpelling(String value) {
        if (value == null) {
            return false;
        }
        String letters = value.toUpperCase(Locale.ROOT).replaceAll("[\\s_.\\-]", "");
        return SPELLINGS.contains(letters);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
