package org.openicr;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, checked over the compiled classes of both modules
 * (the EJB module is on this module's test class path): capabilities never import each other in a
 * cycle, the shared vocabulary imports nothing of ours, control and entity never reach a boundary,
 * and the web module sees the EJB module only through its boundaries and the vocabulary.
 */
class ArchitectureTest {

    private static JavaClasses code;

    @BeforeAll
    static void importCode() {
        code = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openicr");
        // A rule over no classes passes by itself: make sure both modules were found.
        assertTrue(code.containPackage("org.openicr.vocabulary"), "the EJB module's classes");
        assertTrue(code.containPackage("org.openicr.web.record"), "the web module's classes");
    }

    @Test
    void noCycleBetweenCapabilities() {
        slices().matching("org.openicr.(*)..").should().beFreeOfCycles().check(code);
    }

    @Test
    void vocabularyImportsNothingOfOurs() {
        classes()
                .that()
                .resideInAPackage("org.openicr.vocabulary..")
                .should()
                .onlyDependOnClassesThat(
                        resideOutsideOfPackage("org.openicr..").or(resideInAPackage("org.openicr.vocabulary..")))
                .check(code);
    }

    @Test
    void controlAndEntityNeverReachABoundary() {
        noClasses()
                .that()
                .resideInAnyPackage("org.openicr.*.control..", "org.openicr.*.entity..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.openicr.*.boundary..")
                .check(code);
    }

    @Test
    void webModuleSeesOnlyBoundariesAndVocabulary() {
        ArchRule rule = classes()
                .that()
                .resideInAnyPackage("org.openicr.web..", "org.openicr.ws..")
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("org.openicr..")
                        .or(resideInAnyPackage(
                                "org.openicr.web..",
                                "org.openicr.ws..",
                                "org.openicr.*.boundary..",
                                "org.openicr.vocabulary..",
                                // the published SOAP contract, generated from the WSDL
                                "org.openicr.ingestion.contract..")));
        rule.check(code);
    }
}
