package org.openicr.tools.region;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    private static String row(CopyText t) {
        t.endRow();
        return new String(t.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void escapesTheCharactersCopyTextFormatReserves() {
        CopyText t = new CopyText(64);
        t.text("a\tb")
                .text("line1\nline2")
                .text("back\\slash")
                .text("cr\r")
                .text(null)
                .text("Zoë");
        assertEquals("a\\tb\tline1\\nline2\tback\\\\slash\tcr\\r\t\\N\tZoë\n", row(t));
    }

    @Test
    void writesNumbersBooleansAndNulls() {
        CopyText t = new CopyText(64);
        t.number(42).number(-7).bool(true).bool(false).date(Long.MIN_VALUE).timestamp(Long.MIN_VALUE);
        assertEquals("42\t-7\tt\tf\t\\N\t\\N\n", row(t));
    }

    @Test
    void formatsDatesAndTimestampsLikeJavaTime() {
        SplittableRandom r = new SplittableRandom(1);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        long[] fixed = {0, -1, 951_782_400L /* 2000-02-29 */, -2_208_988_800L /* 1900-01-01 */, 4_102_444_799L};
        for (int i = 0; i < 20_000 + fixed.length; i++) {
            long second = i < fixed.length ? fixed[i] : r.nextLong(-3_000_000_000L, 4_200_000_000L);
            CopyText t = new CopyText(32);
            t.timestamp(second);
            String expected =
                    LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).format(f) + "+00\n";
            assertEquals(expected, row(t), "second " + second);
            long day = Math.floorDiv(second, 86_400L);
            CopyText d = new CopyText(16);
            d.date(day);
            assertEquals(LocalDate.ofEpochDay(day) + "\n", row(d));
        }
    }

    @Test
    void writesByteaInHexWithTheBackslashEscaped() {
        CopyText t = new CopyText(16);
        t.number(1).bytea(new byte[] {0, 15, (byte) 0xAB, 'A'});
        assertEquals("1\t\\\\x000fab41\n", row(t));
    }

    @Test
    void fragmentsJoinColumnsWithTabs() {
        CopyText t = new CopyText(64);
        t.number(9).raw(CopyText.fragment("RESULTS", "1", null)).timestamp(0).raw(CopyText.fragment("x\ty"));
        assertEquals("9\tRESULTS\t1\t\\N\t1970-01-01 00:00:00+00\tx\\ty\n", row(t));
    }

    @Test
    void jsonDetailsAreSortedAndEscaped() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("value", "5.1");
        m.put("unit", "mmol/L");
        m.put("note", "he said \"no\"\\\n");
        m.put("skipped", null);
        assertEquals("{\"note\":\"he said \\\"no\\\"\\\\\\n\",\"unit\":\"mmol/L\",\"value\":\"5.1\"}", Json.object(m));
    }
}
