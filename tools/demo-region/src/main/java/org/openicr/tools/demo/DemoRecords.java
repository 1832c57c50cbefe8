package org.openicr.tools.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodeSystem;
import org.openicr.vocabulary.ItemDetail;
import org.openicr.vocabulary.Sensitivity;

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
                Category.PROBLEMS,
                n + "-p1",
                today.minusYears(6),
                "active",
                CodeSystem.SNOMED_CT,
                "38341003",
                "Hypertension",
                null,
                null,
                Map.of()));
        gp.add(item(
                Category.PROBLEMS,
                n + "-p2",
                today.minusYears(3),
                "active",
                CodeSystem.SNOMED_CT,
                "44054006",
                "Type 2 diabetes mellitus",
                null,
                null,
                Map.of()));
        gp.add(item(
                Category.PROBLEMS,
                n + "-p3",
                today.minusYears(2),
                "resolved",
                CodeSystem.LOCAL,
                "GUM1",
                "Sexual health clinic attendance",
                "Recorded by the GP practice only.",
                Sensitivity.SEALED,
                Map.of()));
        gp.add(withEnd(
                item(
                        Category.MEDICATIONS,
                        n + "-m1",
                        today.minusMonths(14),
                        "completed",
                        CodeSystem.DMD,
                        "319283006",
                        "Amlodipine 5mg tablets",
                        null,
                        null,
                        ordered(
                                detail(ItemDetail.DOSE, "One tablet once a day"),
                                detail(ItemDetail.ROUTE, "Oral"),
                                detail(ItemDetail.CHANGE, "started"),
                                detail(ItemDetail.PRESCRIBER, "Dr A Hart"))),
                today.minusMonths(4)));
        gp.add(item(
                Category.MEDICATIONS,
                n + "-m1b",
                today.minusMonths(4),
                "active",
                CodeSystem.DMD,
                "319284000",
                "Amlodipine 10mg tablets",
                null,
                null,
                ordered(
                        detail(ItemDetail.DOSE, "One tablet once a day"),
                        detail(ItemDetail.ROUTE, "Oral"),
                        detail(ItemDetail.FREQUENCY, "Morning"),
                        detail(ItemDetail.CHANGE, "dose-changed"),
                        detail(ItemDetail.CHANGE_REASON, "Blood pressure above target on 5mg"),
                        detail(ItemDetail.PRESCRIBER, "Dr A Hart"))));
        gp.add(withEnd(
                item(
                        Category.MEDICATIONS,
                        n + "-m4",
                        today.minusMonths(6),
                        "completed",
                        CodeSystem.DMD,
                        "323509004",
                        "Amoxicillin 500mg capsules",
                        null,
                        null,
                        ordered(
                                detail(ItemDetail.DOSE, "One capsule three times a day"),
                                detail(ItemDetail.ROUTE, "Oral"),
                                detail(ItemDetail.QUANTITY, "15 capsules"),
                                detail(ItemDetail.CHANGE, "started"),
                                detail(ItemDetail.CHANGE_REASON, "Chest infection, 5-day course"))),
                today.minusMonths(6).plusDays(5)));
        gp.add(item(
                Category.MEDICATIONS,
                n + "-m2",
                today.minusMonths(30),
                "active",
                CodeSystem.DMD,
                "325278007",
                "Metformin 500mg tablets",
                null,
                null,
                ordered(
                        detail(ItemDetail.DOSE, "One tablet twice a day"),
                        detail(ItemDetail.ROUTE, "Oral"),
                        detail(ItemDetail.CHANGE, "dose-changed"),
                        detail(ItemDetail.CHANGE_REASON, "HbA1c above target"))));
        gp.add(item(
                Category.MEDICATIONS,
                n + "-m3",
                today.minusYears(5),
                "stopped",
                CodeSystem.DMD,
                "318135008",
                "Ramipril 2.5mg capsules",
                null,
                null,
                ordered(
                        detail(ItemDetail.DOSE, "One capsule daily"),
                        detail(ItemDetail.CHANGE, "stopped"),
                        detail(ItemDetail.CHANGE_REASON, "Persistent cough"))));
        gp.add(item(
                Category.ALLERGIES,
                n + "-a1",
                today.minusYears(20),
                "active",
                CodeSystem.SNOMED_CT,
                "91936005",
                "Allergy to penicillin",
                null,
                null,
                ordered(detail(ItemDetail.REACTION, "Rash"), detail(ItemDetail.SEVERITY, "moderate"))));
        gp.add(item(
                Category.PROCEDURES,
                n + "-pr1",
                today.minusYears(4),
                "completed",
                CodeSystem.SNOMED_CT,
                "110473004",
                "Cataract surgery",
                null,
                null,
                ordered(detail(ItemDetail.LOCATION, "Avon Vale Eye Unit"))));
        gp.add(plain(
                Category.APPOINTMENTS,
                n + "-ap1",
                today.plusDays(10 + index),
                "booked",
                "Annual diabetes review",
                null,
                ordered(
                        detail(ItemDetail.LOCATION, "Riverside Medical Practice"),
                        detail(ItemDetail.CLINICIAN, "Practice nurse"))));
        gp.add(plain(
                Category.CONTACTS,
                n + "-c1",
                today.minusYears(1),
                "active",
                "Next of kin: Mary " + p.family(),
                null,
                ordered(detail(ItemDetail.RELATIONSHIP, "Spouse"), detail(ItemDetail.CONTACT_PHONE, "01454 000201"))));
        gp.add(item(
                Category.PROBLEMS,
                n + "-p4",
                today.minusYears(8),
                "resolved",
                CodeSystem.SNOMED_CT,
                "195967001",
                "Asthma",
                "Childhood asthma, no symptoms for years.",
                null,
                Map.of()));
        gp.add(plain(
                Category.APPOINTMENTS,
                n + "-ap2",
                today.minusMonths(5),
                "fulfilled",
                "Blood pressure check",
                null,
                ordered(
                        detail(ItemDetail.LOCATION, "Riverside Medical Practice"),
                        detail(ItemDetail.CLINICIAN, "Practice nurse"))));
        gp.add(plain(
                Category.CONTACTS,
                n + "-c2",
                today.minusYears(3),
                "active",
                "Named GP: Dr A Hart",
                null,
                ordered(
                        detail(ItemDetail.RELATIONSHIP, "Named GP"),
                        detail(ItemDetail.TEAM, "Riverside Medical Practice"),
                        detail(ItemDetail.CONTACT_PHONE, "01454 000100"))));
        batches.add(new Batch("sys.riverside-gp", "Source-demo-gp-1", batch("demo-gp-items-" + n, n, gp)));

        List<String> acute = new ArrayList<>();
        acute.add(plain(
                Category.ENCOUNTERS,
                n + "-e1",
                today.minusMonths(3),
                "finished",
                "Emergency department attendance",
                "Fall at home; no fracture.",
                ordered(
                        detail(ItemDetail.LOCATION, "Emergency Department, Avon Vale"),
                        detail(ItemDetail.ENCOUNTER_CLASS, "emergency"))));
        acute.add(plain(
                Category.ENCOUNTERS,
                n + "-e2",
                today.minusMonths(3).plusDays(1),
                "finished",
                "Inpatient admission, Ward 9",
                null,
                ordered(
                        detail(ItemDetail.LOCATION, "Ward 9"),
                        detail(ItemDetail.CLINICIAN, "Dr B Osei"),
                        detail(ItemDetail.SPECIALTY, "Geriatric medicine"),
                        detail(ItemDetail.ENCOUNTER_CLASS, "inpatient"))));
        acute.add(plain(
                Category.ENCOUNTERS,
                n + "-e3",
                today.minusMonths(3).plusDays(4),
                "finished",
                "Discharged home from Ward 9",
                null,
                ordered(
                        detail(ItemDetail.LOCATION, "Ward 9"),
                        detail(ItemDetail.CLINICIAN, "Dr B Osei"),
                        detail(ItemDetail.ENCOUNTER_CLASS, "discharge"))));
        acute.add(plain(
                Category.ENCOUNTERS,
                n + "-e4",
                today.minusMonths(1),
                "finished",
                "Diabetes clinic attendance",
                null,
                ordered(
                        detail(ItemDetail.LOCATION, "Outpatients, Avon Vale"),
                        detail(ItemDetail.CLINICIAN, "Dr C Nwosu"),
                        detail(ItemDetail.SPECIALTY, "Diabetology"),
                        detail(ItemDetail.ENCOUNTER_CLASS, "outpatient"))));
        acute.add(plain(
                Category.APPOINTMENTS,
                n + "-ap3",
                today.plusDays(40 + index),
                "booked",
                "Diabetes clinic follow-up",
                null,
                ordered(
                        detail(ItemDetail.LOCATION, "Outpatients, Avon Vale"),
                        detail(ItemDetail.SPECIALTY, "Diabetology"))));
        String[] egfr = {"71", "66", "62", "59", "57"};
        for (int i = 0; i < egfr.length; i++) {
            acute.add(item(
                    Category.RESULTS,
                    n + "-r-egfr-" + i,
                    today.minusMonths(24 - 5L * i),
                    "final",
                    CodeSystem.LOINC,
                    "33914-3",
                    "eGFR",
                    null,
                    null,
                    ordered(
                            detail(ItemDetail.VALUE, egfr[i]),
                            detail(ItemDetail.UNIT, "mL/min/1.73m2"),
                            detail(ItemDetail.REFERENCE_LOW, "60"),
                            detail(ItemDetail.REFERENCE_HIGH, "120"),
                            detail(ItemDetail.INTERPRETATION, Integer.parseInt(egfr[i]) < 60 ? "L" : "N"))));
        }
        acute.add(item(
                Category.RESULTS,
                n + "-r-cxr",
                today.minusMonths(3),
                "final",
                CodeSystem.LOINC,
                "36643-5",
                "Chest X-ray report",
                "Chest X-ray, PA view: heart size normal, lungs clear, no fracture of the ribs seen.",
                null,
                ordered(detail(ItemDetail.REPORT_KEY, n + "-cxr"))));
        String[] hba1c = {"71", "68", "64", "61", "58", "56"};
        for (int i = 0; i < hba1c.length; i++) {
            acute.add(item(
                    Category.RESULTS,
                    n + "-r-hba1c-" + i,
                    today.minusMonths(30 - 5L * i),
                    "final",
                    CodeSystem.LOINC,
                    "4548-4",
                    "Haemoglobin A1c",
                    null,
                    null,
                    ordered(
                            detail(ItemDetail.VALUE, hba1c[i]),
                            detail(ItemDetail.UNIT, "mmol/mol"),
                            detail(ItemDetail.REFERENCE_LOW, "20"),
                            detail(ItemDetail.REFERENCE_HIGH, "41"),
                            detail(ItemDetail.INTERPRETATION, "H"),
                            detail(ItemDetail.REPORT_KEY, n + "-hba1c-" + i))));
        }
        acute.add(item(
                Category.RESULTS,
                n + "-r-k",
                today.minusMonths(3),
                "final",
                CodeSystem.LOINC,
                "2823-3",
                "Potassium",
                null,
                null,
                ordered(
                        detail(ItemDetail.VALUE, "4.1"),
                        detail(ItemDetail.UNIT, "mmol/L"),
                        detail(ItemDetail.REFERENCE_LOW, "3.5"),
                        detail(ItemDetail.REFERENCE_HIGH, "5.3"),
                        detail(ItemDetail.INTERPRETATION, "N"))));
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
                Category.REFERRALS,
                n + "-rf1",
                today.minusMonths(2),
                "active",
                "Referral to falls prevention service",
                null,
                ordered(
                        detail(ItemDetail.REFERRED_TO, "Severn Community Health"),
                        detail(ItemDetail.REFERRED_BY, "Dr B Osei"),
                        detail(ItemDetail.PRIORITY, "routine"))));
        batches.add(new Batch("sys.avonvale-pas", "Source-demo-pas-1", batch("demo-acute-items-" + n, n, acute)));

        List<String> council = new ArrayList<>();
        council.add(plain(
                Category.SOCIAL_CARE,
                n + "-s1",
                today.minusMonths(2),
                "open",
                "Care Act needs assessment",
                "Assessment completed; home care twice a day agreed.",
                ordered(
                        detail(ItemDetail.ALLOCATED_WORKER, "Sam Patel"),
                        detail(ItemDetail.CONTACT_PHONE, "01454 000300"),
                        detail(ItemDetail.TEAM, "Adult Social Care North"))));
        council.add(plain(
                Category.SOCIAL_CARE,
                n + "-s2",
                today.minusMonths(1),
                "active",
                "Home care service: two visits a day",
                "Morning and evening visits by Severn Home Care.",
                ordered(
                        detail(ItemDetail.ALLOCATED_WORKER, "Sam Patel"),
                        detail(ItemDetail.CONTACT_PHONE, "01454 000300"),
                        detail(ItemDetail.TEAM, "Adult Social Care North"))));
        council.add(plain(
                Category.SAFEGUARDING,
                n + "-sg1",
                today.minusMonths(1),
                "open",
                "Adult safeguarding concern raised",
                "Concern about self-neglect; section 42 enquiry open.",
                ordered(
                        detail(ItemDetail.TEAM, "Adult Safeguarding Hub"),
                        detail(ItemDetail.CONTACT_PHONE, "01454 000399"))));
        batches.add(new Batch("sys.northavon-lcs", "Source-demo-lcs-1", batch("demo-council-items-" + n, n, council)));
        return batches;
    }

    /** Details in the order given, named by the application's own {@link ItemDetail}. */
    @SafeVarargs
    private static Map<ItemDetail, String> ordered(Map.Entry<ItemDetail, String>... details) {
        Map<ItemDetail, String> map = new LinkedHashMap<>();
        for (Map.Entry<ItemDetail, String> detail : details) {
            map.put(detail.getKey(), detail.getValue());
        }
        return map;
    }

    private static Map.Entry<ItemDetail, String> detail(ItemDetail name, String value) {
        return Map.entry(name, value);
    }

    static String batch(String messageId, String nhsNumber, List<String> items) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:icr=\"urn:openicr:ingestion:v1\"><soapenv:Body><icr:ItemBatch><icr:messageId>" + messageId
                + "</icr:messageId><icr:patient><icr:nhsNumber>" + nhsNumber + "</icr:nhsNumber></icr:patient>"
                + String.join("", items) + "</icr:ItemBatch></soapenv:Body></soapenv:Envelope>";
    }

    static String item(
            Category category,
            String key,
            LocalDate effective,
            String status,
            CodeSystem system,
            String code,
            String display,
            String text,
            Sensitivity sensitivity,
            Map<ItemDetail, String> details) {
        StringBuilder xml = new StringBuilder("<icr:item>")
                .append(el("category", category.name()))
                .append(el("sourceKey", key))
                .append(el("version", "1"))
                .append(el("effectiveAt", effective + "T09:00:00"))
                .append(el("status", status));
        if (system != null) {
            xml.append("<icr:code>")
                    .append(el("system", system.name()))
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
            xml.append(el("sensitivity", sensitivity.name()));
        }
        details.forEach((name, value) -> xml.append("<icr:detail>")
                .append(el("name", name.key()))
                .append(el("value", value))
                .append("</icr:detail>"));
        return xml.append("</icr:item>").toString();
    }

    /** An item without a code: its title and, when given, a description as its text. */
    static String plain(
            Category category,
            String key,
            LocalDate effective,
            String status,
            String title,
            String description,
            Map<ItemDetail, String> details) {
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
        return "<icr:item>" + el("category", Category.DOCUMENTS.name()) + el("sourceKey", key) + el("version", "1")
                + el("effectiveAt", effective + "T16:00:00") + el("status", "final") + el("text", title)
                + "<icr:detail>" + el("name", ItemDetail.AUTHOR.key()) + el("value", "Dr B Osei") + "</icr:detail>"
                + "<icr:detail>" + el("name", ItemDetail.DOCUMENT_TYPE.key()) + el("value", "Discharge summary")
                + "</icr:detail>"
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
        return "<icr:item>" + el("category", Category.DOCUMENTS.name()) + el("sourceKey", key) + el("version", "1")
                + el("effectiveAt", effective + "T11:00:00") + el("status", "final") + el("text", title)
                + "<icr:detail>" + el("name", ItemDetail.AUTHOR.key()) + el("value", "Dr C Nwosu") + "</icr:detail>"
                + "<icr:detail>" + el("name", ItemDetail.DOCUMENT_TYPE.key()) + el("value", "Clinic letter")
                + "</icr:detail>"
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
