package org.openicr.ingestion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statements whose columns are read by name give every column a name of its own (issue 17, item
 * 5): an expression without an alias, or two columns of one name, would make a by-name read fail or
 * read the wrong column. The table is each statement and the names its reader uses, in order.
 */
class SelectColumnNamesTest {

    static Stream<Arguments> statements() {
        List<String> first =
                List.of("first_id", "first_status", "first_outcome", "first_error_code", "first_error_reason");
        List<String> forMessage = new ArrayList<>(List.of(
                "source_id",
                "source_code",
                "source_active",
                "hl7_obx3_implies_loinc",
                "organisation_id",
                "ods_code",
                "organisation_name",
                "org_type",
                "sharing_mode",
                "organisation_active",
                FirstAnswers.RESERVED_ID));
        forMessage.addAll(first);
        forMessage.add("matched_person_id");
        List<String> reserveAndFirst = new ArrayList<>(List.of(FirstAnswers.RESERVED_ID));
        reserveAndFirst.addAll(first);
        return Stream.of(
                Arguments.of("Sources.FOR_MESSAGE", Sources.FOR_MESSAGE, forMessage),
                Arguments.of("FirstAnswers.FIRST", FirstAnswers.FIRST, first),
                Arguments.of("FirstAnswers.RESERVE_AND_FIRST", FirstAnswers.RESERVE_AND_FIRST, reserveAndFirst),
                Arguments.of(
                        "MergeStore.SELECT",
                        MergeStore.SELECT,
                        List.of(
                                "id",
                                "merged_at",
                                "surviving_nhs_number",
                                "surviving_person_id",
                                "retired_nhs_number",
                                "retired_person_id",
                                "source_account",
                                "message_id",
                                "items_moved",
                                "reversed_at",
                                "reversed_by",
                                "reversal_note",
                                "items_moved_back")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void everyColumnHasTheNameItsReaderUses(String name, String sql, List<String> read) {
        assertEquals(read, names(sql), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void noNameIsUsedTwice(String name, String sql, List<String> read) {
        List<String> names = names(sql);
        assertEquals(names.size(), names.stream().distinct().count(), name + ": " + names);
    }

    @org.junit.jupiter.api.Test
    void anExpressionWithoutANameIsRefusedByTheCheck() {
        assertThrows(IllegalArgumentException.class, () -> names("select s.id, coalesce(a, b) from t"));
        assertEquals(List.of("id", "c"), names("select s.id, coalesce(a, ',', b) as c from t"));
    }

    private static final Pattern COLUMN = Pattern.compile("(?:\\w+\\.)?(\\w+)");
    private static final Pattern ALIAS = Pattern.compile("(?s).*\\sas\\s+(\\w+)");

    /** The names of the columns of the statement's outer select list (what PostgreSQL reports). */
    static List<String> names(String sql) {
        String s = sql.strip();
        if (!s.startsWith("select ")) {
            throw new IllegalArgumentException("not a select: " + sql);
        }
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = "select ".length();
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                items.add(s.substring(start, i).strip());
                start = i + 1;
            } else if (!quoted && depth == 0 && s.startsWith(" from ", i)) {
                items.add(s.substring(start, i).strip());
                break;
            }
        }
        List<String> names = new ArrayList<>();
        for (String item : items) {
            Matcher alias = ALIAS.matcher(item);
            Matcher column = COLUMN.matcher(item);
            if (alias.matches()) {
                names.add(alias.group(1));
            } else if (column.matches()) {
                names.add(column.group(1));
            } else {
                throw new IllegalArgumentException("a column without a name of its own: " + item);
            }
        }
        return names;
    }
}
