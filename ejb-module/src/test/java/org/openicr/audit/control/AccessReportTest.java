package org.openicr.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void eachSittingIsOneLineWithTheCategoriesViewedInIt() {
        List<AccessReportBuilder.Line> lines = AccessReportBuilder.lines(READS);
        assertEquals(3, lines.size());
        AccessReportBuilder.Line first = lines.get(0);
        assertEquals(Instant.parse("2026-07-15T09:00:00Z"), first.openedAt());
        assertEquals(Instant.parse("2026-07-15T09:03:00Z"), first.lastReadAt(), "the nurse's read does not end it");
        assertEquals(4, first.pageViews());
        assertEquals("Dr Eleanor Hart (gp.hart)", first.who());
        assertEquals("Clinical Practitioner Access Role (R8000)", first.role());
        assertEquals("Riverside Surgery (Y90001)", first.organisation());
        assertEquals("Ongoing care relationship", first.reason());
        assertEquals(List.of("MEDICATIONS", "RESULTS"), first.categories());
        assertEquals(List.of(), lines.get(1).categories());
        assertEquals(1, lines.get(1).pageViews());
        assertEquals("Vital interests (emergency, break glass)", lines.get(2).reason());
    }

    private static AccessReportBuilder.Read read(String at, String user, String role, String ods, String detail) {
        return new AccessReportBuilder.Read(Instant.parse(at), user, null, role, null, ods, null, "TREAT", detail);
    }

    /**
     * A sitting: same user, role, organisation and reason, each read under 30 minutes after the one
     * before. Each row: a second read after a first by gp.hart R8000 at Y90001 for ongoing care at
     * 09:00, and whether it belongs to the same sitting.
     */
    @ParameterizedTest(name = "{0} {1} {2} {3} {4}: same sitting {5}")
    @CsvSource({
        "2026-07-15T09:29:59Z, gp.hart,      R8000, Y90001, ONGOING_CARE,    true",
        "2026-07-15T09:30:00Z, gp.hart,      R8000, Y90001, ONGOING_CARE,    false",
        "2026-07-15T11:00:00Z, gp.hart,      R8000, Y90001, ONGOING_CARE,    false",
        "2026-07-15T09:05:00Z, gp.hart,      R8000, Y90001, VITAL_INTERESTS, false",
        "2026-07-15T09:05:00Z, gp.hart,      R8003, Y90001, ONGOING_CARE,    false",
        "2026-07-15T09:05:00Z, gp.hart,      R8000, Y90002, ONGOING_CARE,    false",
        "2026-07-15T09:05:00Z, nurse.okafor, R8000, Y90001, ONGOING_CARE,    false",
    })
    void aSittingEndsAtAPauseOf30MinutesOrAnotherUserRoleOrganisationOrReason(
            String at, String user, String role, String ods, String reason, boolean sameSitting) {
        List<AccessReportBuilder.Line> lines = AccessReportBuilder.lines(List.of(
                read("2026-07-15T09:00:00Z", "gp.hart", "R8000", "Y90001", "summary: 3 item(s); reason ONGOING_CARE"),
                read(at, user, role, ods, "category RESULTS: 2 item(s) from 0; reason " + reason)));
        assertEquals(sameSitting ? 1 : 2, lines.size());
        assertEquals(
                sameSitting ? Instant.parse(at) : Instant.parse("2026-07-15T09:00:00Z"),
                lines.get(0).lastReadAt());
        assertEquals(sameSitting ? 2 : 1, lines.get(0).pageViews());
    }

    @Test
    void aSittingGoesOnWhileEachReadIsWithin30MinutesOfTheLast() {
        List<AccessReportBuilder.Line> lines = AccessReportBuilder.lines(List.of(
                read("2026-07-15T09:00:00Z", "gp.hart", "R8000", "Y90001", "summary: 3 item(s); reason ONGOING_CARE"),
                read(
                        "2026-07-15T09:25:00Z",
                        "gp.hart",
                        "R8000",
                        "Y90001",
                        "category RESULTS: 2 item(s) from 0; reason ONGOING_CARE"),
                read("2026-07-15T09:50:00Z", "gp.hart", "R8000", "Y90001", "summary: 3 item(s); reason ONGOING_CARE"),
                read(
                        "2026-07-15T10:15:00Z",
                        "gp.hart",
                        "R8000",
                        "Y90001",
                        "current MEDICATIONS: 1 item(s); reason ONGOING_CARE")));
        assertEquals(1, lines.size());
        assertEquals(Instant.parse("2026-07-15T10:15:00Z"), lines.get(0).lastReadAt());
        assertEquals(List.of("MEDICATIONS", "RESULTS"), lines.get(0).categories());
        assertEquals("15-Jul-2026 10:00 to 11:15", AccessReportPdf.when(lines.get(0)));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-07-15T09:00:00Z, 2026-07-15T09:00:00Z, 15-Jul-2026 10:00 to 10:00",
        "2026-01-15T09:00:00Z, 2026-01-15T09:42:00Z, 15-Jan-2026 09:00 to 09:42",
        "2026-10-15T22:50:00Z, 2026-10-15T23:10:00Z, 15-Oct-2026 23:50 to 16-Oct-2026 00:10",
    })
    void aSittingIsPrintedFromTo(String from, String to, String printed) {
        assertEquals(
                printed,
                AccessReportPdf.when(new AccessReportBuilder.Line(
                        Instant.parse(from), Instant.parse(to), 1, "u", "r", "o", "why", null, List.of())));
    }

    @Test
    void everyPageSaysWhichPageOfHowManyItIs() throws Exception {
        List<AccessReportBuilder.Read> many = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // a sitting every hour: 120 lines fill several landscape pages
            many.add(read(
                    Instant.parse("2026-07-01T00:00:00Z").plusSeconds(3600L * i).toString(),
                    "gp.hart",
                    "summary: 3 item(s); reason ONGOING_CARE"));
        }
        byte[] pdf = AccessReportPdf.render(
                "9434765919",
                "Mr Walter RECORDHOLDER",
                LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 31),
                AccessReportBuilder.lines(many),
                "privacy.shaw",
                Instant.parse("2026-08-01T10:00:00Z"));
        PdfReader reader = new PdfReader(pdf);
        int pages = reader.getNumberOfPages();
        assertTrue(pages >= 3, "pages: " + pages);
        for (int page = 1; page <= pages; page++) {
            String text = new PdfTextExtractor(reader).getTextFromPage(page);
            assertTrue(text.contains("Page " + page + " of " + pages), page + ": " + text);
        }
        String first = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
        assertTrue(first.contains("When (from - to)"), first);
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
                "15-Jul-2026 10:00 to 10:03",
                "Dr Eleanor Hart (gp.hart)",
                "Nurse Ada Okafor",
                "Riverside Surgery (Y90001)",
                "Ongoing care relationship",
                "Medications",
                "Results",
                "3 sitting(s), 6 page view(s)")) {
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
