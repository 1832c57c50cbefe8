package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.vocabulary.CodeSystem;

class CodesAndEmbeddedDataTest {

    @ParameterizedTest
    @CsvSource({"LN, LOINC", "ln, LOINC", "SCT, SNOMED_CT", "SNOMED CT, SNOMED_CT", "I10, ICD10"})
    void nationalCodeSystemsAreKnownByTheirHl7Names(String hl7Name, CodeSystem system) {
        assertEquals(Optional.of(system), Codes.system(hl7Name));
    }

    @ParameterizedTest
    @CsvSource({"L", "99ZZZ", "WinPath", "''"})
    void otherNamesAreLocal(String hl7Name) {
        assertTrue(Codes.system(hl7Name).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
        "AP, PDF, application/pdf",
        "application, pdf, application/pdf",
        "TEXT, RTF, text/rtf",
        "TEXT, '', text/plain",
        "IM, JPEG, image/jpeg",
        "'', PDF, application/pdf",
        "'', '', application/octet-stream",
        "NS, Octet-stream, application/octet-stream",
        "multipart, '', multipart/octet-stream",
        "'', application/xml, application/xml",
    })
    void embeddedTypesBecomeMimeTypes(String type, String subtype, String contentType) {
        assertEquals(contentType, EmbeddedData.contentType(blank(type), blank(subtype)));
    }

    private static String blank(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
