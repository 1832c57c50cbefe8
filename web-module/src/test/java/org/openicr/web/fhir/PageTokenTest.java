package org.openicr.web.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The page token (docs/fhir.md, "Paging") as tables: a token names the position it was issued for,
 * only for the search it was issued for, and any change to it, or another search, is refused.
 */
class PageTokenTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final PageToken TOKENS = new PageToken(KEY);
    private static final String SEARCH = "search|11|42|ALLERGIES|ApiFilter[...]";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "2026-01-05T09:00:00Z, 1",
        "2026-01-05T09:00:00.123456Z, 9223372036854775807",
        "1900-01-01T00:00:00Z, 17",
        ", 5",
    })
    void aTokenNamesThePositionItWasIssuedFor(String at, long id) {
        PageToken.Position position = new PageToken.Position(at == null ? null : Instant.parse(at), id);
        assertEquals(position, TOKENS.read(SEARCH, TOKENS.issue(SEARCH, position)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "another person;       search|11|43|ALLERGIES|ApiFilter[...]",
                "another role profile; search|12|42|ALLERGIES|ApiFilter[...]",
                "another category;     search|11|42|PROBLEMS|ApiFilter[...]",
                "other filters;        search|11|42|ALLERGIES|ApiFilter[..]",
                "$everything;          everything|11|42|[ALLERGIES]",
            })
    void aTokenIsRefusedForAnotherSearch(String what, String other) {
        String token = TOKENS.issue(SEARCH, new PageToken.Position(Instant.parse("2026-01-05T09:00:00Z"), 7));
        assertThrows(PageToken.Invalid.class, () -> TOKENS.read(other, token), what);
    }

    @Test
    void aChangedTokenIsRefused() {
        String token = TOKENS.issue(SEARCH, new PageToken.Position(Instant.parse("2026-01-05T09:00:00Z"), 7));
        String payload = token.substring(0, token.indexOf('.'));
        String mac = token.substring(token.indexOf('.') + 1);
        // another position with the same MAC: the page of item 8 is not reached by editing the token
        String forged = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("1:1767603600000000:8".getBytes(StandardCharsets.US_ASCII))
                + "." + mac;
        assertNotEquals(token, forged);
        for (String changed : new String[] {
            forged,
            payload + "." + mac.substring(1),
            payload.substring(1) + "." + mac,
            payload + mac,
            payload + "." + mac + ".x",
            "",
            ".",
            "not base64!." + mac,
            token.replace('A', 'B').equals(token) ? token + "A" : token.replace('A', 'B'),
        }) {
            assertThrows(PageToken.Invalid.class, () -> TOKENS.read(SEARCH, changed), changed);
        }
        assertThrows(PageToken.Invalid.class, () -> TOKENS.read(SEARCH, null));
    }

    @Test
    void aTokenOfAnotherKeyIsRefused() {
        byte[] other = Arrays.copyOf(KEY, KEY.length);
        other[0] ^= 1;
        String token = new PageToken(other).issue(SEARCH, new PageToken.Position(null, 3));
        assertThrows(PageToken.Invalid.class, () -> TOKENS.read(SEARCH, token));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PageToken(new byte[16]));
    }
}
