package org.openicr.vocabulary;

import java.io.Serializable;
import java.util.Optional;

/**
 * A valid NHS Number: ten digits whose last is the Modulus 11 check digit of the first nine
 * (weights 10 down to 2; 11 minus the remainder, 11 meaning 0 and 10 meaning invalid). Stored
 * without spaces, shown 3-3-4.
 */
public final class NhsNumber implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * What a person is told about a number that is not an NHS Number (wrong length, not digits, or a
     * check digit that does not match): one plain sentence, with no jargon about the check.
     */
    public static final String MESSAGE = "This is not a valid NHS Number (check the digits).";

    private final String value;

    private NhsNumber(String value) {
        this.value = value;
    }

    /** Accepts the ten digits with or without spaces or hyphens; refuses anything else. */
    public static NhsNumber of(String text) {
        return parse(text).orElseThrow(() -> new IcrException(ErrorCode.INVALID_NHS_NUMBER, MESSAGE));
    }

    public static Optional<NhsNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.strip().replace(" ", "").replace("-", "");
        return isValidDigits(digits) ? Optional.of(new NhsNumber(digits)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /** The check digit the first nine digits call for, or -1 when no digit can make them valid. */
    static int checkDigit(String firstNine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (firstNine.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            return 0;
        }
        return check == 10 ? -1 : check;
    }

    private static boolean isValidDigits(String digits) {
        if (digits.length() != 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int expected = checkDigit(digits.substring(0, 9));
        return expected >= 0 && expected == digits.charAt(9) - '0';
    }

    /** The ten digits, as stored and exchanged. */
    public String value() {
        return value;
    }

    /** The form people read and say: {@code 943 476 5919}. */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
    }

    /**
     * Ten stored digits as people read them ({@code 943 476 5919}); anything that is not ten digits
     * (a number as it came in, null) is answered unchanged.
     */
    public static String display(String digits) {
        return digits != null && digits.length() == 10 && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                ? digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6)
                : digits;
    }

    /** Whether it is in the 999 range that is never issued and is used for test data. */
    public boolean isTestRange() {
        return value.startsWith("999");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NhsNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked so that an NHS Number printed by accident does not leak into a log. */
    @Override
    public String toString() {
        return "NhsNumber[******" + value.substring(6) + "]";
    }
}
