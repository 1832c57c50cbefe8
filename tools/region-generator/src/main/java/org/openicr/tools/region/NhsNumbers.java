package org.openicr.tools.region;

/**
 * NHS Numbers for the synthetic region, in a fixed order: first the 999 test range (never issued to
 * anyone; about 909,000 of its numbers pass the Modulus 11 check), then, when a region needs more,
 * the 998 range. The 998 numbers pass the same check but are not reserved for testing, so every
 * person given one is marked synthetic (see {@link #isTestRange(String)} and docs/region.md).
 *
 * <p>The first thousand 999 numbers are left to the demo region (DemoRegion starts at 999 000 0000),
 * so the two never collide in one database.
 */
public final class NhsNumbers {

    /** Nine-digit stems: the region starts here, after the demo region's numbers. */
    static final long FIRST_TEST_STEM = 999_001_000L;

    static final long LAST_TEST_STEM = 999_999_999L;
    static final long FIRST_SYNTHETIC_STEM = 998_000_000L;
    static final long LAST_SYNTHETIC_STEM = 998_999_999L;

    private long nextStem;

    public NhsNumbers() {
        this(FIRST_TEST_STEM);
    }

    /** A sequence from another stem (tests start near the end of the test range). */
    NhsNumbers(long firstStem) {
        this.nextStem = firstStem;
    }

    /** The next valid number of the sequence. */
    public String next() {
        while (true) {
            if (nextStem > LAST_SYNTHETIC_STEM && nextStem < FIRST_TEST_STEM) {
                throw new IllegalStateException("No NHS Numbers left in the 999 and 998 ranges");
            }
            long stem = nextStem;
            nextStem = stem == LAST_TEST_STEM ? FIRST_SYNTHETIC_STEM : stem + 1;
            int check = checkDigit(stem);
            if (check >= 0) {
                return Long.toString(stem) + check;
            }
        }
    }

    /** The Modulus 11 check digit of a nine-digit stem, or -1 when the stem has none (remainder 10). */
    public static int checkDigit(long stem) {
        int sum = 0;
        long rest = stem;
        for (int weight = 2; weight <= 10; weight++) {
            sum += (int) (rest % 10) * weight;
            rest /= 10;
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return 0;
        }
        return check == 10 ? -1 : check;
    }

    /** Whether a ten-digit number passes the Modulus 11 check. */
    public static boolean isValid(String number) {
        if (number == null || !number.matches("[0-9]{10}")) {
            return false;
        }
        int check = checkDigit(Long.parseLong(number.substring(0, 9)));
        return check >= 0 && check == number.charAt(9) - '0';
    }

    /** Whether the number is in the 999 test range (otherwise the person is marked synthetic). */
    public static boolean isTestRange(String number) {
        return number.startsWith("999");
    }
}
