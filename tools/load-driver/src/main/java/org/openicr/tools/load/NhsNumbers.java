package org.openicr.tools.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic NHS Numbers from the 999 range, which is never issued to anyone. The load driver starts
 * at 999 100 0000 so that its people never clash with the demo region's (999 000 0000 upwards).
 */
public final class NhsNumbers {

    /** First nine digits of the load driver's first number (999 100 000x). */
    public static final long DEFAULT_STEM = 999_100_000L;

    private static final long LOWEST_TEST_STEM = 999_000_000L;
    private static final long HIGHEST_TEST_STEM = 999_999_999L;

    private NhsNumbers() {}

    /**
     * The Modulus 11 check digit of a nine-digit stem (weights 10 down to 2, check = 11 - sum mod 11,
     * 11 becomes 0), or -1 when the result is 10: such stems are never issued.
     */
    public static int checkDigit(String nineDigits) {
        if (nineDigits == null || !nineDigits.matches("[0-9]{9}")) {
            throw new IllegalArgumentException("nine digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return 0;
        }
        return check == 10 ? -1 : check;
    }

    public static boolean isValid(String number) {
        String digits = number == null ? "" : number.replace(" ", "");
        if (!digits.matches("[0-9]{10}")) {
            return false;
        }
        int check = checkDigit(digits.substring(0, 9));
        return check >= 0 && check == digits.charAt(9) - '0';
    }

    /** The first {@code count} valid numbers at or after the stem, skipping stems whose check digit is 10. */
    public static List<String> sequence(long firstStem, int count) {
        if (firstStem < LOWEST_TEST_STEM || firstStem > HIGHEST_TEST_STEM) {
            throw new IllegalArgumentException("the stem must be in the 999 test range (999000000-999999999)");
        }
        List<String> numbers = new ArrayList<>(count);
        for (long stem = firstStem; numbers.size() < count; stem++) {
            if (stem > HIGHEST_TEST_STEM) {
                throw new IllegalArgumentException("not enough test-range numbers after " + firstStem);
            }
            String nine = Long.toString(stem);
            int check = checkDigit(nine);
            if (check >= 0) {
                numbers.add(nine + check);
            }
        }
        return numbers;
    }
}
