package org.openicr.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openicr.audit.boundary.AlertReview;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.audit.entity.PrivacyAlert;
import org.openicr.consent.boundary.OptOuts;
import org.openicr.directory.boundary.OrganisationAdministration;
import org.openicr.directory.entity.AccountKind;
import org.openicr.ingestion.control.MessageProcessor;
import org.openicr.ingestion.entity.MessageStatus;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.LegitimateReason;
import org.openicr.vocabulary.PurposeOfUse;
import org.openicr.vocabulary.Sensitivity;
import org.openicr.vocabulary.SharingMode;

/**
 * Every code a person reads has words: each constant of every enum the pages show, and each value of
 * the vocabularies the boundaries keep as lists of names, has a label in {@link Labels}. A constant
 * added without one fails here, not on a page in front of a clinician.
 */
class LabelsTest {

    /** The enums whose names reach a page (through a boundary as the stored name, or as the enum). */
    private static final List<Class<? extends Enum<?>>> SHOWN = List.of(
            AuditAction.class,
            AuditOutcome.class,
            PrivacyAlert.class,
            MessageStatus.class,
            PurposeOfUse.class,
            LegitimateReason.class,
            Category.class,
            Sensitivity.class,
            SharingMode.class,
            CodeSystem.class,
            AccountKind.class);

    /** Constants whose name is already what people call them. */
    private static final java.util.Set<String> ACRONYMS = java.util.Set.of("LOINC");

    static Stream<Arguments> everyShownConstant() {
        List<Arguments> all = new ArrayList<>();
        for (Class<? extends Enum<?>> type : SHOWN) {
            for (Enum<?> constant : type.getEnumConstants()) {
                all.add(Arguments.of(type.getSimpleName(), constant.name()));
            }
        }
        named(all, "OrganisationType", OrganisationAdministration.TYPES);
        named(all, "OptOutChannel", OptOuts.CHANNELS);
        named(all, "AlertReviewOutcome", AlertReview.OUTCOMES);
        named(all, "WithdrawalReason", MessageProcessor.WITHDRAWAL_REASONS);
        return all.stream();
    }

    private static void named(List<Arguments> all, String vocabulary, Collection<String> names) {
        names.forEach(name -> all.add(Arguments.of(vocabulary, name)));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("everyShownConstant")
    void everyCodeAPersonReadsHasWords(String vocabulary, String name) {
        String label = Labels.find(vocabulary, name).orElse(null);
        assertTrue(label != null && !label.isBlank(), vocabulary + "." + name + " has no label in Labels");
        if (!ACRONYMS.contains(name)) {
            assertNotEquals(name, label, "a label is words, not the constant");
        }
        assertFalse(label.contains("_"), label);
        assertEquals(label, Labels.label(vocabulary, name));
    }

    @ParameterizedTest
    @CsvSource({
        "AuditAction, RECORD_VIEW, Record viewed",
        "PrivacyAlert, OUT_OF_HOURS_ACCESS, Access outside working hours",
        "LegitimateReason, VITAL_INTERESTS, 'Vital interests (emergency, break glass)'",
        "OrganisationType, GP_PRACTICE, GP practice",
        "MessageStatus, UNMATCHED, No matching person",
        // a stored name from before its label: words, never the constant
        "AuditAction, SOMETHING_NEW, Something new",
        "NoSuchVocabulary, SOME_CODE, Some code",
        "AuditAction, '', ''"
    })
    void aCodeReadsAsItsLabel(String vocabulary, String code, String expected) {
        assertEquals(expected == null ? "" : expected, Labels.label(vocabulary, code == null ? "" : code));
    }

    @ParameterizedTest
    @CsvSource({
        "TREAT, Treatment",
        "'ETREAT BTG', 'Emergency treatment, break glass'",
        "THREAT, Preventing harm (safeguarding)",
        "'', ''"
    })
    void purposesOfUseReadAsWords(String codes, String expected) {
        assertEquals(expected == null ? "" : expected, Labels.purposes(codes));
    }

    @ParameterizedTest
    @CsvSource({
        // title, system, code, display: the line under the title
        "Essential hypertension, SNOMED_CT, 59621000, Essential hypertension, ''",
        "High blood pressure, SNOMED_CT, 59621000, Essential hypertension, Essential hypertension",
        "Cataract, SNOMED_CT, 193570009, , SNOMED CT code 193570009",
        "Clinic letter, LOINC, 11488-4, , LOINC code 11488-4",
        "Falls, ICD10, W19, , ICD-10 code W19",
        "Local thing, LOCAL, X1, Local thing, ''"
    })
    void aCodeIsShownByItsTermAndOnlyWithoutOneByItsNumber(
            String title, CodeSystem system, String code, String display, String expected) {
        assertEquals(expected == null ? "" : expected, Labels.codeLine(title, new CodedConcept(system, code, display)));
    }

    @ParameterizedTest
    @CsvSource({"AuditAction", "PrivacyAlert", "MessageStatus", "OrganisationType"})
    void noTwoConstantsOfAVocabularyReadAlike(String vocabulary) {
        List<String> labels = everyShownConstant()
                .map(Arguments::get)
                .filter(a -> a[0].equals(vocabulary))
                .map(a -> Labels.label(vocabulary, a[1]))
                .toList();
        assertEquals(labels.size(), labels.stream().distinct().count(), Arrays.toString(labels.toArray()));
    }
}
