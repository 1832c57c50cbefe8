package org.openicr.tools.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openicr.tools.demo.DemoRecords.Batch;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.vocabulary.Sensitivity;

/**
 * Each demo person's own story (issue 18): distinct, plausible records instead of one story for
 * everyone. Arthur PENDLETON (999 000 0018, the README's tour) keeps the full story of
 * {@link DemoRecords#forPerson} and adds his end of life care planning; the others are curated
 * here: a child with asthma, a Deaf woman who needs a BSL interpreter, a young man with a learning
 * disability and type 1 diabetes, carers, frailty, the restricted record (999 000 0115) with a
 * safeguarding concern, and one sealed item. Medicines are sent as text (no dm+d code) and
 * problems with SNOMED CT concept ids, as GP systems send them. Dates are relative to today.
 */
final class DemoStories {

    private DemoStories() {}

    /** The batches for a demo person: their own story, by family name, else the full story. */
    static List<Batch> forDemoPerson(DemoPerson p, int index) {
        Story s = new Story(p.nhsNumber());
        switch (p.family()) {
            case "PENDLETON" -> {
                List<Batch> batches = new ArrayList<>(DemoRecords.forPerson(p, index));
                pendleton(s);
                batches.addAll(s.batches());
                return batches;
            }
            case "OKONKWO" -> okonkwo(s);
            case "LLEWELLYN" -> llewellyn(s);
            case "PATEL" -> patel(s);
            case "MORGAN" -> morgan(s);
            case "HOLLOWAY" -> holloway(s);
            case "ASHWORTH" -> ashworth(s);
            case "RAHMAN" -> rahman(s);
            case "FAIRWEATHER" -> fairweather(s);
            case "BLAKE" -> blake(s);
            case "WINTERS" -> winters(s);
            case "ASHBY" -> ashby(s);
            default -> {
                return DemoRecords.forPerson(p, index);
            }
        }
        return s.batches();
    }

    /** 85, metastatic prostate cancer, at home with his wife as his carer: ReSPECT, not for CPR. */
    private static void pendleton(Story s) {
        s.gp(s.problem("p-ca", 20, "active", "399068003", "Malignant tumour of prostate", "Bone metastases 2025."));
        s.gp(s.carePlan(
                "respect",
                2,
                "ReSPECT form: comfort-focused care at home; not for hospital admission unless symptoms cannot be"
                        + " controlled",
                "respect",
                "not-for-cpr",
                "With the patient at home, in the ReSPECT folder by the front door",
                "Dr A Hart with Mr Pendleton and his wife",
                s.today.plusMonths(4)));
        s.gp(s.plan(
                "eol",
                2,
                "End of life care plan: preferred place of care and death is home; anticipatory medicines are in"
                        + " the home",
                ordered(
                        detail(ItemDetail.PLAN_TYPE, "end-of-life"),
                        detail(ItemDetail.DECIDED_BY, "Dr A Hart and the district nursing team"),
                        detail(ItemDetail.REVIEW_DATE, s.today.plusMonths(1).toString()))));
        s.gp(s.frailty("cfs", 2, 7));
        // The full story's next of kin (key -c1), sent again as version 2: his wife is also his carer.
        s.gp(DemoRecords.plain(
                        Category.CONTACTS,
                        s.n + "-c1",
                        s.today.minusYears(1),
                        "active",
                        "Next of kin: Mary PENDLETON (wife), his main carer",
                        null,
                        ordered(
                                detail(ItemDetail.RELATIONSHIP, "Spouse"),
                                detail(ItemDetail.CONTACT_PHONE, "01454 000201"),
                                detail(ItemDetail.CARING, "carer")))
                .replace("<icr:version>1</icr:version>", "<icr:version>2</icr:version>"));
    }

    /** 68, type 2 diabetes and hypertension; she cares for her husband after his stroke. */
    private static void okonkwo(Story s) {
        s.gp(s.problem("p-dm", 96, "active", "44054006", "Type 2 diabetes mellitus", null));
        s.gp(s.problem("p-htn", 120, "active", "38341003", "Hypertension", null));
        s.gp(s.medication("m-met", 90, "active", "Metformin 1g modified-release tablets", "One tablet twice a day"));
        s.gp(s.medication("m-aml", 60, "active", "Amlodipine 5mg tablets", "One tablet once a day"));
        s.gp(s.allergy("a-trim", 200, "Trimethoprim", "Widespread rash", "moderate"));
        s.gp(s.contact(
                "c-husband",
                "Emeka OKONKWO (husband): she is his carer since his stroke",
                "Husband",
                "01454 000102",
                "cared-for"));
        s.gp(s.contact("c-nok", "Ngozi OKONKWO-REID (daughter): next of kin", "Daughter", "07700 900201", null));
        s.gp(s.appointment("ap-review", 21, "Annual diabetes review", "Riverside Medical Practice", "Practice nurse"));
        String[] hba1c = {"62", "58", "55"};
        for (int i = 0; i < hba1c.length; i++) {
            s.acute(s.result(
                    "r-hba1c-" + i, 18 - 6 * i, "4548-4", "Haemoglobin A1c", hba1c[i], "mmol/mol", "20", "41", "H"));
        }
        s.acute(s.encounter("e-eye", 5, "finished", "Diabetic eye screening", "Eye Unit, Avon Vale", "Ophthalmology"));
        s.council(s.social(
                "s-carer",
                8,
                "Carer's assessment",
                "Support for her as her husband's carer: a sitting" + " service one afternoon a week."));
    }

    /** 38, Deaf since birth, British Sign Language; pregnant. */
    private static void llewellyn(Story s) {
        s.gp(s.problem(
                "p-deaf", 400, "active", "15188001", "Hearing loss", "Profound, bilateral, since birth. BSL user."));
        s.gp(s.problem("p-preg", 5, "active", "77386006", "Pregnant", "Estimated due date in four months."));
        s.gp(s.adjustment(
                "ra-bsl",
                60,
                "communication",
                "British Sign Language interpreter for every appointment, booked in advance"));
        s.gp(s.adjustment("ra-text", 60, "communication", "Contact by text message or email, never by telephone"));
        s.gp(s.medication("m-fol", 5, "active", "Folic acid 400microgram tablets", "One tablet once a day"));
        s.gp(s.contact(
                "c-partner",
                "Owain PRICE (partner): next of kin, also Deaf, uses text",
                "Partner",
                "07700 900303",
                null));
        s.acute(s.appointment("ap-anc", 14, "Antenatal clinic", "Maternity Unit, Avon Vale", "Community midwife"));
        s.acute(s.result("r-hb", 2, "718-7", "Haemoglobin", "112", "g/L", "115", "165", "L"));
        s.acute(s.encounter(
                "e-scan",
                2,
                "finished",
                "Antenatal ultrasound scan (20 weeks)",
                "Maternity Unit, Avon Vale",
                "Obstetrics"));
    }

    /** 54, chronic kidney disease and hypertension; a duplicate PAS registration was merged (ADT^A40). */
    private static void patel(Story s) {
        s.gp(s.problem("p-ckd", 36, "active", "433144002", "Chronic kidney disease stage 3", null));
        s.gp(s.problem("p-htn", 72, "active", "38341003", "Hypertension", null));
        s.gp(s.medication("m-rami", 60, "active", "Ramipril 5mg capsules", "One capsule once a day"));
        s.gp(s.medication("m-ator", 48, "active", "Atorvastatin 20mg tablets", "One tablet at night"));
        s.gp(s.contact("c-nok", "Anjali PATEL (wife): next of kin", "Wife", "0117 000 0204", null));
        String[] egfr = {"58", "54", "51", "49"};
        for (int i = 0; i < egfr.length; i++) {
            s.acute(s.result("r-egfr-" + i, 24 - 6 * i, "33914-3", "eGFR", egfr[i], "mL/min/1.73m2", "60", "120", "L"));
        }
        s.acute(s.result("r-k", 1, "2823-3", "Potassium", "5.4", "mmol/L", "3.5", "5.3", "H"));
        s.acute(s.referral(
                "ref-renal", 1, "Referral to renal clinic: eGFR falling", "Renal Unit, Avon Vale", "Dr A Hart"));
    }

    /** 10, asthma and a peanut allergy (anaphylaxis); lives with her mother. */
    private static void morgan(Story s) {
        s.gp(s.problem("p-asthma", 60, "active", "195967001", "Asthma", null));
        s.gp(s.problem("p-ecz", 100, "active", "24079001", "Atopic dermatitis", "Eczema, mainly flexures."));
        s.gp(s.allergy("a-peanut", 70, "Peanut", "Anaphylaxis", "severe"));
        s.gp(s.medication(
                "m-salb", 24, "active", "Salbutamol 100micrograms/dose inhaler with spacer", "Two puffs when needed"));
        s.gp(s.medication(
                "m-clen",
                24,
                "active",
                "Clenil Modulite 100micrograms/dose inhaler with spacer",
                "Two puffs twice a day"));
        s.gp(s.medication(
                "m-epi",
                60,
                "active",
                "Adrenaline 300microgram auto-injector",
                "One injection into the thigh for anaphylaxis; two carried at all times"));
        s.gp(s.contact("c-mother", "Sophie MORGAN (mother): parental responsibility", "Mother", "07700 900505", null));
        s.gp(s.contact(
                "c-school",
                "Portishead Primary School nurse: holds her asthma and allergy plan",
                "School nurse",
                "01275 000505",
                null));
        s.gp(s.appointment(
                "ap-asthma",
                30,
                "Asthma review with her inhaler technique",
                "Riverside Medical Practice",
                "Practice nurse"));
        s.acute(s.encounter(
                "e-ed",
                3,
                "finished",
                "Children's emergency department: asthma attack",
                "Children's Emergency Department, Avon Vale",
                "Paediatrics"));
    }

    /** 91, Alzheimer's disease, lives in a care home; his daughter holds lasting power of attorney. */
    private static void holloway(Story s) {
        s.gp(s.problem("p-ad", 48, "active", "26929004", "Alzheimer's disease", null));
        s.gp(s.problem("p-oa", 180, "active", "239873007", "Osteoarthritis of knee", null));
        s.gp(s.medication("m-done", 40, "active", "Donepezil 10mg tablets", "One tablet at night"));
        s.gp(s.medication("m-para", 40, "active", "Paracetamol 500mg tablets", "Two tablets four times a day"));
        s.gp(s.frailty("cfs", 3, 6));
        s.gp(s.adjustment(
                "ra-cog",
                24,
                "cognitive-learning",
                "Speak slowly, one question at a time; explain before touching him"));
        s.gp(s.adjustment(
                "ra-comp",
                24,
                "carer-companion",
                "His daughter Helen (lasting power of attorney, health and welfare) to be told of every appointment"));
        s.gp(s.contact(
                "c-helen",
                "Helen HOLLOWAY-GRANT (daughter): lasting power of attorney",
                "Daughter",
                "07700 900606",
                "carer"));
        s.council(s.social(
                "s-home", 30, "Residential care: Rose Court Care Home", "Funded placement, reviewed" + " yearly."));
    }

    /** 57, breast cancer treated in 2021, hypothyroidism. */
    private static void ashworth(Story s) {
        s.gp(s.problem(
                "p-bc",
                60,
                "resolved",
                "254837009",
                "Malignant neoplasm of breast",
                "Left breast, wide local excision and radiotherapy 2021; in remission."));
        s.gp(s.problem("p-thy", 120, "active", "40930008", "Hypothyroidism", null));
        s.gp(s.medication("m-levo", 120, "active", "Levothyroxine 100microgram tablets", "One tablet each morning"));
        s.gp(s.medication("m-letro", 54, "active", "Letrozole 2.5mg tablets", "One tablet once a day"));
        s.gp(s.contact("c-nok", "Tom ASHWORTH (husband): next of kin", "Husband", "01275 000207", null));
        s.acute(s.result("r-tsh", 2, "3016-3", "Thyroid stimulating hormone", "2.1", "mU/L", "0.3", "4.2", "N"));
        s.acute(s.appointment(
                "ap-onc", 45, "Breast oncology follow-up", "Oncology Outpatients, Avon Vale", "Dr E Mensah"));
    }

    /** 27, type 1 diabetes and a learning disability; his mother supports him at appointments. */
    private static void rahman(Story s) {
        s.gp(s.problem("p-t1", 180, "active", "46635009", "Type 1 diabetes mellitus", null));
        s.gp(s.problem("p-ld", 300, "active", "110359009", "Intellectual disability", "Mild; lives with his family."));
        s.gp(s.medication("m-ins1", 24, "active", "Insulin glargine 100units/ml pen", "18 units at night"));
        s.gp(s.medication("m-ins2", 24, "active", "Insulin aspart 100units/ml pen", "With meals, by carbohydrate"));
        s.gp(s.adjustment("ra-easy", 36, "cognitive-learning", "Easy read letters and a double appointment"));
        s.gp(s.adjustment("ra-mum", 36, "carer-companion", "His mother comes to appointments with him"));
        s.gp(s.contact("c-mum", "Nasreen RAHMAN (mother): his carer", "Mother", "07700 900708", "carer"));
        String[] hba1c = {"74", "69", "66"};
        for (int i = 0; i < hba1c.length; i++) {
            s.acute(s.result(
                    "r-hba1c-" + i, 15 - 5 * i, "4548-4", "Haemoglobin A1c", hba1c[i], "mmol/mol", "20", "41", "H"));
        }
        s.acute(s.appointment("ap-dm", 40, "Young adult diabetes clinic", "Outpatients, Avon Vale", "Dr C Nwosu"));
    }

    /** 78, COPD and heart failure; she cares for her husband, who has dementia. */
    private static void fairweather(Story s) {
        s.gp(s.problem("p-copd", 96, "active", "13645005", "Chronic obstructive pulmonary disease", null));
        s.gp(s.problem("p-hf", 30, "active", "84114007", "Heart failure", "Reduced ejection fraction (35%)."));
        s.gp(s.medication("m-trimbow", 30, "active", "Trimbow 87/5/9 inhaler", "Two puffs twice a day"));
        s.gp(s.medication("m-bis", 28, "active", "Bisoprolol 2.5mg tablets", "One tablet once a day"));
        s.gp(s.medication("m-furo", 28, "active", "Furosemide 40mg tablets", "One tablet each morning"));
        s.gp(s.frailty("cfs", 4, 5));
        s.gp(s.contact(
                "c-george",
                "George FAIRWEATHER (husband): has dementia; she is his carer",
                "Husband",
                "01934 000109",
                "cared-for"));
        s.gp(s.contact("c-son", "Paul FAIRWEATHER (son): next of kin", "Son", "07700 900809", null));
        s.acute(s.result("r-bnp", 2, "33762-6", "NT-proBNP", "1850", "ng/L", "0", "400", "H"));
        s.acute(s.encounter(
                "e-adm",
                6,
                "finished",
                "Inpatient admission: infective exacerbation of COPD",
                "Respiratory ward, Avon Vale",
                "Respiratory medicine"));
        s.council(s.social(
                "s-carer",
                5,
                "Carer's assessment and respite",
                "One week of respite for George each" + " quarter so that she can rest."));
    }

    /** 23, anxiety and depression; a sealed sexual health entry recorded by the GP practice. */
    private static void blake(Story s) {
        s.gp(s.problem("p-anx", 30, "active", "21897009", "Generalized anxiety disorder", null));
        s.gp(s.problem("p-dep", 30, "active", "35489007", "Depressive disorder", null));
        s.gp(s.sealed("p-gum", 10, "Sexual health clinic attendance", "Recorded by the GP practice only."));
        s.gp(s.medication("m-sert", 12, "active", "Sertraline 100mg tablets", "One tablet once a day"));
        s.gp(s.adjustment(
                "ra-mh",
                12,
                "mental-health",
                "Quiet waiting area, or wait outside and be called by phone; first appointment of the day"));
        s.gp(s.contact("c-friend", "Sam OYELARAN (friend): emergency contact", "Friend", "07700 900910", null));
        s.gp(s.referral("ref-tt", 2, "Referral to NHS Talking Therapies", "Avon Talking Therapies", "Dr A Hart"));
    }

    /** 32, restricted record (her address is hidden); a domestic abuse safeguarding concern. */
    private static void winters(Story s) {
        s.gp(s.problem("p-anx", 14, "active", "21897009", "Generalized anxiety disorder", null));
        s.gp(s.medication("m-prop", 10, "active", "Propranolol 10mg tablets", "One tablet up to three times a day"));
        s.acute(s.encounter(
                "e-ed",
                4,
                "finished",
                "Emergency department attendance: injury to left wrist",
                "Emergency Department, Avon Vale",
                "Emergency medicine"));
        s.council(s.safeguarding(
                "sg-da",
                4,
                "Domestic abuse: high risk, MARAC referral",
                "Do not disclose her whereabouts. Contact only through the safeguarding hub."));
        s.council(s.social("s-idva", 4, "Independent domestic violence adviser allocated", null));
    }

    /** 96, atrial fibrillation on apixaban, osteoarthritis; falls; his son is his carer. */
    private static void ashby(Story s) {
        s.gp(s.problem("p-af", 60, "active", "49436004", "Atrial fibrillation", null));
        s.gp(s.problem("p-oa", 240, "active", "239873007", "Osteoarthritis of knee", null));
        s.gp(s.medication("m-apix", 60, "active", "Apixaban 2.5mg tablets", "One tablet twice a day"));
        s.gp(s.frailty("cfs", 6, 5));
        s.gp(s.adjustment(
                "ra-mob", 24, "access-mobility", "Uses a walking frame: ground floor room and hospital transport"));
        s.gp(s.adjustment("ra-sens", 24, "sensory", "Hard of hearing: face him and speak clearly; large print"));
        s.gp(s.contact("c-son", "Richard ASHBY (son): visits daily, his carer", "Son", "07700 901112", "carer"));
        s.acute(s.result("r-creat", 3, "2160-0", "Creatinine", "118", "umol/L", "59", "104", "H"));
        s.acute(s.encounter(
                "e-fall",
                7,
                "finished",
                "Emergency department attendance: fall at home, no fracture",
                "Emergency Department, Avon Vale",
                "Emergency medicine"));
        s.acute(s.referral(
                "ref-falls",
                7,
                "Referral to falls prevention service",
                "Severn Community Health",
                "Emergency department"));
    }

    @SafeVarargs
    private static Map<ItemDetail, String> ordered(Map.Entry<ItemDetail, String>... details) {
        Map<ItemDetail, String> map = new LinkedHashMap<>();
        for (Map.Entry<ItemDetail, String> detail : details) {
            if (detail.getValue() != null) {
                map.put(detail.getKey(), detail.getValue());
            }
        }
        return map;
    }

    private static Map.Entry<ItemDetail, String> detail(ItemDetail name, String value) {
        return new java.util.AbstractMap.SimpleEntry<>(name, value);
    }

    /** One person's items, by the source that records them. */
    private static final class Story {
        final String n;
        final LocalDate today = LocalDate.now();
        final List<String> gp = new ArrayList<>();
        final List<String> acute = new ArrayList<>();
        final List<String> council = new ArrayList<>();

        Story(String nhsNumber) {
            this.n = nhsNumber;
        }

        void gp(String item) {
            gp.add(item);
        }

        void acute(String item) {
            acute.add(item);
        }

        void council(String item) {
            council.add(item);
        }

        List<Batch> batches() {
            List<Batch> batches = new ArrayList<>();
            if (!gp.isEmpty()) {
                batches.add(new Batch(
                        "sys.riverside-gp", "Source-demo-gp-1", DemoRecords.batch("demo-story-gp-" + n, n, gp)));
            }
            if (!acute.isEmpty()) {
                batches.add(new Batch(
                        "sys.avonvale-pas", "Source-demo-pas-1", DemoRecords.batch("demo-story-acute-" + n, n, acute)));
            }
            if (!council.isEmpty()) {
                batches.add(new Batch(
                        "sys.northavon-lcs",
                        "Source-demo-lcs-1",
                        DemoRecords.batch("demo-story-council-" + n, n, council)));
            }
            return batches;
        }

        private String key(String suffix) {
            return n + "-s-" + suffix;
        }

        String problem(String key, int monthsAgo, String status, String snomed, String display, String text) {
            return DemoRecords.item(
                    Category.PROBLEMS,
                    key(key),
                    today.minusMonths(monthsAgo),
                    status,
                    CodeSystem.SNOMED_CT,
                    snomed,
                    display,
                    text,
                    null,
                    Map.of());
        }

        String sealed(String key, int monthsAgo, String title, String text) {
            return DemoRecords.item(
                    Category.PROBLEMS,
                    key(key),
                    today.minusMonths(monthsAgo),
                    "resolved",
                    CodeSystem.LOCAL,
                    "GUM1",
                    title,
                    text,
                    Sensitivity.SEALED,
                    Map.of());
        }

        String medication(String key, int monthsAgo, String status, String name, String dose) {
            return DemoRecords.plain(
                    Category.MEDICATIONS,
                    key(key),
                    today.minusMonths(monthsAgo),
                    status,
                    name,
                    null,
                    ordered(detail(ItemDetail.DOSE, dose), detail(ItemDetail.CHANGE, "started")));
        }

        String allergy(String key, int monthsAgo, String substance, String reaction, String severity) {
            return DemoRecords.plain(
                    Category.ALLERGIES,
                    key(key),
                    today.minusMonths(monthsAgo),
                    "active",
                    "Allergy to " + substance.toLowerCase(java.util.Locale.UK),
                    null,
                    ordered(detail(ItemDetail.REACTION, reaction), detail(ItemDetail.SEVERITY, severity)));
        }

        String contact(String key, String text, String relationship, String phone, String caring) {
            return DemoRecords.plain(
                    Category.CONTACTS,
                    key(key),
                    today.minusYears(1),
                    "active",
                    text,
                    null,
                    ordered(
                            detail(ItemDetail.RELATIONSHIP, relationship),
                            detail(ItemDetail.CONTACT_PHONE, phone),
                            detail(ItemDetail.CARING, caring)));
        }

        String appointment(String key, int daysAhead, String text, String location, String clinician) {
            return DemoRecords.plain(
                    Category.APPOINTMENTS,
                    key(key),
                    today.plusDays(daysAhead),
                    "booked",
                    text,
                    null,
                    ordered(detail(ItemDetail.LOCATION, location), detail(ItemDetail.CLINICIAN, clinician)));
        }

        String encounter(String key, int monthsAgo, String status, String text, String location, String specialty) {
            return DemoRecords.plain(
                    Category.ENCOUNTERS,
                    key(key),
                    today.minusMonths(monthsAgo),
                    status,
                    text,
                    null,
                    ordered(detail(ItemDetail.LOCATION, location), detail(ItemDetail.SPECIALTY, specialty)));
        }

        String referral(String key, int monthsAgo, String text, String to, String by) {
            return DemoRecords.plain(
                    Category.REFERRALS,
                    key(key),
                    today.minusMonths(monthsAgo),
                    "active",
                    text,
                    null,
                    ordered(detail(ItemDetail.REFERRED_TO, to), detail(ItemDetail.REFERRED_BY, by)));
        }

        String result(
                String key,
                int monthsAgo,
                String loinc,
                String display,
                String value,
                String unit,
                String low,
                String high,
                String flag) {
            return DemoRecords.item(
                    Category.RESULTS,
                    key(key),
                    today.minusMonths(monthsAgo),
                    "final",
                    CodeSystem.LOINC,
                    loinc,
                    display,
                    null,
                    null,
                    ordered(
                            detail(ItemDetail.VALUE, value),
                            detail(ItemDetail.UNIT, unit),
                            detail(ItemDetail.REFERENCE_LOW, low),
                            detail(ItemDetail.REFERENCE_HIGH, high),
                            detail(ItemDetail.INTERPRETATION, flag),
                            detail(ItemDetail.REPORT_KEY, key(key))));
        }

        String social(String key, int monthsAgo, String title, String text) {
            return DemoRecords.plain(
                    Category.SOCIAL_CARE,
                    key(key),
                    today.minusMonths(monthsAgo),
                    "active",
                    title,
                    text,
                    ordered(
                            detail(ItemDetail.ALLOCATED_WORKER, "Sam Patel"),
                            detail(ItemDetail.CONTACT_PHONE, "01454 000300"),
                            detail(ItemDetail.TEAM, "Adult Social Care North")));
        }

        String safeguarding(String key, int monthsAgo, String title, String text) {
            return DemoRecords.plain(
                    Category.SAFEGUARDING,
                    key(key),
                    today.minusMonths(monthsAgo),
                    "active",
                    title,
                    text,
                    ordered(
                            detail(ItemDetail.TEAM, "Adult Safeguarding Hub"),
                            detail(ItemDetail.CONTACT_PHONE, "01454 000399")));
        }

        String plan(String key, int monthsAgo, String text, Map<ItemDetail, String> details) {
            return DemoRecords.plain(
                    Category.CARE_PLANS, key(key), today.minusMonths(monthsAgo), "active", text, null, details);
        }

        String carePlan(
                String key,
                int monthsAgo,
                String text,
                String type,
                String decision,
                String formLocation,
                String decidedBy,
                LocalDate review) {
            return plan(
                    key,
                    monthsAgo,
                    text,
                    ordered(
                            detail(ItemDetail.PLAN_TYPE, type),
                            detail(ItemDetail.CPR_DECISION, decision),
                            detail(ItemDetail.FORM_LOCATION, formLocation),
                            detail(ItemDetail.DECIDED_BY, decidedBy),
                            detail(ItemDetail.REVIEW_DATE, review.toString())));
        }

        String frailty(String key, int monthsAgo, int score) {
            return plan(
                    key,
                    monthsAgo,
                    "Clinical Frailty Scale assessment",
                    ordered(
                            detail(ItemDetail.PLAN_TYPE, "frailty"),
                            detail(ItemDetail.FRAILTY_SCORE, Integer.toString(score))));
        }

        String adjustment(String key, int monthsAgo, String category, String text) {
            return DemoRecords.plain(
                    Category.ADJUSTMENTS,
                    key(key),
                    today.minusMonths(monthsAgo),
                    "active",
                    text,
                    null,
                    ordered(detail(ItemDetail.ADJUSTMENT_CATEGORY, category)));
        }
    }
}
