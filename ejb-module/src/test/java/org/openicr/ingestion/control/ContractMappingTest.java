package org.openicr.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openicr.ingestion.contract.Code;
import org.openicr.ingestion.contract.Detail;
import org.openicr.ingestion.contract.DocumentContent;
import org.openicr.ingestion.contract.Item;
import org.openicr.ingestion.control.ContractMapping.IncomingItem;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.Sensitivity;

class ContractMappingTest {

    private static Item item(String category) {
        Item item = new Item();
        item.setCategory(category);
        item.setSourceKey("key-1");
        item.setVersion(3L);
        item.setText("text");
        return item;
    }

    private static ErrorCode refusal(Item item) {
        return assertThrows(IcrException.class, () -> ContractMapping.item(item, 0))
                .code();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MEDICATIONS", "medications", " Results ", "SOCIAL_CARE", "CONTACTS", "APPOINTMENTS"})
    void everyItemCategoryIsAcceptedWhateverItsCase(String category) {
        IncomingItem mapped = ContractMapping.item(item(category), 0);
        assertEquals(
                Category.valueOf(category.strip().toUpperCase()), mapped.item().category());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HOROSCOPES", "", "DEMOGRAPHICS"})
    void otherCategoriesAreUnknown(String category) {
        assertEquals(ErrorCode.UNKNOWN_CATEGORY, refusal(item(category)));
    }

    private static Detail detail(String name, String value) {
        Detail detail = new Detail();
        detail.setName(name);
        detail.setValue(value);
        return detail;
    }

    @Test
    void aCarePlanIsMappedWithItsTypedDetails() {
        Item plan = item("CARE_PLANS");
        plan.getDetail().add(detail("planType", "respect"));
        plan.getDetail().add(detail("cprDecision", "not-for-cpr"));
        plan.getDetail().add(detail("formLocation", "With the patient at home"));
        IncomingItem mapped = ContractMapping.item(plan, 0);
        assertEquals(Category.CARE_PLANS, mapped.item().category());
        assertEquals("not-for-cpr", mapped.item().details().get("cprDecision"));
    }

    @Test
    void aCarePlanItCannotReadIsRefusedNamingTheItemAndTheDetail() {
        Item plan = item("CARE_PLANS");
        plan.getDetail().add(detail("planType", "dnacpr"));
        IcrException refused = assertThrows(IcrException.class, () -> ContractMapping.item(plan, 1));
        assertEquals(ErrorCode.INVALID_INPUT, refused.code());
        assertEquals("item 2: detail cprDecision is required: send one of not-for-cpr, for-cpr.", refused.reason());
    }

    @Test
    void anAdjustmentNeedsItsFlagCategory() {
        assertEquals(ErrorCode.INVALID_INPUT, refusal(item("ADJUSTMENTS")));
    }

    @Test
    void aMissingCategoryIsUnknown() {
        assertEquals(ErrorCode.UNKNOWN_CATEGORY, refusal(item(null)));
    }

    @ParameterizedTest
    @CsvSource({
        "SNOMED_CT, SNOMED_CT",
        "http://snomed.info/sct, SNOMED_CT",
        "dmd, DMD",
        "https://dmd.nhs.uk, DMD",
        "LOINC, LOINC",
        "http://loinc.org, LOINC"
    })
    void codeSystemsAreKnownByNameOrUri(String given, CodeSystem expected) {
        Item item = item("PROBLEMS");
        Code code = new Code();
        code.setSystem(given);
        code.setCode(expected == CodeSystem.LOINC ? "2823-3" : "38341003");
        item.setCode(code);
        assertEquals(expected, ContractMapping.item(item, 0).item().code().system());
    }

    @Test
    void anUnknownCodeSystemIsRefusedWithItsOwnCode() {
        Item item = item("PROBLEMS");
        Code code = new Code();
        code.setSystem("MYSTERY");
        code.setCode("1");
        item.setCode(code);
        assertEquals(ErrorCode.UNKNOWN_CODE_SYSTEM, refusal(item));
    }

    @Test
    void aLocalCodeNeedsItsDisplay() {
        Item item = item("RESULTS");
        Code code = new Code();
        code.setSystem("LOCAL");
        code.setCode("K+");
        item.setCode(code);
        assertEquals(ErrorCode.INVALID_INPUT, refusal(item));
    }

    @Test
    void aSnomedIdMustBeDigits() {
        Item item = item("PROBLEMS");
        Code code = new Code();
        code.setSystem("SNOMED_CT");
        code.setCode("ABC123");
        item.setCode(code);
        assertEquals(ErrorCode.INVALID_INPUT, refusal(item));
    }

    @Test
    void lastUpdatedStandsInForAMissingVersion() throws Exception {
        Item item = item("ALLERGIES");
        item.setVersion(null);
        item.setLastUpdated(DatatypeFactory.newInstance().newXMLGregorianCalendar("2026-01-06T10:15:00Z"));
        assertEquals(
                Instant.parse("2026-01-06T10:15:00Z").toEpochMilli(),
                ContractMapping.item(item, 0).item().version());
    }

    @Test
    void anItemNeedsAVersionOrALastUpdatedTime() {
        Item item = item("ALLERGIES");
        item.setVersion(null);
        assertEquals(ErrorCode.INVALID_INPUT, refusal(item));
    }

    @Test
    void aNegativeVersionIsRefused() {
        Item item = item("ALLERGIES");
        item.setVersion(-1L);
        assertEquals(ErrorCode.INVALID_INPUT, refusal(item));
    }

    @Test
    void timesWithoutAnOffsetAreUkLocalTime() throws Exception {
        Item item = item("ENCOUNTERS");
        DatatypeFactory types = DatatypeFactory.newInstance();
        item.setEffectiveAt(types.newXMLGregorianCalendar("2026-07-01T09:00:00"));
        item.setEffectiveEnd(types.newXMLGregorianCalendar("2026-07-01T11:30:00+02:00"));
        IncomingItem mapped = ContractMapping.item(item, 0);
        assertEquals(Instant.parse("2026-07-01T08:00:00Z"), mapped.item().effectiveAt(), "BST is UTC+1 in July");
        assertEquals(Instant.parse("2026-07-01T09:30:00Z"), mapped.item().effectiveEnd());
    }

    @Test
    void detailsAreKeptAndUnknownDetailNamesRefused() {
        Item item = item("MEDICATIONS");
        Detail dose = new Detail();
        dose.setName("dose");
        dose.setValue("One daily");
        item.getDetail().add(dose);
        assertEquals("One daily", ContractMapping.item(item, 0).item().details().get("dose"));
        Detail odd = new Detail();
        odd.setName("favouriteColour");
        odd.setValue("blue");
        item.getDetail().add(odd);
        IcrException refused = assertThrows(IcrException.class, () -> ContractMapping.item(item, 4));
        assertEquals(ErrorCode.INVALID_INPUT, refused.code());
        assertTrue(refused.reason().startsWith("item 5:"), refused.reason());
    }

    @Test
    void onlyDocumentsCarryContent() {
        DocumentContent content = new DocumentContent();
        content.setContentType("text/plain");
        content.setData("Discharge summary".getBytes(StandardCharsets.UTF_8));
        Item document = item("DOCUMENTS");
        document.setDocument(content);
        assertArrayEquals(
                "Discharge summary".getBytes(StandardCharsets.UTF_8),
                ContractMapping.item(document, 0).content().data());
        Item medication = item("MEDICATIONS");
        medication.setDocument(content);
        assertEquals(ErrorCode.INVALID_INPUT, refusal(medication));
    }

    @Test
    void documentContentMustBeAViewableType() {
        DocumentContent content = new DocumentContent();
        content.setContentType("application/x-msdownload");
        content.setData(new byte[] {1});
        Item document = item("DOCUMENTS");
        document.setDocument(content);
        assertEquals(ErrorCode.INVALID_INPUT, refusal(document));
    }

    @ParameterizedTest
    @CsvSource({"'', NORMAL", "sealed, SEALED", "SEALED_LOCKED, SEALED_LOCKED"})
    void sensitivityDefaultsToNormal(String given, Sensitivity expected) {
        Item item = item("PROBLEMS");
        item.setSensitivity(given);
        assertEquals(expected, ContractMapping.item(item, 0).item().sensitivity());
    }

    @Test
    void anUnknownSensitivityIsRefused() {
        Item item = item("PROBLEMS");
        item.setSensitivity("SECRET");
        assertEquals(ErrorCode.INVALID_INPUT, refusal(item));
    }

    @Test
    void anItemNeedsACodeOrText() {
        Item item = item("PROBLEMS");
        item.setText(" ");
        assertEquals(ErrorCode.INVALID_INPUT, refusal(item));
    }

    @Test
    void blankStatusBecomesNone() {
        Item item = item("PROBLEMS");
        item.setStatus("  ");
        assertNull(ContractMapping.item(item, 0).item().status());
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-06T10:15:00, 2026-01-06T10:15:00Z",
        "2026-07-01T09:00:00, 2026-07-01T08:00:00Z",
        "2026-07-01T09:00:00.123456789, 2026-07-01T08:00:00.123456789Z",
        "2026-07-01T09:00:00.5+02:00, 2026-07-01T07:00:00.5Z",
        "2026-01-06T10:15:00-05:30, 2026-01-06T15:45:00Z",
        "2026-10-25T01:30:00, 2026-10-25T00:30:00Z",
        "2026-03-29T01:30:00, 2026-03-29T01:30:00Z",
        "2026-12-31T24:00:00Z, 2027-01-01T00:00:00Z",
        "1899-12-31T23:59:59Z, 1899-12-31T23:59:59Z"
    })
    void dateTimesAreReadStraightFromTheirFieldsAsTheCalendarWould(String lexical, String expected) throws Exception {
        javax.xml.datatype.XMLGregorianCalendar value =
                DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(lexical);
        Instant reference = value.getTimezone() == javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED
                ? value.toGregorianCalendar()
                        .toZonedDateTime()
                        .toLocalDateTime()
                        .atZone(java.time.ZoneId.of("Europe/London"))
                        .toInstant()
                : value.toGregorianCalendar().toInstant();

        assertEquals(Instant.parse(expected), ContractMapping.instant(value), lexical);
        if (value.getFractionalSecond() == null || value.getFractionalSecond().scale() <= 3) {
            assertEquals(reference, ContractMapping.instant(value), "as the calendar reads " + lexical);
        }
    }
}
