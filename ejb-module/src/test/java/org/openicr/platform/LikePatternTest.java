package org.openicr.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikePatternTest {

    @ParameterizedTest(name = "[{0}] starting with -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "sm       | sm%",
                "%%       | \\%\\%%",
                "_a       | \\_a%",
                "a\\      | a\\\\%",
                "o'b      | o'b%",
                "\\%_     | \\\\\\%\\_%",
                "\"\"     | %",
            })
    void startingWithEscapesEveryWildcard(String input, String expected) {
        assertEquals(expected, LikePattern.startingWith(input));
    }

    @ParameterizedTest(name = "[{0}] containing -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {"khan | %khan%", "% | %\\%%", "_ | %\\_%", "\"\" | %%"})
    void containingEscapesEveryWildcard(String input, String expected) {
        assertEquals(expected, LikePattern.containing(input));
    }

    /** What PostgreSQL's LIKE with ESCAPE '\' does, as a regular expression, to check the patterns' meaning. */
    private static boolean like(String value, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(regex.toString());
    }

    @ParameterizedTest(name = "[{0}] starts with [{1}]: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "smith    | sm  | true",
                "smith    | %%  | false",
                "smith    | _m  | false",
                "smith    | s%  | false",
                "%%smith  | %%  | true",
                "_msmith  | _m  | true",
                "a\\b     | a\\ | true",
                "ab       | a\\ | false",
            })
    void aPatternMatchesItsTextLiterally(String value, String typed, boolean matches) {
        assertEquals(matches, like(value, LikePattern.startingWith(typed)));
    }
}
