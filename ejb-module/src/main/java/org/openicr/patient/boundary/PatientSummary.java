package org.openicr.patient.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A person as a search result and banner show them. Built for the viewer, never an entity; for a
 * restricted person the address, phone and GP practice are left out here, not hidden in the page.
 */
public record PatientSummary(
        long personId,
        String nhsNumber,
        String title,
        String givenNames,
        String familyName,
        LocalDate dateOfBirth,
        int age,
        String gender,
        List<String> addressLines,
        String postcode,
        String phone,
        String gpPracticeOds,
        String gpPracticeName,
        boolean restricted,
        boolean availableForViewing,
        boolean safeguardingReasonMayOpen)
        implements Serializable {

    /**
     * An opted-out person as a search lists them: nothing but that fact. {@code safeguardingReasonMayOpen}
     * when the reader is designated for safeguarding and may go to the reason step to declare a
     * safeguarding reason (the only one that opens an opted-out person's record).
     */
    public static PatientSummary notAvailable(long personId, boolean safeguardingReasonMayOpen) {
        return new PatientSummary(
                personId,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                false,
                false,
                safeguardingReasonMayOpen);
    }

    /** Address lines and postcode on one line, as the banner shows them. */
    public String address() {
        List<String> parts = new java.util.ArrayList<>(addressLines);
        if (postcode != null) {
            parts.add(postcode);
        }
        return String.join(", ", parts);
    }

    /** "Hillside Surgery (Y90001)": the practice by name, its ODS code second; the code alone if unnamed. */
    public String gpPracticeText() {
        if (gpPracticeOds == null || gpPracticeOds.isBlank()) {
            return "";
        }
        return gpPracticeName == null || gpPracticeName.isBlank()
                ? gpPracticeOds
                : gpPracticeName + " (" + gpPracticeOds + ")";
    }

    public String genderText() {
        return gender.charAt(0) + gender.substring(1).toLowerCase();
    }

    public String displayName() {
        if (!availableForViewing) {
            return "Record not available for viewing";
        }
        return familyName.toUpperCase() + ", " + givenNames + (title == null ? "" : " (" + title + ")");
    }
}
