package org.openicr.access.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openicr.vocabulary.Category;

/** The documented defaults (docs/access-defaults.md), restated here as a grid so a change is deliberate. */
class AccessDefaultsTest {

    /** Columns in the order of {@link Category}. */
    private static final List<Category> COLUMNS = List.of(
            Category.DEMOGRAPHICS,
            Category.CONTACTS,
            Category.MEDICATIONS,
            Category.PROBLEMS,
            Category.ALLERGIES,
            Category.RESULTS,
            Category.DOCUMENTS,
            Category.PROCEDURES,
            Category.ENCOUNTERS,
            Category.APPOINTMENTS,
            Category.REFERRALS,
            Category.SAFEGUARDING,
            Category.SOCIAL_CARE,
            Category.CARE_PLANS,
            Category.ADJUSTMENTS,
            Category.IMMUNISATIONS);

    private static final String[] GRID = {
        //        DEM CON MED PRB ALL RES DOC PRC ENC APP REF SAF SOC CPL ADJ IMM
        "R8000    Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y", // clinical practitioner
        "R8001    Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y", // nurse
        "R8003    Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y", // health professional
        "R8004    Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   Y   -   Y   Y   Y   Y", // healthcare student
        "R8006    Y   Y   -   -   -   -   Y   -   Y   Y   Y   -   -   -   Y   -", // medical secretary
        "R8008    Y   Y   -   -   -   -   -   -   -   Y   -   -   -   -   Y   -", // admin/clinical support
        "R8009    Y   Y   -   -   -   -   -   -   -   Y   -   -   -   -   Y   -", // receptionist
        "R8010    Y   Y   -   -   -   -   -   -   -   Y   -   -   -   -   Y   -", // clerical
        "R0243    Y   Y   -   -   -   -   -   -   Y   -   Y   Y   Y   Y   Y   -", // social care worker
        "R0001    -   -   -   -   -   -   -   -   -   -   -   -   -   -   -   -", // privacy officer
        "R5105    -   -   -   -   -   -   -   -   -   -   -   -   -   -   -   -", // Caldicott guardian
        "R8012    -   -   -   -   -   -   -   -   -   -   -   -   -   -   -   -", // information officer
        "R8015    -   -   -   -   -   -   -   -   -   -   -   -   -   -   -   -", // systems support (local
        // administrator)
    };

    static Stream<Arguments> everyCell() {
        return Arrays.stream(GRID).flatMap(row -> {
            String[] cells = row.trim().split("\\s+");
            return IntStream.range(0, COLUMNS.size())
                    .mapToObj(column -> Arguments.of(cells[0], COLUMNS.get(column), "Y".equals(cells[column + 1])));
        });
    }

    @ParameterizedTest(name = "{0} reads {1}: {2}")
    @MethodSource("everyCell")
    void eachRoleReadsExactlyItsDocumentedCategories(String role, Category category, boolean reads) {
        assertEquals(reads, AccessDefaults.MATRIX.categoriesFor(role).contains(category));
    }

    @Test
    void theGridCoversEveryCategoryAndEveryRoleOfTheMatrix() {
        assertEquals(List.of(Category.values()), COLUMNS);
        assertEquals(GRID.length, AccessDefaults.MATRIX.categoriesByRole().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"R0001", "R5105", "R8012", "R8015"})
    void rolesThatSeeNoPatientDataHaveAnEmptyRowNotAMissingOne(String role) {
        assertTrue(AccessDefaults.MATRIX.categoriesByRole().containsKey(role));
        assertEquals(Set.of(), AccessDefaults.MATRIX.categoriesFor(role));
    }

    @Test
    void safeguardingDesignationIsOfferedToClinicalAndSocialCareRoles() {
        assertEquals(Set.of("R8000", "R8001", "R8003", "R0243"), AccessDefaults.SAFEGUARDING_DESIGNATION_ROLES);
        for (String role : AccessDefaults.SAFEGUARDING_DESIGNATION_ROLES) {
            assertTrue(AccessDefaults.MATRIX.categoriesFor(role).contains(Category.SAFEGUARDING), role);
        }
    }

    @Test
    void onlyClinicalPractitionersMayBeGrantedSealBreaking() {
        assertEquals(Set.of("R8000"), AccessDefaults.SEAL_BREAKING_ROLES);
    }

    @Test
    void theReasonPolicyIsAShiftForReasonsFourHoursForOverridesAndTwentyCharacters() {
        assertEquals(Duration.ofHours(12), AccessDefaults.REASON_POLICY.reasonValidity());
        assertEquals(Duration.ofHours(4), AccessDefaults.REASON_POLICY.overrideValidity());
        assertEquals(20, AccessDefaults.REASON_POLICY.minimumJustificationLength());
    }
}
