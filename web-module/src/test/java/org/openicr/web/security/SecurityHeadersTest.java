package org.openicr.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityHeadersTest {

    @ParameterizedTest(name = "Origin {0}, Referer {1}, Host {2}: cross-origin {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "http://localhost:28080, -, localhost:28080, false",
                "https://icr.example.nhs.uk, -, icr.example.nhs.uk, false",
                "http://icr.example.nhs.uk, -, icr.example.nhs.uk, false",
                "https://icr.example.nhs.uk:443, -, icr.example.nhs.uk, false",
                "HTTP://LOCALHOST:28080, -, localhost:28080, false",
                "https://attacker.example, -, localhost:28080, true",
                "http://localhost:28081, -, localhost:28080, true",
                "http://localhost.attacker.example:28080, -, localhost:28080, true",
                "null, -, localhost:28080, true",
                "file://, -, localhost:28080, true",
                "-, http://localhost:28080/openicr/record/search.xhtml, localhost:28080, false",
                "-, https://attacker.example/page, localhost:28080, true",
                "-, -, localhost:28080, false",
                "http://localhost:28080, -, -, true",
            })
    void crossOrigin(String origin, String referer, String host, boolean expected) {
        assertEquals(expected, SecurityHeaders.isCrossOrigin(origin, referer, host));
    }

    @ParameterizedTest
    @CsvSource({"GET, false", "HEAD, false", "OPTIONS, false", "POST, true", "PUT, true", "DELETE, true", "PATCH, true"
    })
    void changesState(String method, boolean expected) {
        assertEquals(expected, SecurityHeaders.changesState(method));
    }

    @ParameterizedTest
    @CsvSource({
        "/record/view.xhtml, true",
        "/, true",
        "'', true",
        "/record/document, false",
        "/privacy/audit-cost, false"
    })
    void pages(String path, boolean expected) {
        assertEquals(expected, SecurityHeaders.isPage(path));
    }
}
