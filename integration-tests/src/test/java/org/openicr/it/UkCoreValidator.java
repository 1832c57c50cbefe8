package org.openicr.it;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI FHIR's instance validator with the UK Core R4 package of {@code src/test/resources/fhir-ukcore/} (a copy of the shared data, so the tests need nothing outside the repository)
 * (profiles, extensions, value sets, code systems) beside HAPI's base R4 resources (issue 20). No
 * terminology server is reachable: codes of SNOMED CT and dm+d cannot be checked and are reported
 * as warnings (unknown code system), never taken as valid silently.
 */
final class UkCoreValidator {

    private static FhirValidator validator;

    private UkCoreValidator() {}

    static synchronized FhirValidator get() {
        if (validator == null) {
            FhirContext fhir = FhirContext.forR4Cached();
            PrePopulatedValidationSupport ukCore = new PrePopulatedValidationSupport(fhir);
            Path dir = Path.of(System.getProperty("icr.ukcore.dir", "src/test/resources/fhir-ukcore"));
            for (String folder : List.of("structuredefinitions", "valuesets", "codesystems")) {
                try (Stream<Path> files = Files.list(dir.resolve(folder))) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                            ukCore.addResource(fhir.newXmlParser().parseResource(reader));
                        }
                    }
                } catch (IOException e) {
                    throw new AssertionError("The UK Core package is needed at " + dir.toAbsolutePath(), e);
                }
            }
            UnknownCodeSystemWarningValidationSupport unknownCodeSystems =
                    new UnknownCodeSystemWarningValidationSupport(fhir);
            unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(fhir),
                    ukCore,
                    new CommonCodeSystemsTerminologyService(fhir),
                    new InMemoryTerminologyServerValidationSupport(fhir),
                    new SnapshotGeneratingValidationSupport(fhir),
                    unknownCodeSystems);
            FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
            validator = fhir.newValidator();
            validator.registerValidatorModule(instanceValidator);
        }
        return validator;
    }

    /** The validator's messages for {@code resource}; errors and fatals are what must be none. */
    static List<SingleValidationMessage> messages(IBaseResource resource) {
        return get().validateWithResult(resource).getMessages();
    }

    static boolean isError(SingleValidationMessage m) {
        return m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL;
    }
}
