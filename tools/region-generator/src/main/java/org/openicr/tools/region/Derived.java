package org.openicr.tools.region;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openicr.tools.region.SyntheaCohort.Encounter;
import org.openicr.tools.region.Template.Holder;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.vocabulary.Sensitivity;

/**
 * What a shared care record holds beyond Synthea's clinical events, derived from them: each encounter
 * becomes an ENCOUNTERS item and, by its class, an appointment, a referral before an outpatient visit,
 * a discharge summary or clinic letter after it; each care plan a document. Also the small rules that
 * turn Synthea's US-flavoured data into the record's shape (reference ranges, routes, sensitivity).
 */
final class Derived {

    private Derived() {}

    private static final String[] CLINICIANS = {
        "Dr A Hart",
        "Dr B Osei",
        "Dr C Nwosu",
        "Dr D Fraser",
        "Dr E Kowalczyk",
        "Dr F Rahman",
        "Dr G Lee",
        "Dr H Pryce",
        "Sister J Moss",
        "Nurse K Adeyemi",
        "Dr L Whitfield",
        "Dr M Sandhu"
    };

    static void encounter(Template t, Encounter e, String code) {
        Holder holder = e.holder();
        String clinician = CLINICIANS[Math.floorMod(e.index(), CLINICIANS.length)];
        Map<String, String> details = new LinkedHashMap<>();
        details.put(ItemDetail.ENCOUNTER_CLASS.key(), encounterClass(e.encounterClass()));
        details.put(ItemDetail.LOCATION.key(), location(holder, e));
        details.put(ItemDetail.CLINICIAN.key(), clinician);
        if (holder != Holder.GP) {
            details.put(ItemDetail.SPECIALTY.key(), specialty(e.reason() + " " + e.description(), holder));
        }
        t.add(SyntheaCohort.item(
                RegionCategory.ENCOUNTERS,
                holder,
                e.start(),
                e.stop(),
                "finished",
                SyntheaCohort.SNOMED.matcher(code).matches() ? CodeSystem.SNOMED_CT.name() : null,
                code,
                e.description(),
                e.reason().isEmpty() ? null : "Reason: " + e.reason(),
                Sensitivity.NORMAL.name(),
                details,
                null));

        switch (e.encounterClass()) {
            case "wellness", "ambulatory", "outpatient", "home", "virtual" -> {
                int variant = Math.floorMod(e.index() * 31, 20);
                String status = variant == 0 ? "did-not-attend" : variant == 1 ? "cancelled" : "attended";
                t.add(SyntheaCohort.item(
                        RegionCategory.APPOINTMENTS,
                        holder,
                        e.start(),
                        e.stop(),
                        status,
                        null,
                        null,
                        appointmentTitle(e, holder),
                        null,
                        Sensitivity.NORMAL.name(),
                        Map.of(ItemDetail.LOCATION.key(), location(holder, e), ItemDetail.CLINICIAN.key(), clinician),
                        null));
            }
            default -> {}
        }
        if ("outpatient".equals(e.encounterClass()) || holder == Holder.MENTAL_HEALTH) {
            String specialty = specialty(e.reason() + " " + e.description(), holder);
            Map<String, String> referral = new LinkedHashMap<>();
            referral.put(
                    ItemDetail.REFERRED_TO.key(),
                    holder == Holder.MENTAL_HEALTH ? "Avon Partnership Mental Health" : specialty);
            referral.put(ItemDetail.REFERRED_BY.key(), "Registered GP practice");
            referral.put(ItemDetail.PRIORITY.key(), Math.floorMod(e.index(), 7) == 0 ? "urgent" : "routine");
            t.add(SyntheaCohort.item(
                    RegionCategory.REFERRALS,
                    Holder.GP,
                    e.start() - 86_400L * (14 + Math.floorMod(e.index(), 42)),
                    Long.MIN_VALUE,
                    "completed",
                    null,
                    null,
                    "Referral to " + specialty + (e.reason().isEmpty() ? "" : " for " + lower(e.reason())),
                    null,
                    Sensitivity.NORMAL.name(),
                    referral,
                    null));
        }
        String documentType =
                switch (e.encounterClass()) {
                    case "inpatient" -> "Discharge summary";
                    case "emergency" -> "Emergency department attendance summary";
                    case "outpatient" -> Math.floorMod(e.index(), 2) == 0 ? "Outpatient clinic letter" : null;
                    case "urgentcare" -> "Out of hours consultation report";
                    default -> null;
                };
        if (documentType != null) {
            String content = documentType + "\n\n" + e.description() + " on "
                    + java.time.LocalDate.ofEpochDay(Math.floorDiv(e.start(), 86_400L))
                    + "."
                    + (e.reason().isEmpty() ? "" : "\nReason: " + e.reason() + ".")
                    + "\nSeen by " + clinician + ", " + location(holder, e) + "."
                    + "\nPlan: continue current medication; follow-up with the GP practice as needed.";
            t.add(SyntheaCohort.item(
                    RegionCategory.DOCUMENTS,
                    holder,
                    e.stop() == Long.MIN_VALUE ? e.start() : e.stop(),
                    Long.MIN_VALUE,
                    "final",
                    null,
                    null,
                    documentType,
                    null,
                    holder == Holder.MENTAL_HEALTH ? Sensitivity.SEALED.name() : Sensitivity.NORMAL.name(),
                    Map.of(ItemDetail.AUTHOR.key(), clinician, ItemDetail.DOCUMENT_TYPE.key(), documentType),
                    content));
        }
    }

    static void carePlan(
            Template t, Encounter e, String code, String description, String reason, long start, long stop) {
        Holder holder = e == null ? Holder.GP : e.holder();
        String content = "Care plan: " + description + (reason.isEmpty() ? "" : "\nFor: " + reason)
                + "\nAgreed with the patient. Review at the next appointment.";
        t.add(SyntheaCohort.item(
                RegionCategory.DOCUMENTS,
                holder,
                start,
                stop,
                stop == Long.MIN_VALUE ? "current" : "final",
                SyntheaCohort.SNOMED.matcher(code).matches() ? CodeSystem.SNOMED_CT.name() : CodeSystem.LOCAL.name(),
                code,
                "Care plan: " + description,
                reason.isEmpty() ? null : "For " + lower(reason),
                Sensitivity.NORMAL.name(),
                Map.of(
                        ItemDetail.AUTHOR.key(),
                        CLINICIANS[Math.floorMod(code.hashCode(), CLINICIANS.length)],
                        ItemDetail.DOCUMENT_TYPE.key(),
                        "Care plan"),
                content));
    }

    static String encounterClass(String synthea) {
        return switch (synthea) {
            case "wellness", "ambulatory" -> "ambulatory";
            case "urgentcare" -> "urgent care";
            case "home" -> "home visit";
            case "snf" -> "nursing home";
            default -> synthea;
        };
    }

    static String location(Holder holder, Encounter e) {
        return switch (holder) {
            case GP -> "GP surgery";
            case ACUTE -> e == null
                    ? "Avon Vale Hospital"
                    : switch (e.encounterClass()) {
                        case "inpatient" -> "Ward " + (1 + Math.floorMod(e.index(), 24)) + ", Avon Vale Hospital";
                        case "emergency" -> "Emergency Department, Avon Vale Hospital";
                        default -> "Outpatients, Avon Vale Hospital";
                    };
            case COMMUNITY -> "Patient's home (community nursing)";
            case MENTAL_HEALTH -> "Community mental health team";
            case OUT_OF_HOURS -> "Wessex Out of Hours base";
            case COUNCIL -> "Council offices";
        };
    }

    private static String appointmentTitle(Encounter e, Holder holder) {
        return switch (holder) {
            case GP -> "GP appointment: " + e.description();
            case ACUTE -> "Outpatient appointment: " + e.description();
            case COMMUNITY -> "Community nurse visit: " + e.description();
            case MENTAL_HEALTH -> "Mental health appointment: " + e.description();
            default -> "Appointment: " + e.description();
        };
    }

    static String specialty(String text, Holder holder) {
        String s = text.toLowerCase(Locale.ROOT);
        if (holder == Holder.MENTAL_HEALTH) {
            return "Adult mental health";
        }
        if (s.contains("diabet") || s.contains("thyroid")) {
            return "Diabetes and endocrinology";
        }
        if (s.contains("heart") || s.contains("cardi") || s.contains("hypertension") || s.contains("coronary")) {
            return "Cardiology";
        }
        if (s.contains("asthma") || s.contains("pulmonary") || s.contains("bronch") || s.contains("lung")) {
            return "Respiratory medicine";
        }
        if (s.contains("cancer") || s.contains("neoplasm") || s.contains("carcinoma") || s.contains("tumor")) {
            return "Oncology";
        }
        if (s.contains("pregnan") || s.contains("prenatal") || s.contains("labor")) {
            return "Obstetrics";
        }
        if (s.contains("fracture") || s.contains("injury") || s.contains("sprain") || s.contains("joint")) {
            return "Trauma and orthopaedics";
        }
        if (s.contains("kidney") || s.contains("renal") || s.contains("dialysis")) {
            return "Renal medicine";
        }
        if (s.contains("dental") || s.contains("tooth") || s.contains("gingiv")) {
            return "Oral surgery";
        }
        return "General medicine";
    }

    static boolean isMentalHealth(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String s = text.toLowerCase(Locale.ROOT);
        return s.contains("depress")
                || s.contains("anxiety")
                || s.contains("psych")
                || s.contains("schizo")
                || s.contains("bipolar")
                || s.contains("mental")
                || s.contains("substance")
                || s.contains("opioid")
                || s.contains("suicid");
    }

    /**
     * Synthea's social-needs questionnaire (PRAPARE and a few more: race, address, insurance, income,
     * refugee status...) is a US screening; its answers are not results in a UK record. Clinical
     * scores (PHQ, GAD-7, AUDIT-C, falls risk, pain) are kept.
     */
    static final java.util.Set<String> SOCIAL_NEEDS_SURVEY = java.util.Set.of(
            "28245-9", "32624-9", "54899-0", "55277-8", "56051-6", "56799-0", "63512-8", "63513-6", "63586-2",
            "67875-5", "71802-3", "76437-3", "76501-6", "76690-7", "82589-3", "93026-3", "93027-1", "93028-9",
            "93029-7", "93030-5", "93031-3", "93033-9", "93034-7", "93035-4", "93038-8");

    /** Synthea's social determinants (employment, education...) are not problems in a GP record. */
    static boolean isSocialFinding(String description) {
        String s = description.toLowerCase(Locale.ROOT);
        return s.contains("employment")
                || s.contains("education")
                || s.contains("labor force")
                || s.contains("medication review due")
                || s.contains("social contact")
                || s.contains("social isolation")
                || s.contains("housing")
                || s.contains("transport")
                || s.contains("criminal record")
                || s.contains("refugee")
                || s.contains("income")
                || s.contains("dental care");
    }

    /** Problems a GP practice would seal (sexual health, termination, HIV). */
    static boolean isSensitive(String display) {
        String s = display.toLowerCase(Locale.ROOT);
        return s.contains("sexually transmitted")
                || s.contains("hiv")
                || s.contains("chlamydia")
                || s.contains("termination")
                || s.contains("abortion")
                || s.contains("gonorrh");
    }

    static String dose(String description) {
        String s = description.toLowerCase(Locale.ROOT);
        if (s.contains("tablet")) {
            return "One tablet";
        }
        if (s.contains("capsule")) {
            return "One capsule";
        }
        if (s.contains("inhal")) {
            return "Two puffs";
        }
        if (s.contains("inject") || s.contains("syringe")) {
            return "One injection";
        }
        return "As directed";
    }

    static String route(String description) {
        String s = description.toLowerCase(Locale.ROOT);
        if (s.contains("oral")) {
            return "Oral";
        }
        if (s.contains("inhal")) {
            return "Inhaled";
        }
        if (s.contains("inject") || s.contains("syringe")) {
            return "Injection";
        }
        if (s.contains("topical") || s.contains("cream")) {
            return "Topical";
        }
        if (s.contains("nasal")) {
            return "Nasal";
        }
        return "As directed";
    }

    /** Reference ranges for common tests (Synthea's units), and the interpretation of the value. */
    private static final Map<String, double[]> RANGES = Map.ofEntries(
            Map.entry("4548-4", new double[] {4.0, 5.6}),
            Map.entry("2339-0", new double[] {70, 99}),
            Map.entry("2093-3", new double[] {0, 200}),
            Map.entry("2571-8", new double[] {0, 150}),
            Map.entry("18262-6", new double[] {0, 100}),
            Map.entry("2085-9", new double[] {40, 60}),
            Map.entry("38483-4", new double[] {0.6, 1.3}),
            Map.entry("6299-2", new double[] {7, 20}),
            Map.entry("2947-0", new double[] {136, 145}),
            Map.entry("6298-4", new double[] {3.5, 5.1}),
            Map.entry("2069-3", new double[] {98, 107}),
            Map.entry("49765-1", new double[] {8.5, 10.5}),
            Map.entry("718-7", new double[] {12, 17.5}),
            Map.entry("8480-6", new double[] {90, 140}),
            Map.entry("8462-4", new double[] {60, 90}),
            Map.entry("39156-5", new double[] {18.5, 25}),
            Map.entry("8867-4", new double[] {60, 100}),
            Map.entry("9279-1", new double[] {12, 20}));

    static void reference(String loinc, String value, Map<String, String> details) {
        double[] range = RANGES.get(loinc);
        if (range == null) {
            return;
        }
        details.put(ItemDetail.REFERENCE_LOW.key(), trim(range[0]));
        details.put(ItemDetail.REFERENCE_HIGH.key(), trim(range[1]));
        try {
            double v = Double.parseDouble(value);
            details.put(ItemDetail.INTERPRETATION.key(), v < range[0] ? "L" : v > range[1] ? "H" : "N");
        } catch (NumberFormatException notNumeric) {
            // a text result has no interpretation
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
