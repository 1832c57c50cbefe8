package org.openicr.record.entity;

import java.util.Arrays;
import java.util.Optional;

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
        return Arrays.stream(values())
                .filter(s -> s.name().equalsIgnoreCase(key) || s.uri.equalsIgnoreCase(key))
                .findFirst();
    }
}
