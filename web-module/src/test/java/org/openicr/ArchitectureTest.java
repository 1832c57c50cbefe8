package org.openicr;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, checked over the compiled classes of both modules
 * (the EJB module is on this module's test class path): capabilities never import each other in a
 * cycle, the shared vocabulary imports nothing of ours, control and entity never reach a boundary,
 * and the web module sees the EJB module only through its boundaries and the vocabulary.
 *
 * <p>Each rule is written once, over a root package, and checked twice: over the application
 * ({@code org.openicr}, test classes left out) and over the fixtures in {@code org.openicr.archfixture}
 * (test classes that break every rule on purpose, next to a capability that keeps them), to show that
 * the rules report what they forbid and only that.
 */
class ArchitectureTest {

    private static final String APPLICATION = "org.openicr";
    private static final String FIXTURES = "org.openicr.archfixture";

    private static JavaClasses code;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importCode() {
        code = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(APPLICATION);
        // A rule over no classes passes by itself: make sure both modules were found.
        assertTrue(code.containPackage("org.openicr.vocabulary"), "the EJB module's classes");
        assertTrue(code.containPackage("org.openicr.web.record"), "the web module's classes");
        assertFalse(code.containPackage(FIXTURES), "the fixtures are test classes, not the application's");
        fixtures = new ClassFileImporter().importPackages(FIXTURES);
        assertTrue(fixtures.containPackage(FIXTURES + ".web"), "the fixtures' classes");
    }

    static ArchRule capabilitiesFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule vocabularyImportsNothingOfOurs(String root) {
        return classes()
                .that()
                .resideInAPackage(root + ".vocabulary..")
                .should()
                .onlyDependOnClassesThat(
                        resideOutsideOfPackage(root + "..").or(resideInAPackage(root + ".vocabulary..")));
    }

    static ArchRule controlAndEntityNeverReachABoundary(String root) {
        return noClasses()
                .that()
                .resideInAnyPackage(root + ".*.control..", root + ".*.entity..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".*.boundary..");
    }

    static ArchRule webSeesOnlyBoundariesAndVocabulary(String root) {
        return classes()
                .that()
                .resideInAnyPackage(root + ".web..", root + ".ws..")
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage(root + "..")
                        .or(resideInAnyPackage(
                                root + ".web..",
                                root + ".ws..",
                                root + ".*.boundary..",
                                root + ".vocabulary..",
                                // the published SOAP contract, generated from the WSDL
                                root + ".ingestion.contract..")));
    }

    @Test
    void noCycleBetweenCapabilities() {
        capabilitiesFreeOfCycles(APPLICATION).check(code);
    }

    @Test
    void vocabularyImportsNothingOfOurs() {
        vocabularyImportsNothingOfOurs(APPLICATION).check(code);
    }

    @Test
    void controlAndEntityNeverReachABoundary() {
        controlAndEntityNeverReachABoundary(APPLICATION).check(code);
    }

    @Test
    void webModuleSeesOnlyBoundariesAndVocabulary() {
        webSeesOnlyBoundariesAndVocabulary(APPLICATION).check(code);
    }

    @Test
    void aCycleBetweenCapabilitiesIsReported() {
        List<String> found = violations(ArchitectureTest::capabilitiesFreeOfCycles);
        assertReported(found, "alpha.boundary.AlphaService", "beta.boundary.BetaService");
        assertReported(found, "beta.boundary.BetaService", "alpha.entity.AlphaThing");
    }

    @Test
    void aVocabularyThatImportsACapabilityIsReported() {
        List<String> found = violations(ArchitectureTest::vocabularyImportsNothingOfOurs);
        assertReported(found, "vocabulary.LeakyTerm", "alpha.entity.AlphaThing");
        assertNotReported(found, "vocabulary.Term>");
    }

    @Test
    void controlReachingABoundaryIsReported() {
        List<String> found = violations(ArchitectureTest::controlAndEntityNeverReachABoundary);
        assertReported(found, "alpha.control.AlphaStore", "alpha.boundary.AlphaService");
    }

    @Test
    void theWebImportingAControlClassIsReported() {
        List<String> found = violations(ArchitectureTest::webSeesOnlyBoundariesAndVocabulary);
        assertReported(found, "web.Page", "alpha.control.AlphaStore");
    }

    /** The rule over the fixtures: what it reports, one line each; gamma, which keeps every rule, never. */
    private static List<String> violations(Function<String, ArchRule> rule) {
        EvaluationResult result = rule.apply(FIXTURES).evaluate(fixtures);
        assertTrue(
                result.hasViolation(),
                "the fixtures break the rule " + rule.apply(FIXTURES).getDescription());
        List<String> details = result.getFailureReport().getDetails();
        assertNotReported(details, ".gamma.");
        return details;
    }

    private static void assertReported(List<String> details, String from, String to) {
        assertTrue(
                details.stream().anyMatch(d -> d.contains(FIXTURES + "." + from) && d.contains(FIXTURES + "." + to)),
                from + " -> " + to + " should be reported, found: " + details);
    }

    private static void assertNotReported(List<String> details, String what) {
        assertTrue(details.stream().noneMatch(d -> d.contains(what)), what + " must not be reported: " + details);
    }
}
