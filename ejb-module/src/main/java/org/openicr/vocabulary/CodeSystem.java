package org.openicr.vocabulary;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Code systems the record accepts, with the URIs FHIR and the NHS use for them. */
public enum CodeSystem {
    SNOMED_CT("http://snomed.info/sct"),
    DMD("https://dmd.nhs.uk"),
    LOINC("http://loinc.org"),
    ICD10("http://hl7.org/fhir/sid/icd-10"),
    OPCS4("http://fhir.nhs.uk/Id/opcs-4"),
    READ_V2("http://read.info/readv2"),
    /** A code local to the source system; display text is then required. */
    LOCAL("urn:openicr:local");

    /** Every name (upper case) and URI (lower case), looked up for each coded item received. */
    private static final Map<String, CodeSystem> BY_NAME_OR_URI = Arrays.stream(values())
            .flatMap(s -> Stream.of(Map.entry(s.name(), s), Map.entry(s.uri.toLowerCase(Locale.ROOT), s)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String uri;

    CodeSystem(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    /** By name (SNOMED_CT) or URI (http://snomed.info/sct). */
    public static Optional<CodeSystem> lookup(String nameOrUri) {
        if (nameOrUri == null) {
            return Optional.empty();
        }
        String key = nameOrUri.strip();
        CodeSystem byName = BY_NAME_OR_URI.get(key.toUpperCase(Locale.ROOT));
        return Optional.ofNullable(byName != null ? byName : BY_NAME_OR_URI.get(key.toLowerCase(Locale.ROOT)));
    }
}
