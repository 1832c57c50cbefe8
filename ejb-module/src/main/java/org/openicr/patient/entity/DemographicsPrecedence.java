package org.openicr.patient.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The person as shown, from each source's own latest version of their demographics (issue 16).
 *
 * <p>Precedence, highest first:
 * <ol>
 *   <li>a source marked authoritative for demographics;
 *   <li>the registered GP practice: a source of a GP practice whose own version names that same
 *       practice (PD1-3, gpPracticeOds) as the person's registered practice;
 *   <li>every other source.
 * </ol>
 * Within a rank the newest version (the source's own lastUpdated or HL7 MSH-7, never the arrival
 * order) comes first, then the latest received, then the lower source id (so the result never
 * depends on the order rows are read). Each field group (name, date of birth, gender, date of
 * death, address with postcode, phone, GP practice) is taken whole from the first version in that
 * order that has it, so an address never mixes one source's lines with another's postcode. The
 * restricted flag is not part of this: it is sticky ({@link RestrictionRule}).
 */
public final class DemographicsPrecedence {

    /** The groups of fields a source supplies as a whole. */
    public enum Field {
        NAME,
        DATE_OF_BIRTH,
        GENDER,
        DATE_OF_DEATH,
        ADDRESS,
        PHONE,
        GP_PRACTICE
    }

    /** One source's version of a person. */
    public record SourceVersion(
            long sourceSystemId,
            String sourceCode,
            String organisationOds,
            boolean organisationIsGpPractice,
            boolean authoritative,
            Instant sourceUpdatedAt,
            Instant receivedAt,
            Demographics demographics) {

        public SourceVersion {
            Objects.requireNonNull(sourceUpdatedAt, "The version's time is required.");
            Objects.requireNonNull(receivedAt, "The time received is required.");
            Objects.requireNonNull(demographics, "Demographics are required.");
        }

        /** 0: authoritative, 1: the registered GP practice speaking for itself, 2: anyone else. */
        public int rank() {
            if (authoritative) {
                return 0;
            }
            if (organisationIsGpPractice
                    && organisationOds != null
                    && organisationOds.equalsIgnoreCase(demographics.gpPracticeOds())) {
                return 1;
            }
            return 2;
        }
    }

    /** The person as shown ({@code restricted} left null), and the source that supplied each field. */
    public record Shown(Demographics demographics, Map<Field, Long> suppliedBy) {}

    private static final Comparator<SourceVersion> ORDER = Comparator.comparingInt(SourceVersion::rank)
            .thenComparing(SourceVersion::sourceUpdatedAt, Comparator.reverseOrder())
            .thenComparing(SourceVersion::receivedAt, Comparator.reverseOrder())
            .thenComparingLong(SourceVersion::sourceSystemId);

    private DemographicsPrecedence() {}

    /** The versions in precedence order, highest first. */
    public static List<SourceVersion> ordered(List<SourceVersion> versions) {
        List<SourceVersion> sorted = new ArrayList<>(versions);
        sorted.sort(ORDER);
        return sorted;
    }

    public static Shown shown(List<SourceVersion> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("A person is shown from at least one source's version.");
        }
        List<SourceVersion> ordered = ordered(versions);
        Map<Field, Long> by = new EnumMap<>(Field.class);
        SourceVersion name = pick(ordered, Field.NAME, v -> true, by);
        SourceVersion birth = pick(ordered, Field.DATE_OF_BIRTH, v -> true, by);
        SourceVersion gender = pick(ordered, Field.GENDER, v -> v.demographics().gender() != Gender.UNKNOWN, by);
        SourceVersion death =
                pick(ordered, Field.DATE_OF_DEATH, v -> v.demographics().dateOfDeath() != null, by);
        SourceVersion address = pick(
                ordered,
                Field.ADDRESS,
                v -> !v.demographics().addressLines().isEmpty()
                        || v.demographics().postcode() != null,
                by);
        SourceVersion phone =
                pick(ordered, Field.PHONE, v -> blankToNull(v.demographics().phone()) != null, by);
        SourceVersion practice = pick(
                ordered, Field.GP_PRACTICE, v -> blankToNull(v.demographics().gpPracticeOds()) != null, by);
        Demographics first = name.demographics();
        Demographics shown = new Demographics(
                first.nhsNumber(),
                first.title(),
                first.givenNames(),
                first.familyName(),
                birth.demographics().dateOfBirth(),
                death == null ? null : death.demographics().dateOfDeath(),
                gender == null ? Gender.UNKNOWN : gender.demographics().gender(),
                address == null ? List.of() : address.demographics().addressLines(),
                address == null ? null : address.demographics().postcode(),
                phone == null ? null : phone.demographics().phone(),
                practice == null ? null : practice.demographics().gpPracticeOds(),
                null);
        return new Shown(shown, by);
    }

    private static SourceVersion pick(
            List<SourceVersion> ordered, Field field, Predicate<SourceVersion> has, Map<Field, Long> by) {
        for (SourceVersion v : ordered) {
            if (has.test(v)) {
                by.put(field, v.sourceSystemId());
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
