package org.openicr.ingestion.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;
import org.openicr.ingestion.contract.Address;
import org.openicr.ingestion.contract.Code;
import org.openicr.ingestion.contract.Detail;
import org.openicr.ingestion.contract.Item;
import org.openicr.ingestion.contract.Person;
import org.openicr.patient.entity.Demographics;
import org.openicr.patient.entity.Gender;
import org.openicr.record.entity.DocumentContent;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.CarePlanning;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;
import org.openicr.vocabulary.Sensitivity;

/**
 * Turns the SOAP contract's types into the domain's, refusing with the contract's stable codes
 * what the schema alone cannot (unknown category or code system, invalid NHS Number...). Entities
 * never cross the SOAP boundary; these are the only conversions.
 */
public final class ContractMapping {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** An item with the document content that may come with it. */
    public record IncomingItem(ItemSubmission item, DocumentContent content) {}

    private ContractMapping() {}

    public static Demographics demographics(Person person) {
        if (person == null) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "person is required.");
        }
        Address address = person.getAddress();
        return new Demographics(
                NhsNumber.of(person.getNhsNumber()),
                person.getTitle(),
                person.getGivenNames(),
                person.getFamilyName(),
                date(person.getDateOfBirth()),
                date(person.getDateOfDeath()),
                person.getGender() == null
                        ? Gender.UNKNOWN
                        : Gender.valueOf(person.getGender().name()),
                address == null ? List.of() : address.getLine(),
                address == null ? null : address.getPostcode(),
                person.getPhone(),
                person.getGpPracticeOds(),
                person.isRestricted());
    }

    public static IncomingItem item(Item item, int index) {
        try {
            Category category = category(item.getCategory());
            long version = version(item);
            CodedConcept code = item.getCode() == null ? null : code(item.getCode());
            Map<String, String> details = new HashMap<>();
            for (Detail detail : item.getDetail()) {
                if (detail.getName() != null && detail.getValue() != null) {
                    details.put(detail.getName().strip(), detail.getValue());
                }
            }
            CarePlanning.check(category, details);
            DocumentContent content = null;
            if (item.getDocument() != null) {
                if (category != Category.DOCUMENTS) {
                    throw new IcrException(ErrorCode.INVALID_INPUT, "Only DOCUMENTS items carry document content.");
                }
                content = new DocumentContent(
                        item.getDocument().getContentType(), item.getDocument().getData());
            }
            ItemSubmission submission = new ItemSubmission(
                    category,
                    item.getSourceKey(),
                    version,
                    instant(item.getEffectiveAt()),
                    instant(item.getEffectiveEnd()),
                    instant(item.getRecordedAt()),
                    blankToNull(item.getStatus()),
                    code,
                    blankToNull(item.getText()),
                    sensitivity(item.getSensitivity()),
                    details);
            return new IncomingItem(submission, content);
        } catch (IcrException refused) {
            throw new IcrException(refused.code(), "item " + (index + 1) + ": " + refused.reason());
        }
    }

    static Category category(String name) {
        try {
            Category category =
                    Category.valueOf(name == null ? "" : name.strip().toUpperCase());
            if (!category.isItemCategory()) {
                throw new IcrException(ErrorCode.UNKNOWN_CATEGORY, "Demographics are sent with SubmitDemographics.");
            }
            return category;
        } catch (IllegalArgumentException unknown) {
            throw new IcrException(
                    ErrorCode.UNKNOWN_CATEGORY, "Category '" + name + "' is not one of the record's categories.");
        }
    }

    static CodedConcept code(Code code) {
        CodeSystem system = CodeSystem.lookup(code.getSystem())
                .orElseThrow(() -> new IcrException(
                        ErrorCode.UNKNOWN_CODE_SYSTEM, "Code system '" + code.getSystem() + "' is not accepted."));
        return new CodedConcept(system, code.getCode(), code.getDisplay());
    }

    static Sensitivity sensitivity(String name) {
        if (name == null || name.isBlank()) {
            return Sensitivity.NORMAL;
        }
        try {
            return Sensitivity.valueOf(name.strip().toUpperCase());
        } catch (IllegalArgumentException unknown) {
            throw new IcrException(ErrorCode.INVALID_INPUT, "sensitivity must be NORMAL, SEALED or SEALED_LOCKED.");
        }
    }

    private static long version(Item item) {
        if (item.getVersion() != null) {
            if (item.getVersion() < 0) {
                throw new IcrException(ErrorCode.INVALID_INPUT, "version must not be negative.");
            }
            return item.getVersion();
        }
        if (item.getLastUpdated() != null) {
            return instant(item.getLastUpdated()).toEpochMilli();
        }
        throw new IcrException(ErrorCode.INVALID_INPUT, "version or lastUpdated is required.");
    }

    static LocalDate date(XMLGregorianCalendar value) {
        return value == null ? null : LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
    }

    /** A dateTime without an offset is UK local time, as NHS systems send it. */
    static Instant instant(XMLGregorianCalendar value) {
        if (value == null) {
            return null;
        }
        if (value.getEon() != null
                || value.getHour() == 24
                || value.getHour() == DatatypeConstants.FIELD_UNDEFINED
                || value.getSecond() == DatatypeConstants.FIELD_UNDEFINED) {
            // Years beyond a billion, 24:00:00 and partial values: the calendar's own rules.
            return value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED
                    ? value.toGregorianCalendar()
                            .toZonedDateTime()
                            .toLocalDateTime()
                            .atZone(UK)
                            .toInstant()
                    : value.toGregorianCalendar().toInstant();
        }
        // Straight from the fields: a GregorianCalendar per value cost a few per cent of the
        // server's CPU for 50-item batches.
        LocalDateTime local = LocalDateTime.of(
                value.getYear(),
                value.getMonth(),
                value.getDay(),
                value.getHour(),
                value.getMinute(),
                value.getSecond(),
                value.getFractionalSecond() == null
                        ? 0
                        : value.getFractionalSecond().movePointRight(9).intValue());
        return value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED
                ? local.atZone(UK).toInstant()
                : local.toInstant(ZoneOffset.ofTotalSeconds(value.getTimezone() * 60));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
