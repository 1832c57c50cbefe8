package org.openicr.tools.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openicr.tools.demo.DemoRegion.DemoPerson;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.ItemDetail;

/**
 * The demo's messages for an administrator to try: the hospital PAS's duplicate registration of a
 * person and its ADT^A40 merge (undo on the Merges page), and the hospice's end of life care plan,
 * refused because the hospice's organisation only views (replay on the Messages page). Message ids
 * are fixed, so a second load of the demo gets the first answers again and changes nothing.
 */
final class DemoMessages {

    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    private static final DateTimeFormatter HL7_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    private DemoMessages() {}

    /**
     * ADT^A28 for the person as the PAS holds them (hospital number RX901-...), an A28 and an ED
     * attendance (A04) for a second registration under another NHS Number (a number PDS later
     * superseded), and the A40 that merges the second into the first.
     */
    static List<String> duplicateAndMerge(DemoPerson person, String duplicateNhsNumber) {
        LocalDateTime at = LocalDate.now().minusDays(3).atTime(9, 0);
        String mrn = "RX901-" + person.nhsNumber().substring(5);
        String duplicateMrn = "RX901-" + duplicateNhsNumber.substring(5);
        String name = person.family() + "^" + person.given().toUpperCase(Locale.ROOT) + "^^^"
                + (person.title() == null ? "" : person.title().toUpperCase(Locale.ROOT)) + "^^L";
        String born = person.born().format(HL7_DATE);
        String pid = "PID|1||" + person.nhsNumber() + "^^^NHS^NH~" + mrn + "^^^RX901^MR||" + name + "||" + born + "|M";
        String duplicatePid = "PID|1||" + duplicateNhsNumber + "^^^NHS^NH~" + duplicateMrn + "^^^RX901^MR||" + name
                + "||" + born + "|M";
        return List.of(
                String.join(
                        "\r", msh(at, "ADT^A28^ADT_A05", "demo-pas-a28-" + mrn), "EVN|A28|" + at.format(HL7_TIME), pid),
                String.join(
                        "\r",
                        msh(at.plusMinutes(5), "ADT^A28^ADT_A05", "demo-pas-a28-" + duplicateMrn),
                        "EVN|A28|" + at.plusMinutes(5).format(HL7_TIME),
                        duplicatePid),
                String.join(
                        "\r",
                        msh(at.plusMinutes(10), "ADT^A04^ADT_A01", "demo-pas-a04-" + duplicateMrn),
                        "EVN|A04|" + at.plusMinutes(10).format(HL7_TIME),
                        duplicatePid,
                        "PV1|1|E|ED^MAJORS^^RX901||||C456^OSEI^BEN^^^DR||||||||||||ED" + duplicateMrn.substring(6)
                                + "^^^RX901^VN|||||||||||||||||||||||||"
                                + at.plusMinutes(10).format(HL7_TIME)),
                String.join(
                        "\r",
                        msh(at.plusHours(2), "ADT^A40^ADT_A39", "demo-pas-a40-" + duplicateMrn),
                        "EVN|A40|" + at.plusHours(2).format(HL7_TIME),
                        pid,
                        "MRG|" + duplicateMrn + "^^^RX901^MR"));
    }

    private static String msh(LocalDateTime at, String type, String controlId) {
        return "MSH|^~\\&|PAS|RX901|ICR|ICB90|" + at.format(HL7_TIME) + "||" + type + "|" + controlId + "|P|2.5.1";
    }

    static String hl7Envelope(String er7) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:icr=\"urn:openicr:ingestion:v1\"><soapenv:Body><icr:Hl7Message><icr:er7><![CDATA[" + er7
                + "]]></icr:er7></icr:Hl7Message></soapenv:Body></soapenv:Envelope>";
    }

    /** The hospice's end of life care plan for a person (refused: the hospice only views). */
    static String hospicePlan(DemoPerson person) {
        String n = person.nhsNumber();
        return DemoRecords.batch(
                "demo-hospice-plan-" + n,
                n,
                List.of(DemoRecords.plain(
                        Category.CARE_PLANS,
                        "hospice-eol-" + n,
                        LocalDate.now().minusWeeks(2),
                        "active",
                        "Hospice at home: end of life care plan agreed with the family",
                        null,
                        Map.of(ItemDetail.PLAN_TYPE, "end-of-life"))));
    }
}
