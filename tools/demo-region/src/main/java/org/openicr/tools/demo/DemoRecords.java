package org.openicr.tools.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openicr.tools.demo.DemoRegion.DemoPerson;

/**
 * Record items for a demo person, in every category, as three sources would send them through
 * {@code SubmitItems}: the GP practice (problems, medications, allergies, procedures, appointments,
 * contacts, one sealed item), the acute trust (encounters, results with a trend, a discharge summary,
 * a referral) and the council (social care with the allocated worker, a safeguarding alert).
 */
final class DemoRecords {

    /** One SubmitItems message: which demo source sends it, and the envelope. */
    record Batch(String sourceUsername, String sourcePassword, String envelope) {}

    private DemoRecords() {}

    static List<Batch> forPerson(DemoPerson p, int index) {
        String n = p.nhsNumber();
        LocalDate today = LocalDate.now();
        List<Batch> batches = new ArrayList<>();

        List<String> gp = new ArrayList<>();
        gp.add(item(
                "PROBLEMS",
                n + "-p1",
                today.minusYears(6),
                "active",
                "SNOMED_CT",
                "38341003",
                "Hypertension",
                null,
                null,
                Map.of()));
        gp.add(item(
                "PROBLEMS",
                n + "-p2",
                today.minusYears(3),
                "active",
                "SNOMED_CT",
                "44054006",
                "Type 2 diabetes mellitus",
                null,
                null,
                Map.of()));
        gp.add(item(
                "PROBLEMS",
                n + "-p3",
                today.minusYears(2),
                "resolved",
                "LOCAL",
                "GUM1",
                "Sexual health clinic attendance",
                "Recorded by the GP practice only.",
                "SEALED",
                Map.of()));
        gp.add(item(
                "MEDICATIONS",
                n + "-m1",
                today.minusMonths(14),
                "active",
                "DMD",
                "319283006",
                "Amlodipine 5mg tablets",
                null,
                null,
                ordered(
                        "dose",
                        "One tablet once a day",
                        "route",
                        "Oral",
                        "change",
                        "started",
                        "prescriber",
                        "Dr A Hart")));
        gp.add(item(
                "MEDICATIONS",
                n + "-m2",
                today.minusMonths(30),
                "active",
                "DMD",
                "325278007",
                "Metformin 500mg tablets",
                null,
                null,
                ordered(
                        "dose",
                        "One tablet twice a day",
                        "route",
                        "Oral",
                        "change",
                        "dose-changed",
                        "changeReason",
                        "HbA1c above target")));
        gp.add(item(
                "MEDICATIONS",
                n + "-m3",
                today.minusYears(5),
                "stopped",
                "DMD",
                "318135008",
                "Ramipril 2.5mg capsules",
                null,
                null,
                ordered("dose", "One capsule daily", "change", "stopped", "changeReason", "Persistent cough")));
        gp.add(item(
                "ALLERGIES",
                n + "-a1",
                today.minusYears(20),
                "active",
                "SNOMED_CT",
                "91936005",
                "Allergy to penicillin",
                null,
                null,
                ordered("reaction", "Rash", "severity", "moderate")));
        gp.add(item(
                "PROCEDURES",
                n + "-pr1",
                today.minusYears(4),
                "completed",
                "SNOMED_CT",
                "110473004",
                "Cataract surgery",
                null,
                null,
                ordered("location", "Avon Vale Eye Unit")));
        gp.add(plain(
                "APPOINTMENTS",
                n + "-ap1",
                today.plusDays(10 + index),
                "booked",
                "Annual diabetes review",
                null,
                ordered("location", "Riverside Medical Practice", "clinician", "Practice nurse")));
        gp.add(plain(
                "CONTACTS",
                n + "-c1",
                today.minusYears(1),
                "active",
                "Next of kin: Mary " + p.family(),
                null,
                ordered("relationship", "Spouse", "contactPhone", "01454 000201")));
        batches.add(new Batch("sys.riverside-gp", "Source-demo-gp-1", batch("demo-gp-items-" + n, n, gp)));

        List<String> acute = new ArrayList<>();
        acute.add(plain(
                "ENCOUNTERS",
                n + "-e1",
                today.minusMonths(3),
                "finished",
                "Emergency department attendance",
                "Fall at home; no fracture.",
                ordered("location", "Emergency Department, Avon Vale", "encounterClass", "emergency")));
        acute.add(plain(
                "ENCOUNTERS",
                n + "-e2",
                today.minusMonths(3).plusDays(1),
                "finished",
                "Inpatient admission, Ward 9",
                null,
                ordered("location", "Ward 9", "clinician", "Dr B Osei", "specialty", "Geriatric medicine")));
        String[] hba1c = {"64", "61", "58"};
        for (int i = 0; i < hba1c.length; i++) {
            acute.add(item(
                    "RESULTS",
                    n + "-r-hba1c-" + i,
                    today.minusMonths(12 - 5L * i),
                    "final",
                    "LOINC",
                    "4548-4",
                    "Haemoglobin A1c",
                    null,
                    null,
                    ordered(
                            "value",
                            hba1c[i],
                            "unit",
                            "mmol/mol",
                            "referenceLow",
                            "20",
                            "referenceHigh",
                            "41",
                            "interpretation",
                            "H",
                            "reportKey",
                            n + "-hba1c-" + i)));
        }
        acute.add(item(
                "RESULTS",
                n + "-r-k",
                today.minusMonths(3),
                "final",
                "LOINC",
                "2823-3",
                "Potassium",
                null,
                null,
                ordered(
                        "value",
                        "4.1",
                        "unit",
                        "mmol/L",
                        "referenceLow",
                        "3.5",
                        "referenceHigh",
                        "5.3",
                        "interpretation",
                        "N")));
        acute.add(document(
                n + "-d1",
                today.minusMonths(3).plusDays(4),
                "Discharge summary",
                "Discharge summary\n\nAdmitted after a fall at home. No fracture. Mobilised with physiotherapy."
                        + "\nMedication unchanged. Follow-up with the GP in two weeks."));
        acute.add(plain(
                "REFERRALS",
                n + "-rf1",
                today.minusMonths(2),
                "active",
                "Referral to falls prevention service",
                null,
                ordered("referredTo", "Severn Community Health", "referredBy", "Dr B Osei", "priority", "routine")));
        batches.add(new Batch("sys.avonvale-pas", "Source-demo-pas-1", batch("demo-acute-items-" + n, n, acute)));

        List<String> council = new ArrayList<>();
        council.add(plain(
                "SOCIAL_CARE",
                n + "-s1",
                today.minusMonths(2),
                "open",
                "Care Act needs assessment",
                "Assessment completed; home care twice a day agreed.",
                ordered(
                        "allocatedWorker",
                        "Sam Patel",
                        "contactPhone",
                        "01454 000300",
                        "team",
                        "Adult Social Care North")));
        council.add(plain(
                "SAFEGUARDING",
                n + "-sg1",
                today.minusMonths(1),
                "open",
                "Adult safeguarding concern raised",
                "Concern about self-neglect; section 42 enquiry open.",
                ordered("team", "Adult Safeguarding Hub", "contactPhone", "01454 000399")));
        batches.add(new Batch("sys.northavon-lcs", "Source-demo-lcs-1", batch("demo-council-items-" + n, n, council)));
        return batches;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String batch(String messageId, String nhsNumber, List<String> items) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:icr=\"urn:openicr:ingestion:v1\"><soapenv:Body><icr:ItemBatch><icr:messageId>" + messageId
                + "</icr:messageId><icr:patient><icr:nhsNumber>" + nhsNumber + "</icr:nhsNumber></icr:patient>"
                + String.join("", items) + "</icr:ItemBatch></soapenv:Body></soapenv:Envelope>";
    }

    private static String item(
            String category,
            String key,
            LocalDate effective,
            String status,
            String system,
            String code,
            String display,
            String text,
            String sensitivity,
            Map<String, String> details) {
        StringBuilder xml = new StringBuilder("<icr:item>")
                .append(el("category", category))
                .append(el("sourceKey", key))
                .append(el("version", "1"))
                .append(el("effectiveAt", effective + "T09:00:00"))
                .append(el("status", status));
        if (system != null) {
            xml.append("<icr:code>")
                    .append(el("system", system))
                    .append(el("code", code))
                    .append(el("display", display))
                    .append("</icr:code>");
            if (text != null) {
                xml.append(el("text", text));
            }
        } else {
            xml.append(el("text", text));
        }
        if (sensitivity != null) {
            xml.append(el("sensitivity", sensitivity));
        }
        details.forEach((name, value) -> xml.append("<icr:detail>")
                .append(el("name", name))
                .append(el("value", value))
                .append("</icr:detail>"));
        return xml.append("</icr:item>").toString();
    }

    /** An item without a code: its title and, when given, a description as its text. */
    private static String plain(
            String category,
            String key,
            LocalDate effective,
            String status,
            String title,
            String description,
            Map<String, String> details) {
        return item(
                category,
                key,
                effective,
                status,
                null,
                null,
                null,
                description == null ? title : title + " - " + description,
                null,
                details);
    }

    private static String document(String key, LocalDate effective, String title, String content) {
        return "<icr:item>" + el("category", "DOCUMENTS") + el("sourceKey", key) + el("version", "1")
                + el("effectiveAt", effective + "T16:00:00") + el("status", "final") + el("text", title)
                + "<icr:detail>" + el("name", "author") + el("value", "Dr B Osei") + "</icr:detail>"
                + "<icr:detail>" + el("name", "documentType") + el("value", "Discharge summary") + "</icr:detail>"
                + "<icr:document>" + el("contentType", "text/plain")
                + el("data", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)))
                + "</icr:document></icr:item>";
    }

    private static String el(String name, String value) {
        String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<icr:" + name + ">" + escaped + "</icr:" + name + ">";
    }
}
