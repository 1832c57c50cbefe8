package org.openicr.web.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openicr.web.record.Items.item;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendSeriesTest {

    private static List<org.openicr.record.boundary.ItemView> hba1c() {
        return List.of(
                item(
                        "RESULTS",
                        "2025-01-10T09:00",
                        "final",
                        "Haemoglobin A1c",
                        "value",
                        "64",
                        "unit",
                        "mmol/mol",
                        "referenceLow",
                        "20",
                        "referenceHigh",
                        "41",
                        "interpretation",
                        "H"),
                item("RESULTS", "2025-06-10T09:00", "final", "Haemoglobin A1c", "value", "not reported"),
                Items.withheld("RESULTS", "2025-08-01T09:00"),
                item(
                        "RESULTS",
                        "2025-11-10T09:00",
                        "final",
                        "Haemoglobin A1c",
                        "value",
                        "58.5",
                        "unit",
                        "mmol/mol",
                        "referenceLow",
                        "20",
                        "referenceHigh",
                        "42",
                        "interpretation",
                        "H"));
    }

    @Test
    void onlyNumericVisibleResultsMakeTheLineWithUkDates() {
        TrendSeries trend = TrendSeries.of(hba1c());
        assertEquals(2, trend.getPoints().size());
        assertEquals("10-Jan-2025", trend.getPoints().get(0).date());
        assertEquals(new BigDecimal("58.5"), trend.getPoints().get(1).value());
        assertEquals("mmol/mol", trend.getUnit());
        assertTrue(trend.isDrawable());
    }

    @Test
    void theReferenceRangeIsTheNewestResults() {
        TrendSeries trend = TrendSeries.of(hba1c());
        assertEquals(new BigDecimal("20"), trend.getLow());
        assertEquals(new BigDecimal("42"), trend.getHigh());
    }

    @Test
    void theChartDrawsTheValuesAndTheRangeAsABand() {
        String json = TrendSeries.of(hba1c()).chartJson();
        assertTrue(json.contains("\"labels\":[\"10-Jan-2025\",\"10-Nov-2025\"]"), json);
        assertTrue(json.contains("\"data\":[64,58.5]"), json);
        assertTrue(json.contains("\"label\":\"Reference low 20\",\"data\":[20,20]"), json);
        assertTrue(json.contains("\"label\":\"Reference high 42\",\"data\":[42,42]"), json);
        assertTrue(json.contains("\"fill\":\"-1\""), json);
    }

    @Test
    void oneResultIsNoTrend() {
        TrendSeries trend = TrendSeries.of(hba1c().subList(0, 1));
        assertFalse(trend.isDrawable());
    }

    @Test
    void textInTheChartCannotCloseTheScript() {
        assertEquals("\"a\\\"b\\u003c/script\\u003e\\\\\"", TrendSeries.quote("a\"b</script>\\"));
    }
}
