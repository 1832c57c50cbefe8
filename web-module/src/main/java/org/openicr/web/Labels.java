package org.openicr.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.LegitimateReason;

/**
 * Every code a person reads, in words, kept in this one place: organisation types, message statuses,
 * audit actions and outcomes, privacy alert kinds, purposes of use, legitimate reasons, categories,
 * sensitivities, sharing modes, code systems, account kinds, opt-out channels, alert review outcomes
 * and withdrawal reasons. A vocabulary is named by its enum's simple name (the boundaries carry many
 * of them as the stored names, so a page passes the name as text); {@code LabelsTest} fails when a
 * constant of any of them has no label here.
 *
 * <p>Pages use it as {@code #{labels.of('AuditAction', e.action())}}. A name with no label (a value
 * stored before its constant was added, say) is shown in words made from the name, never as the
 * constant itself. Category and legitimate reason keep their labels on the enum, where the rest of
 * the code already reads them; this class hands them out with the others.
 */
@Named
@ApplicationScoped
public class Labels {

    private static final Map<String, Map<String, String>> LABELS = new HashMap<>();

    static {
        vocabulary(
                "OrganisationType",
                "GP_PRACTICE",
                "GP practice",
                "ACUTE_TRUST",
                "Acute hospital trust",
                "COMMUNITY_TRUST",
                "Community health trust",
                "MENTAL_HEALTH_TRUST",
                "Mental health trust",
                "AMBULANCE_TRUST",
                "Ambulance trust",
                "OUT_OF_HOURS",
                "Out-of-hours service",
                "LOCAL_AUTHORITY",
                "Local authority (council)",
                "HOSPICE",
                "Hospice",
                "PHARMACY",
                "Community pharmacy",
                "ICB",
                "Integrated care board");
        vocabulary(
                "MessageStatus",
                "RECEIVED",
                "Received, not processed",
                "ACCEPTED",
                "Accepted",
                "REJECTED",
                "Rejected",
                "FAILED",
                "Failed",
                "UNMATCHED",
                "No matching person",
                "NOT_USED",
                "Not used by the record",
                "DUPLICATE",
                "Repeat of an earlier message");
        vocabulary(
                "AuditAction",
                "LOGIN",
                "Signed in",
                "LOGIN_FAILURE",
                "Sign-in failed",
                "ACCOUNT_LOCKED",
                "Account locked",
                "ACCOUNT_UNLOCKED",
                "Account unlocked",
                "LOGOUT",
                "Signed out",
                "PATIENT_SEARCH",
                "Patient search",
                "RECORD_VIEW",
                "Record viewed",
                "REASON_DECLARED",
                "Reason given",
                "BREAK_GLASS",
                "Emergency access (break glass)",
                "OPT_OUT_CHANGED",
                "Opt-out changed",
                "CONSENT_CHANGED",
                "Consent changed",
                "MATRIX_CHANGED",
                "Access matrix changed",
                "AUDIT_VERIFIED",
                "Audit trail verified",
                "ALERT_REVIEWED",
                "Alert reviewed",
                "MESSAGE_INGESTED",
                "Message received",
                "MESSAGE_REPLAYED",
                "Message replayed",
                "MERGE_REVERSED",
                "Merge undone",
                "ACCOUNT_CHANGED",
                "Account changed",
                "PASSWORD_RESET",
                "Password reset",
                "ROLE_PROFILE_CHANGED",
                "Role profile changed",
                "ORGANISATION_CHANGED",
                "Organisation changed",
                "SOURCE_SYSTEM_CHANGED",
                "Source system changed",
                "SEAL_BROKEN",
                "Sealed information opened",
                "AUDIT_SEARCHED",
                "Audit searched",
                "AUDIT_EXPORTED",
                "Audit exported",
                "ACCESS_REPORT_GENERATED",
                "Access report produced",
                "ALERT_SETTINGS_CHANGED",
                "Alert settings changed",
                "PASSWORD_CHANGED",
                "Password changed",
                "ACCESS_DENIED",
                "Access refused",
                "PERSON_MERGED",
                "Records merged",
                "IDENTIFIER_CHANGED",
                "Local identifier changed",
                "VISIT_MOVED",
                "Visit moved to another person",
                "RESTRICTION_CLEARED",
                "Restriction cleared",
                "DEMOGRAPHICS_SOURCES_VIEWED",
                "Demographics by source viewed",
                "SIGN_IN_REFUSED",
                "Sign-in refused",
                "ROLE_REASONS_CHANGED",
                "Reasons per role changed",
                "REASON_INFERRED",
                "Reason given, relationship found in the record",
                "REASON_ASSERTED",
                "Reason given, relationship asserted by the launching system",
                "LAUNCH_REFUSED",
                "Launch from another system refused",
                "LAUNCHING_SYSTEM_CHANGED",
                "Launching system changed");
        vocabulary("AuditOutcome", "SUCCESS", "Done", "DENIED", "Refused", "FAILURE", "Failed");
        vocabulary(
                "PrivacyAlert",
                "BREAK_GLASS",
                "Emergency access (break glass)",
                "SAFEGUARDING_ACCESS_TO_OPTED_OUT_PERSON",
                "Safeguarding access to a person who opted out",
                "SEAL_BROKEN",
                "Sealed information opened",
                "MANY_RECORDS_IN_AN_HOUR",
                "Many records in an hour",
                "OUT_OF_HOURS_ACCESS",
                "Access outside working hours",
                "RESTRICTION_CLEARED",
                "Restriction cleared by a source");
        vocabulary(
                "PurposeOfUse",
                "TREAT",
                "Treatment",
                "ETREAT",
                "Emergency treatment",
                "BTG",
                "Break glass",
                "THREAT",
                "Preventing harm (safeguarding)",
                "HOPERAT",
                "Healthcare operations (referral review or audit)");
        vocabulary(
                "Sensitivity",
                "NORMAL",
                "Normal",
                "SEALED",
                "Sealed by the source",
                "SEALED_LOCKED",
                "Sealed and locked to the recording organisation");
        vocabulary("SharingMode", "SHARE_AND_VIEW", "Share and view", "VIEW_ONLY", "View only");
        vocabulary(
                "CodeSystem",
                "SNOMED_CT",
                "SNOMED CT",
                "DMD",
                "dm+d",
                "LOINC",
                "LOINC",
                "ICD10",
                "ICD-10",
                "OPCS4",
                "OPCS-4",
                "READ_V2",
                "Read v2",
                "LOCAL",
                "Local");
        vocabulary("AccountKind", "PERSON", "Person", "SYSTEM", "Source system");
        vocabulary(
                "OptOutChannel",
                "LETTER",
                "Letter",
                "PHONE",
                "Telephone",
                "EMAIL",
                "Email",
                "IN_PERSON",
                "In person",
                "ONLINE",
                "Online");
        vocabulary(
                "AlertReviewOutcome",
                "APPROPRIATE",
                "Appropriate",
                "INAPPROPRIATE_REFERRED",
                "Inappropriate: referred on",
                "NEEDS_FOLLOW_UP",
                "Needs follow-up");
        vocabulary(
                "WithdrawalReason",
                "NO_LONGER_HELD",
                "No longer held",
                "RETENTION",
                "Retention period ended",
                "ENTERED_IN_ERROR",
                "Entered in error",
                "CANCELLED",
                "Cancelled");
        Map<String, String> categories = new HashMap<>();
        for (Category category : Category.values()) {
            categories.put(category.name(), category.label());
        }
        LABELS.put("Category", Map.copyOf(categories));
        Map<String, String> reasons = new HashMap<>();
        for (LegitimateReason reason : LegitimateReason.values()) {
            reasons.put(reason.name(), reason.label());
        }
        LABELS.put("LegitimateReason", Map.copyOf(reasons));
    }

    private static void vocabulary(String name, String... namesAndLabels) {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < namesAndLabels.length; i += 2) {
            if (labels.put(namesAndLabels[i], namesAndLabels[i + 1]) != null) {
                throw new IllegalStateException(name + "." + namesAndLabels[i] + " is labelled twice");
            }
        }
        LABELS.put(name, Map.copyOf(labels));
    }

    /** The label kept for a constant of a vocabulary, if there is one (for the test). */
    public static Optional<String> find(String vocabulary, String name) {
        return Optional.ofNullable(LABELS.getOrDefault(vocabulary, Map.of()).get(name));
    }

    /**
     * The words for a code of a vocabulary ({@code 'AuditAction', 'RECORD_VIEW'}): the code may be the
     * enum constant or its name. Empty for none; words made from the name for one without a label.
     */
    public static String label(String vocabulary, Object code) {
        if (code == null) {
            return "";
        }
        String name = code instanceof Enum<?> constant
                ? constant.name()
                : code.toString().strip();
        if (name.isEmpty()) {
            return "";
        }
        return find(vocabulary, name).orElseGet(() -> words(name));
    }

    /** The words for an enum constant, by its own type. */
    public static String label(Enum<?> constant) {
        return constant == null ? "" : label(constant.getDeclaringClass().getSimpleName(), constant);
    }

    /** "OUT_OF_HOURS_ACCESS" as "Out of hours access": the last resort, never the constant itself. */
    static String words(String name) {
        String spaced = name.replace('_', ' ').strip().toLowerCase(Locale.UK);
        return spaced.isEmpty() ? "" : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /**
     * Purposes of use as the audit stores them ("ETREAT BTG", the purpose then its markers), each in
     * words, joined: "Emergency treatment, break glass".
     */
    public static String purposes(String codes) {
        if (codes == null || codes.isBlank()) {
            return "";
        }
        String joined = Arrays.stream(codes.strip().split("[\\s,]+"))
                .map(code -> label("PurposeOfUse", code))
                .collect(Collectors.joining(", "));
        return joined.isEmpty() ? "" : joined.charAt(0) + joined.substring(1).toLowerCase(Locale.UK);
    }

    /**
     * The line under a coded item's title: the term the source gave for its code when the title says
     * something else, nothing when the title is that term, and only without any term the code itself
     * in words ("SNOMED CT code 44054006"): never "SNOMED_CT 44054006".
     */
    public static String codeLine(String title, CodedConcept code) {
        if (code == null) {
            return "";
        }
        if (code.display() != null) {
            return title != null && title.strip().equalsIgnoreCase(code.display()) ? "" : code.display();
        }
        return codeSystem(code.system()) + " code " + code.code();
    }

    private static String codeSystem(CodeSystem system) {
        return system == CodeSystem.LOCAL ? "Local" : label(system);
    }

    // EL entry points (an instance method per use, as Facelets calls them on the bean).

    public String of(String vocabulary, Object code) {
        return label(vocabulary, code);
    }

    public String purposesOfUse(String codes) {
        return purposes(codes);
    }

    public String code(String title, CodedConcept code) {
        return codeLine(title, code);
    }
}
