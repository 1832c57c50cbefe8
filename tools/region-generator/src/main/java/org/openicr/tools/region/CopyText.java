package org.openicr.tools.region;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's COPY text format: tab between columns, {@code \N} for null, a newline after
 * each row, and backslash, tab, newline and carriage return escaped inside values. Timestamps are
 * written as UTC ({@code 2024-05-01 09:30:00+00}) with a hand-rolled formatter, because
 * {@link java.time.format.DateTimeFormatter} would dominate the cost of fifty million rows.
 */
public final class CopyText {

    private final ByteArrayOutputStream out;
    private boolean firstColumn = true;

    public CopyText(int initialBytes) {
        this.out = new ByteArrayOutputStream(initialBytes);
    }

    /** A value written with escaping; {@code null} becomes {@code \N}. */
    public CopyText text(String value) {
        separator();
        if (value == null) {
            out.write('\\');
            out.write('N');
            return this;
        }
        escape(value, out);
        return this;
    }

    public CopyText number(long value) {
        separator();
        writeAscii(Long.toString(value));
        return this;
    }

    public CopyText bool(boolean value) {
        separator();
        out.write(value ? 't' : 'f');
        return this;
    }

    /** Days since 1970-01-01 as an ISO date, or null for {@link Long#MIN_VALUE}. */
    public CopyText date(long epochDay) {
        separator();
        if (epochDay == Long.MIN_VALUE) {
            out.write('\\');
            out.write('N');
            return this;
        }
        writeDate(epochDay);
        return this;
    }

    /** Seconds since the epoch as a UTC timestamptz, or null for {@link Long#MIN_VALUE}. */
    public CopyText timestamp(long epochSecond) {
        separator();
        if (epochSecond == Long.MIN_VALUE) {
            out.write('\\');
            out.write('N');
            return this;
        }
        long day = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        writeDate(day);
        out.write(' ');
        two(secondOfDay / 3600);
        out.write(':');
        two(secondOfDay / 60 % 60);
        out.write(':');
        two(secondOfDay % 60);
        out.write('+');
        out.write('0');
        out.write('0');
        return this;
    }

    /** Bytes as a bytea value in hex form ({@code \\x...}: the backslash itself escaped for COPY). */
    public CopyText bytea(byte[] data) {
        separator();
        out.write('\\');
        out.write('\\');
        out.write('x');
        for (byte b : data) {
            out.write(HEX[(b >> 4) & 0xF]);
            out.write(HEX[b & 0xF]);
        }
        return this;
    }

    /** Already escaped column text (a pre-encoded fragment holding one or more columns). */
    public CopyText raw(byte[] encodedColumns) {
        separator();
        out.write(encodedColumns, 0, encodedColumns.length);
        return this;
    }

    public void endRow() {
        out.write('\n');
        firstColumn = true;
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    public void reset() {
        out.reset();
        firstColumn = true;
    }

    private void separator() {
        if (!firstColumn) {
            out.write('\t');
        }
        firstColumn = false;
    }

    private void writeAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            out.write(s.charAt(i));
        }
    }

    private void two(int v) {
        out.write('0' + v / 10);
        out.write('0' + v % 10);
    }

    private void writeDate(long epochDay) {
        // Howard Hinnant's civil_from_days, as in java.time.LocalDate.ofEpochDay.
        long zeroDay = epochDay + 719_528L - 60;
        long era = Math.floorDiv(zeroDay, 146_097L);
        long dayOfEra = zeroDay - era * 146_097L;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long year = yearOfEra + era * 400;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        if (month <= 2) {
            year++;
        }
        int y = (int) year;
        out.write('0' + y / 1000 % 10);
        out.write('0' + y / 100 % 10);
        out.write('0' + y / 10 % 10);
        out.write('0' + y % 10);
        out.write('-');
        two(month);
        out.write('-');
        two(day);
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Escapes one value for COPY text format into {@code out} (UTF-8). */
    static void escape(String value, ByteArrayOutputStream out) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            switch (b) {
                case '\\' -> {
                    out.write('\\');
                    out.write('\\');
                }
                case '\t' -> {
                    out.write('\\');
                    out.write('t');
                }
                case '\n' -> {
                    out.write('\\');
                    out.write('n');
                }
                case '\r' -> {
                    out.write('\\');
                    out.write('r');
                }
                default -> out.write(b);
            }
        }
    }

    /** Pre-encodes several text columns (nulls allowed) into one fragment for {@link #raw(byte[])}. */
    public static byte[] fragment(String... columns) {
        CopyText t = new CopyText(64);
        for (String c : columns) {
            t.text(c);
        }
        return t.toByteArray();
    }
}
