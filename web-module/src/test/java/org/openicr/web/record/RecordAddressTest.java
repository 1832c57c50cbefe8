package org.openicr.web.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The record page reads its own address (no f:viewParams): what each parameter becomes. */
class RecordAddressTest {

    private static RecordBacking read(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        RecordBacking backing = new RecordBacking();
        backing.readAddress(parameters);
        return backing;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                // query                                          | person | category | from | document | page
                "person=18                                         | 18     | null     | 0    | null     | null",
                "person= 18 &category=RESULTS                      | 18     | RESULTS  | 0    | null     | null",
                "person=18&page=timeline&from=50                   | 18     | null     | 50   | null     | timeline",
                "person=18&category=ENCOUNTERS&from=abc            | 18     | ENCOUNTERS | 0  | null     | null",
                "person=18&category=ENCOUNTERS&from=-5             | 18     | ENCOUNTERS | 0  | null     | null",
                "person=18&category=ENCOUNTERS&from=99999999999    | 18     | ENCOUNTERS | 0  | null     | null",
                "person=18&category=DOCUMENTS&document=77          | 18     | DOCUMENTS | 0   | 77       | null",
                "person=18&category=DOCUMENTS&document=x1          | 18     | DOCUMENTS | 0   | null     | null",
                "person=abc                                        | null   | null     | 0    | null     | null",
                "''                                                | null   | null     | 0    | null     | null",
            })
    void eachParameterBecomesWhatThePageUses(
            String query, Long person, String category, int from, Long document, String page) {
        RecordBacking b = read(query.strip().replace("''", "").replace(" ", ""));
        assertEquals(person, b.getPerson(), "person");
        assertEquals(category, b.getCategory(), "category");
        assertEquals(from, b.getFrom(), "from");
        assertEquals(document, b.getDocument(), "document");
        assertEquals(page, b.getPage(), "page");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"person=18&category=RESULTS&trendSystem=LOINC&trend=4548-4&test=LOINC%7C4548-4&report=R1"})
    void theResultsFiltersAndTrendAreKeptAsSent(String query) {
        RecordBacking b = read(query);
        assertEquals("LOINC", b.getTrendSystem());
        assertEquals("4548-4", b.getTrend());
        assertEquals("LOINC%7C4548-4", b.getTest());
        assertEquals("R1", b.getReport());
    }
}
