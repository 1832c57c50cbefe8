package org.openicr.access.entity;

import static org.openicr.vocabulary.Category.ADJUSTMENTS;
import static org.openicr.vocabulary.Category.APPOINTMENTS;
import static org.openicr.vocabulary.Category.CARE_PLANS;
import static org.openicr.vocabulary.Category.CONTACTS;
import static org.openicr.vocabulary.Category.DEMOGRAPHICS;
import static org.openicr.vocabulary.Category.DOCUMENTS;
import static org.openicr.vocabulary.Category.ENCOUNTERS;
import static org.openicr.vocabulary.Category.REFERRALS;
import static org.openicr.vocabulary.Category.SAFEGUARDING;
import static org.openicr.vocabulary.Category.SOCIAL_CARE;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.LegitimateReason;

/**
 * The region's starting access settings, which a Flyway seed copies into the directory; from then
 * on they are data that administrators change. docs/access-defaults.md explains each value. The
 * access decision never reads these constants: it is always given the matrix, the profile's
 * attributes and the policy.
 */
public final class AccessDefaults {

    // NHS National RBAC job role codes (db/V2__rbac_roles.sql holds their names).
    public static final String CLINICAL_PRACTITIONER = "R8000";
    public static final String NURSE = "R8001";
    public static final String HEALTH_PROFESSIONAL = "R8003";
    public static final String HEALTHCARE_STUDENT = "R8004";
    public static final String MEDICAL_SECRETARY = "R8006";
    public static final String ADMIN_CLINICAL_SUPPORT = "R8008";
    public static final String RECEPTIONIST = "R8009";
    public static final String CLERICAL = "R8010";
    public static final String INFORMATION_OFFICER = "R8012";
    public static final String SYSTEMS_SUPPORT = "R8015";
    public static final String PRIVACY_OFFICER = "R0001";
    public static final String CALDICOTT_GUARDIAN = "R5105";
    public static final String SOCIAL_CARE_WORKER = "R0243";

    /** The role-to-category matrix. Roles that see no patient data have an empty row, not a missing one. */
    public static final RoleCategoryMatrix MATRIX = matrix();

    /**
     * Roles whose profiles an organisation may designate for safeguarding. The designation itself
     * is an attribute of each role profile ({@link AccessProfile#safeguardingDesignated()}).
     */
    public static final Set<String> SAFEGUARDING_DESIGNATION_ROLES =
            Set.of(CLINICAL_PRACTITIONER, NURSE, HEALTH_PROFESSIONAL, SOCIAL_CARE_WORKER);

    /**
     * Roles whose profiles may be granted RBAC activity B0083 (temporary access to sealed data),
     * again an attribute of each role profile ({@link AccessProfile#mayBreakSeal()}).
     */
    public static final Set<String> SEAL_BREAKING_ROLES = Set.of(CLINICAL_PRACTITIONER);

    /**
     * The legitimate reasons each role may give (db/V20__reasons_per_role.sql seeds the same rows).
     * Roles that see no patient data may give none: their row is present and empty.
     */
    public static final RoleReasons ROLE_REASONS = roleReasons();

    /** A reason lasts a 12-hour shift; overrides last 4 hours; justifications need 20 characters. */
    public static final ReasonPolicy REASON_POLICY = new ReasonPolicy(Duration.ofHours(12), Duration.ofHours(4), 20);

    private AccessDefaults() {}

    private static RoleReasons roleReasons() {
        Set<LegitimateReason> clinical = EnumSet.allOf(LegitimateReason.class);
        Set<LegitimateReason> consentOrCare =
                EnumSet.of(LegitimateReason.ONGOING_CARE, LegitimateReason.EXPLICIT_CONSENT);
        Set<LegitimateReason> nothing = EnumSet.noneOf(LegitimateReason.class);

        Map<String, Set<LegitimateReason>> rows = new LinkedHashMap<>();
        rows.put(CLINICAL_PRACTITIONER, clinical);
        rows.put(NURSE, clinical);
        rows.put(HEALTH_PROFESSIONAL, clinical);
        rows.put(HEALTHCARE_STUDENT, consentOrCare);
        rows.put(MEDICAL_SECRETARY, consentOrCare);
        rows.put(ADMIN_CLINICAL_SUPPORT, consentOrCare);
        rows.put(RECEPTIONIST, consentOrCare);
        rows.put(CLERICAL, consentOrCare);
        rows.put(
                SOCIAL_CARE_WORKER,
                EnumSet.of(
                        LegitimateReason.ONGOING_CARE,
                        LegitimateReason.EXPLICIT_CONSENT,
                        LegitimateReason.VITAL_INTERESTS,
                        LegitimateReason.SAFEGUARDING));
        rows.put(PRIVACY_OFFICER, nothing);
        rows.put(CALDICOTT_GUARDIAN, nothing);
        rows.put(INFORMATION_OFFICER, nothing);
        rows.put(SYSTEMS_SUPPORT, nothing);
        return new RoleReasons(rows);
    }

    private static RoleCategoryMatrix matrix() {
        Set<Category> everything = EnumSet.allOf(Category.class);
        Set<Category> frontDesk = EnumSet.of(DEMOGRAPHICS, CONTACTS, APPOINTMENTS, ADJUSTMENTS);
        Set<Category> nothing = EnumSet.noneOf(Category.class);

        Map<String, Set<Category>> rows = new LinkedHashMap<>();
        rows.put(CLINICAL_PRACTITIONER, everything);
        rows.put(NURSE, everything);
        rows.put(HEALTH_PROFESSIONAL, everything);
        rows.put(HEALTHCARE_STUDENT, EnumSet.complementOf(EnumSet.of(SAFEGUARDING)));
        rows.put(
                MEDICAL_SECRETARY,
                EnumSet.of(DEMOGRAPHICS, CONTACTS, APPOINTMENTS, REFERRALS, ENCOUNTERS, DOCUMENTS, ADJUSTMENTS));
        rows.put(ADMIN_CLINICAL_SUPPORT, frontDesk);
        rows.put(RECEPTIONIST, frontDesk);
        rows.put(CLERICAL, frontDesk);
        rows.put(
                SOCIAL_CARE_WORKER,
                EnumSet.of(
                        DEMOGRAPHICS,
                        CONTACTS,
                        SOCIAL_CARE,
                        SAFEGUARDING,
                        ENCOUNTERS,
                        REFERRALS,
                        CARE_PLANS,
                        ADJUSTMENTS));
        rows.put(PRIVACY_OFFICER, nothing);
        rows.put(CALDICOTT_GUARDIAN, nothing);
        rows.put(INFORMATION_OFFICER, nothing);
        rows.put(SYSTEMS_SUPPORT, nothing);
        return new RoleCategoryMatrix(rows);
    }
}
