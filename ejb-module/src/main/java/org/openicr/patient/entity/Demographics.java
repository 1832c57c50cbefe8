package org.openicr.patient.entity;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.FieldLimit;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.NhsNumber;

/**
 * A person's demographics as one source sends them. Validated on construction, so a boundary that
 * holds one knows every required field is there. {@code restricted} is what the source said about
 * the restricted (PDS "sensitive") flag: null when it said nothing, which changes nothing.
 */
public record Demographics(
        NhsNumber nhsNumber,
        String title,
        String givenNames,
        String familyName,
        LocalDate dateOfBirth,
        LocalDate dateOfDeath,
        Gender gender,
        List<String> addressLines,
        String postcode,
        String phone,
        String gpPracticeOds,
        Boolean restricted) {

    public Demographics {
        Objects.requireNonNull(nhsNumber, "An NHS Number is required.");
        givenNames = required(givenNames, "givenNames");
        familyName = required(familyName, "familyName");
        if (dateOfBirth == null) {
            throw invalid("dateOfBirth is required.");
        }
        if (dateOfBirth.isAfter(LocalDate.now())) {
            throw invalid("dateOfBirth is in the future.");
        }
        if (dateOfDeath != null && dateOfDeath.isBefore(dateOfBirth)) {
            throw invalid("dateOfDeath is before dateOfBirth.");
        }
        gender = gender == null ? Gender.UNKNOWN : gender;
        addressLines = addressLines == null
                ? List.of()
                : addressLines.stream()
                        .filter(line -> line != null && !line.isBlank())
                        .map(String::strip)
                        .toList();
        postcode =
                postcode == null || postcode.isBlank() ? null : postcode.strip().toUpperCase();
        FieldLimit.TITLE.check(title);
        FieldLimit.GIVEN_NAMES.check(givenNames);
        FieldLimit.FAMILY_NAME.check(familyName);
        FieldLimit.ADDRESS_LINES.check(String.join("\n", addressLines));
        FieldLimit.POSTCODE.check(postcode);
        FieldLimit.PHONE.check(phone);
        FieldLimit.GP_PRACTICE_ODS.check(gpPracticeOds);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required.");
        }
        return value.strip();
    }

    private static IcrException invalid(String reason) {
        return new IcrException(ErrorCode.INVALID_INPUT, reason);
    }
}
