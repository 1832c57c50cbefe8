package org.openicr.vocabulary;

/**
 * Every bounded text field a source can send, with the database column it is stored in and that
 * column's length (db/*.sql). The contract's schema states the same limits (xs:maxLength in
 * ingestion-v1.xsd); a value over its limit is refused with INVALID_INPUT naming the field and its
 * limit, before anything is stored, rather than failing in the database as INTERNAL_ERROR (which
 * would tell the sender to retry a message that can never succeed). FieldLimitsSoapIT compares
 * these with information_schema.columns so that they cannot drift.
 */
public enum FieldLimit {
    MESSAGE_ID("messageId", "inbound_message", "message_id", 100),
    TITLE("person/title", "person", "title", 40),
    GIVEN_NAMES("person/givenNames", "person", "given_names", 200),
    FAMILY_NAME("person/familyName", "person", "family_name", 200),
    /** The address lines are stored together, one per line: all of them with their line breaks. */
    ADDRESS_LINES("person/address/line (all lines together)", "person", "address_lines", 500),
    POSTCODE("person/address/postcode", "person", "postcode", 10),
    PHONE("person/phone", "person", "phone", 40),
    GP_PRACTICE_ODS("person/gpPracticeOds", "person", "gp_practice_ods", 12),
    LOCAL_IDENTIFIER("localIdentifier", "person_identifier", "value", 100),
    CATEGORY("item/category", "record_item", "category", 20),
    SOURCE_KEY("item/sourceKey", "record_item", "source_key", 200),
    STATUS("item/status", "record_item", "status", 40),
    CODE("item/code/code", "record_item", "code", 40),
    DISPLAY("item/code/display", "record_item", "display", 500),
    SENSITIVITY("item/sensitivity", "record_item", "sensitivity", 20),
    CONTENT_TYPE("item/document/contentType", "document_content", "content_type", 100),
    WITHDRAWAL_SOURCE_KEY("withdrawal/sourceKey", "record_item", "source_key", 200),
    WITHDRAWAL_REASON("withdrawal/reason", "record_item", "withdrawn_reason", 40);

    private final String field;
    private final String table;
    private final String column;
    private final int max;

    FieldLimit(String field, String table, String column, int max) {
        this.field = field;
        this.table = table;
        this.column = column;
        this.max = max;
    }

    /** The field as the contract names it (its path in the message). */
    public String field() {
        return field;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    /** The most characters the field may hold. */
    public int max() {
        return max;
    }

    /** The value, when it fits; otherwise INVALID_INPUT naming the field (as the contract names it). */
    public String check(String value) {
        return check(value, field);
    }

    /** The value, when it fits; otherwise INVALID_INPUT naming the field as {@code name}. */
    public String check(String value, String name) {
        if (value != null && value.length() > max) {
            throw new TooLong(tooLong(name, max, value.length()));
        }
        return value;
    }

    /** A value over its field's limit: never skipped quietly, always a refusal naming the field. */
    public static final class TooLong extends IcrException {
        private static final long serialVersionUID = 1L;

        TooLong(String reason) {
            super(ErrorCode.INVALID_INPUT, reason);
        }
    }

    /** The reason given for a value over its limit. */
    public static String tooLong(String name, int max, int length) {
        return name + " is longer than its limit of " + max + " characters (it has " + length + ").";
    }
}
