package org.openicr.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessReportTest {

    private static AccessReportBuilder.Read read(String at, String user, String detail) {
        return new AccessReportBuilder.Read(
                Instant.parse(at),
                user,
                user.equals("gp.hart") ? "Dr Eleanor Hart" : "Nurse Ada Okafor",
                "R8000",
                "Clinical Practitioner Access Role",
                "Y90001",
                "Riverside Surgery",
                "TREAT",
                detail);
    }

    private static final List<AccessReportBuilder.Read> READS = List.of(
            read("2026-07-15T09:00:00Z", "gp.hart", "summary: 12 item(s) in 5 categories; reason ONGOING_CARE"),
            read("2026-07-15T09:00:05Z", "gp.hart", "category MEDICATIONS: 3 item(s) from 0; reason ONGOING_CARE"),
            read("2026-07-15T09:01:00Z", "nurse.okafor", "summary: 12 item(s) in 5 categories; reason ONGOING_CARE"),
            read("2026-07-15T09:02:00Z", "gp.hart", "category RESULTS: 5 item(s) from 0; reason ONGOING_CARE"),
            read("2026-07-15T09:03:00Z", "gp.hart", "category MEDICATIONS: 3 item(s) from 0; reason ONGOING_CARE"),
            read("2026-07-15T15:00:00Z", "gp.hart", "summary: 12 item(s) in 5 categories; reason VITAL_INTERESTS"));

    @Test
    void eachOpeningIsOneLineWithTheCategoriesThatUserThenViewed() {
        List<AccessReportBuilder.Line> lines = AccessReportBuilder.lines(READS);
        assertEquals(3, lines.size());
        AccessReportBuilder.Line first = lines.get(0);
        assertEquals(Instant.parse("2026-07-15T09:00:00Z"), first.openedAt());
        assertEquals("Dr Eleanor Hart (gp.hart)", first.who());
        assertEquals("Clinical Practitioner Access Role (R8000)", first.role());
        assertEquals("Riverside Surgery (Y90001)", first.organisation());
        assertEquals("Ongoing care relationship", first.reason());
        assertEquals(List.of("MEDICATIONS", "RESULTS"), first.categories());
        assertEquals(List.of(), lines.get(1).categories());
        assertEquals("Vital interests (emergency, break glass)", lines.get(2).reason());
    }

    @Test
    void theCurrentItemsOfACategoryCountAsViewingItOnTheSameLine() {
        List<AccessReportBuilder.Line> lines = AccessReportBuilder.lines(List.of(
                READS.get(0),
                read("2026-07-15T09:00:04Z", "gp.hart", "current MEDICATIONS: 2 item(s); reason ONGOING_CARE"),
                read("2026-07-15T09:00:05Z", "gp.hart", "category PROBLEMS: 4 item(s) from 0; reason ONGOING_CARE")));
        assertEquals(1, lines.size());
        assertEquals(List.of("MEDICATIONS", "PROBLEMS"), lines.get(0).categories());
    }

    @Test
    void aCategoryReadWithoutAnOpeningInThePeriodStartsALine() {
        List<AccessReportBuilder.Line> lines = AccessReportBuilder.lines(List.of(READS.get(1)));
        assertEquals(1, lines.size());
        assertEquals(List.of("MEDICATIONS"), lines.get(0).categories());
        assertEquals("Not recorded", AccessReportBuilder.reason("no reason here"));
    }

    @Test
    void thePdfNamesThePersonEachViewerTheirRoleOrganisationReasonAndCategories() throws Exception {
        byte[] pdf = AccessReportPdf.render(
                "9434765919",
                "Mr Walter RECORDHOLDER",
                LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 31),
                AccessReportBuilder.lines(READS),
                "privacy.shaw",
                Instant.parse("2026-08-01T10:00:00Z"));
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        String all = text.toString().replaceAll("\\s+", " ");
        for (String expected : List.of(
                "Mr Walter RECORDHOLDER",
                "943 476 5919",
                "01-Jul-2026",
                "15-Jul-2026 10:00",
                "Dr Eleanor Hart (gp.hart)",
                "Nurse Ada Okafor",
                "Riverside Surgery (Y90001)",
                "Ongoing care relationship",
                "Medications",
                "Results",
                "3 opening(s)")) {
            assertTrue(all.contains(expected), expected + " in " + all);
        }
    }

    @Test
    void anEmptyPeriodSaysSo() throws Exception {
        byte[] pdf = AccessReportPdf.render(
                "9434765919",
                "Mr Walter RECORDHOLDER",
                LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 31),
                List.of(),
                "privacy.shaw",
                Instant.now());
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertTrue(text.contains("Nobody opened this record in this period."), text);
    }
}
