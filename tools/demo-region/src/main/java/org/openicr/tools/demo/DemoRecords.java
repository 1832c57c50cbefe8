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
 * {@code SubmitItems}: the GP practice (problems active and resolved, medications with a dose change
 * and a finished course, allergies, procedures, appointments, contacts and the named GP, one sealed
 * item), the acute trust (an attendance, an admission and its discharge, a clinic visit and
 * follow-up, HbA1c and eGFR series for the trend chart, a chest X-ray report, a discharge summary as
 * text and a clinic letter as PDF, a referral) and the council (an assessment and a home care
 * service with the allocated worker, a safeguarding alert).
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
        gp.add(withEnd(
                item(
                        "MEDICATIONS",
                        n + "-m1",
                        today.minusMonths(14),
                        "completed",
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
                                "Dr A Hart")),
                today.minusMonths(4)));
        gp.add(item(
                "MEDICATIONS",
                n + "-m1b",
                today.minusMonths(4),
                "active",
                "DMD",
                "319284000",
                "Amlodipine 10mg tablets",
                null,
                null,
                ordered(
                        "dose",
                        "One tablet once a day",
                        "route",
                        "Oral",
                        "frequency",
                        "Morning",
                        "change",
                        "dose-changed",
                        "changeReason",
                        "Blood pressure above target on 5mg",
                        "prescriber",
                        "Dr A Hart")));
        gp.add(withEnd(
                item(
                        "MEDICATIONS",
                        n + "-m4",
                        today.minusMonths(6),
                        "completed",
                        "DMD",
                        "323509004",
                        "Amoxicillin 500mg capsules",
                        null,
                        null,
                        ordered(
                                "dose",
                                "One capsule three times a day",
                                "route",
                                "Oral",
                                "quantity",
                                "15 capsules",
                                "change",
                                "started",
                                "changeReason",
                                "Chest infection, 5-day course")),
                today.minusMonths(6).plusDays(5)));
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
        gp.add(item(
                "PROBLEMS",
                n + "-p4",
                today.minusYears(8),
                "resolved",
                "SNOMED_CT",
                "195967001",
                "Asthma",
                "Childhood asthma, no symptoms for years.",
                null,
                Map.of()));
        gp.add(plain(
                "APPOINTMENTS",
                n + "-ap2",
                today.minusMonths(5),
                "fulfilled",
                "Blood pressure check",
                null,
                ordered("location", "Riverside Medical Practice", "clinician", "Practice nurse")));
        gp.add(plain(
                "CONTACTS",
                n + "-c2",
                today.minusYears(3),
                "active",
                "Named GP: Dr A Hart",
                null,
                ordered(
                        "relationship",
                        "Named GP",
                        "team",
                        "Riverside Medical Practice",
                        "contactPhone",
                        "01454 000100")));
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
                ordered(
                        "location",
                        "Ward 9",
                        "clinician",
                        "Dr B Osei",
                        "specialty",
                        "Geriatric medicine",
                        "encounterClass",
                        "inpatient")));
        acute.add(plain(
                "ENCOUNTERS",
                n + "-e3",
                today.minusMonths(3).plusDays(4),
                "finished",
                "Discharged home from Ward 9",
                null,
                ordered("location", "Ward 9", "clinician", "Dr B Osei", "encounterClass", "discharge")));
        acute.add(plain(
                "ENCOUNTERS",
                n + "-e4",
                today.minusMonths(1),
                "finished",
                "Diabetes clinic attendance",
                null,
                ordered(
                        "location",
                        "Outpatients, Avon Vale",
                        "clinician",
                        "Dr C Nwosu",
                        "specialty",
                        "Diabetology",
                        "encounterClass",
                        "outpatient")));
        acute.add(plain(
                "APPOINTMENTS",
                n + "-ap3",
                today.plusDays(40 + index),
                "booked",
                "Diabetes clinic follow-up",
                null,
                ordered("location", "Outpatients, Avon Vale", "specialty", "Diabetology")));
        String[] egfr = {"71", "66", "62", "59", "57"};
        for (int i = 0; i < egfr.length; i++) {
            acute.add(item(
                    "RESULTS",
                    n + "-r-egfr-" + i,
                    today.minusMonths(24 - 5L * i),
                    "final",
                    "LOINC",
                    "33914-3",
                    "eGFR",
                    null,
                    null,
                    ordered(
                            "value",
                            egfr[i],
                            "unit",
                            "mL/min/1.73m2",
                            "referenceLow",
                            "60",
                            "referenceHigh",
                            "120",
                            "interpretation",
                            Integer.parseInt(egfr[i]) < 60 ? "L" : "N")));
        }
        acute.add(item(
                "RESULTS",
                n + "-r-cxr",
                today.minusMonths(3),
                "final",
                "LOINC",
                "36643-5",
                "Chest X-ray report",
                "Chest X-ray, PA view: heart size normal, lungs clear, no fracture of the ribs seen.",
                null,
                ordered("reportKey", n + "-cxr")));
        String[] hba1c = {"71", "68", "64", "61", "58", "56"};
        for (int i = 0; i < hba1c.length; i++) {
            acute.add(item(
                    "RESULTS",
                    n + "-r-hba1c-" + i,
                    today.minusMonths(30 - 5L * i),
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
        acute.add(pdfDocument(
                n + "-d2",
                today.minusMonths(1).plusDays(2),
                "Diabetes clinic letter",
                List.of(
                        "Avon Vale Hospitals - Diabetes clinic",
                        "Dear Dr Hart,",
                        "Seen in clinic. HbA1c improving (56 mmol/mol). eGFR falling slowly (57).",
                        "Plan: continue metformin, review kidney function in three months.",
                        "Dr C Nwosu, Consultant Diabetologist")));
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
                "SOCIAL_CARE",
                n + "-s2",
                today.minusMonths(1),
                "active",
                "Home care service: two visits a day",
                "Morning and evening visits by Severn Home Care.",
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

    /** The item with an end date (a course finished, a dose replaced, a stay ended). */
    private static String withEnd(String itemXml, LocalDate end) {
        return itemXml.replaceFirst("</icr:effectiveAt>", "</icr:effectiveAt>" + el("effectiveEnd", end + "T09:00:00"));
    }

    /** A clinic letter as a one-page PDF, as a hospital's document system would send it. */
    private static String pdfDocument(String key, LocalDate effective, String title, List<String> lines) {
        return "<icr:item>" + el("category", "DOCUMENTS") + el("sourceKey", key) + el("version", "1")
                + el("effectiveAt", effective + "T11:00:00") + el("status", "final") + el("text", title)
                + "<icr:detail>" + el("name", "author") + el("value", "Dr C Nwosu") + "</icr:detail>"
                + "<icr:detail>" + el("name", "documentType") + el("value", "Clinic letter") + "</icr:detail>"
                + "<icr:document>" + el("contentType", "application/pdf")
                + el("data", Base64.getEncoder().encodeToString(pdf(lines)))
                + "</icr:document></icr:item>";
    }

    /** A minimal valid PDF (one A4 page of Helvetica text) with a correct cross-reference table. */
    static byte[] pdf(List<String> lines) {
        StringBuilder text = new StringBuilder("BT /F1 12 Tf 60 780 Td 16 TL");
        for (String line : lines) {
            text.append(" (")
                    .append(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
                    .append(") '");
        }
        text.append(" ET");
        String stream = text.toString();
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.getBytes(StandardCharsets.ISO_8859_1).length + " >>\nstream\n" + stream
                        + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String el(String name, String value) {
        String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<icr:" + name + ">" + escaped + "</icr:" + name + ">";
    }
}
