package org.openicr.ingestion.control.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openicr.ingestion.control.hl7.Er7.PID_UK;
import static org.openicr.ingestion.control.hl7.Er7.message;
import static org.openicr.ingestion.control.hl7.Er7.msh;
import static org.openicr.ingestion.control.hl7.Er7.segment;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.ingestion.control.hl7.Hl7Command.UpsertItem;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.CodeSystem;

/**
 * Issue 21, item 6: an OBX-3 code without a coding system kept as LOINC when its source says its
 * feed means LOINC and the code has LOINC's shape; reference ranges in the forms laboratories write
 * them. Messages written for this test (the shared samples name their coding systems).
 */
class ImpliedCodesAndRangesTest {

    private static final Hl7Mapper MAPPER = new Hl7Mapper();

    private static ItemSubmission result(String obx3, String obx7, SourceConventions conventions) {
        Hl7Mapping mapping = MAPPER.map(
                message(
                        msh("ORU^R01^ORU_R01", "MSG-LN"),
                        PID_UK,
                        segment("OBR", 1, "1", 3, "LAB-1", 4, "GLU^Glucose", 7, "20260310090000"),
                        segment(
                                "OBX",
                                1,
                                "1",
                                2,
                                "NM",
                                3,
                                obx3,
                                5,
                                "5.4",
                                6,
                                "mmol/L",
                                7,
                                obx7 == null ? "" : obx7,
                                11,
                                "F")),
                conventions);
        assertEquals(Hl7Outcome.MAPPED, mapping.outcome(), mapping.reasons()::toString);
        List<ItemSubmission> items = mapping.commands(UpsertItem.class).stream()
                .map(UpsertItem::item)
                .toList();
        assertEquals(1, items.size());
        return items.get(0);
    }

    @ParameterizedTest(name = "OBX-3 {0}, source implies LOINC {1}: {2} {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                // the source's setting on, LOINC's shape, no coding system: LOINC
                "2345-7^Glucose          | true  | LOINC | 2345-7",
                "718-7^Glucose           | true  | LOINC | 718-7",
                "2345-7^Glucose^         | true  | LOINC | 2345-7",
                // the setting off: local, as before
                "2345-7^Glucose          | false | LOCAL | 2345-7",
                // a wrong check digit, or not LOINC's shape: local
                "2345-8^Glucose          | true  | LOCAL | 2345-8",
                "GLU^Glucose             | true  | LOCAL | GLU",
                "12345678-9^Glucose      | true  | LOCAL | 12345678-9",
                // a coding system the sender named is read as named, whatever the setting
                "2345-7^Glucose^L        | true  | LOCAL | 2345-7",
                "2345-7^Glucose^99LAB    | true  | LOCAL | 2345-7",
                "2345-7^Glucose^LN       | false | LOINC | 2345-7",
                "GLU^Glucose^L^2345-7^Glucose^LN | false | LOINC | 2345-7",
            })
    void anImpliedLoincCodeIsKeptAsLoinc(String obx3, boolean impliesLoinc, CodeSystem system, String code) {
        ItemSubmission item = result(obx3, null, new SourceConventions(impliesLoinc));

        assertEquals(system, item.code().system());
        assertEquals(code, item.code().code());
        assertEquals("Glucose", item.code().display());
    }

    @ParameterizedTest(name = "LOINC shape [{0}]: {1}")
    @CsvSource({
        "718-7,true",
        "2345-7,true",
        "8867-4,true",
        "30963-3,true",
        "718-8,false",
        "7187,false",
        "-7,false",
        "A718-7,false",
        "1234567-4,true",
        "12345678-6,false"
    })
    void loincShape(String code, boolean shaped) {
        assertEquals(shaped, Codes.isLoincShaped(code));
    }

    @ParameterizedTest(name = "OBX-7 [{0}]: low {1}, high {2}, text kept {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "70-105     | 70   | 105  | -",
                "70 - 105   | 70   | 105  | -",
                "70_105     | 70   | 105  | -",
                "3.5 to 5.3 | 3.5  | 5.3  | -",
                "-2.5-2.5   | -2.5 | 2.5  | -",
                "<5         | -    | 5    | <5",
                "< 5        | -    | 5    | < 5",
                "<=5        | -    | 5    | <=5",
                "≤5         | -    | 5    | ≤5",
                ">60        | 60   | -    | >60",
                ">=60       | 60   | -    | >=60",
                "negative   | -    | -    | negative",
                "<5 mmol/L  | -    | -    | <5 mmol/L",
                "5-         | -    | -    | 5-",
            })
    void referenceRangesAreReadIntoLimitsAndTheTextIsKept(String written, String low, String high, String text) {
        ItemSubmission item = result("2345-7^Glucose^LN", written, SourceConventions.NONE);

        assertEquals(low, item.details().get("referenceLow"));
        assertEquals(high, item.details().get("referenceHigh"));
        assertEquals(text, item.details().get("referenceText"));
    }

    @ParameterizedTest(name = "empty OBX-7")
    @CsvSource({"''"})
    void noRangeNoDetails(String written) {
        ItemSubmission item = result("2345-7^Glucose^LN", written, SourceConventions.NONE);

        assertEquals(null, item.details().get("referenceLow"));
        assertEquals(null, item.details().get("referenceHigh"));
        assertEquals(null, item.details().get("referenceText"));
    }
}
