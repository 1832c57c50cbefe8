package org.openicr.access.entity;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The person as the record page's banner shows them, read by the access facts' one statement with
 * the facts the decision needs (so that a record page reads its person once). What a reader may see
 * of it (a restricted person's address, phone and GP practice are withheld) is the boundary's to
 * apply with the decision's scope; this holds the columns as stored.
 *
 * @param nhsNumber the NHS Number's ten digits
 * @param gender the stored gender code ({@code patient.entity.Gender}'s name)
 * @param addressLines the address lines, in order (none when none is stored)
 * @param gpPracticeName the registered practice's name in the directory, null when it holds no
 *     organisation of that code
 */
public record PersonDetails(
        long personId,
        String nhsNumber,
        String title,
        String givenNames,
        String familyName,
        LocalDate dateOfBirth,
        LocalDate dateOfDeath,
        String gender,
        List<String> addressLines,
        String postcode,
        String phone,
        String gpPracticeOds,
        String gpPracticeName) {

    public PersonDetails {
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }

    /** The address lines of the stored column (one line per line of text; none when empty). */
    public static List<String> addressLines(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split("\n"));
    }
}
