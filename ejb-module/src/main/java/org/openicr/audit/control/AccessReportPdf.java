package org.openicr.audit.control;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.UkDateFormat;

/**
 * The person's access report for a subject access request as a printable A4 PDF (OpenPDF): one line
 * per sitting (see {@link AccessReportBuilder}): who looked at the record (name, role, organisation),
 * from when to when, why and which categories they viewed; every page numbered "Page 2 of 5".
 */
public final class AccessReportPdf {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = UkDateFormat.DATE;
    private static final DateTimeFormatter DATE_TIME = UkDateFormat.DATE_TIME;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private AccessReportPdf() {}

    public static byte[] render(
            String nhsNumber,
            String personName,
            LocalDate from,
            LocalDate to,
            List<AccessReportBuilder.Line> lines,
            String generatedBy,
            Instant generatedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Access report for NHS Number " + nhsNumber);
            document.addCreator("OpenICR");
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 8, Color.DARK_GRAY);
            document.add(new Paragraph("Who has looked at your shared care record", title));
            document.add(new Paragraph(
                    personName + ", NHS Number " + formatted(nhsNumber) + ", from " + DATE.format(from) + " to "
                            + DATE.format(to) + " (times are UK time)",
                    normal));
            document.add(new Paragraph(
                    "Each line is one sitting: a member of staff looking at the record in one role, for one reason,"
                            + " without a pause of 30 minutes or more. It gives their role and organisation, the reason"
                            + " they gave, when they started and stopped, and the parts of the record they viewed.",
                    small));
            document.add(Chunk.NEWLINE);
            if (lines.isEmpty()) {
                document.add(new Paragraph("Nobody opened this record in this period.", bold));
            } else {
                PdfPTable table = new PdfPTable(new float[] {15, 18, 16, 18, 15, 18});
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                for (String header :
                        List.of("When (from - to)", "Who", "Role", "Organisation", "Why", "What was viewed")) {
                    PdfPCell cell = new PdfPCell(new Phrase(header, bold));
                    cell.setBackgroundColor(new Color(0xE8, 0xED, 0xEE));
                    table.addCell(cell);
                }
                for (AccessReportBuilder.Line line : lines) {
                    table.addCell(new Phrase(when(line), normal));
                    table.addCell(new Phrase(line.who(), normal));
                    table.addCell(new Phrase(nullToDash(line.role()), normal));
                    table.addCell(new Phrase(nullToDash(line.organisation()), normal));
                    table.addCell(new Phrase(
                            line.reason() + (line.purposeOfUse() == null ? "" : " [" + line.purposeOfUse() + "]"),
                            normal));
                    table.addCell(new Phrase(
                            (line.categories().isEmpty()
                                            ? "Record summary"
                                            : "Summary; "
                                                    + String.join(
                                                            ", ",
                                                            line.categories().stream()
                                                                    .map(AccessReportPdf::categoryLabel)
                                                                    .toList()))
                                    + " (" + line.pageViews() + (line.pageViews() == 1 ? " page)" : " pages)"),
                            normal));
                }
                document.add(table);
            }
            document.add(Chunk.NEWLINE);
            Paragraph footer = new Paragraph(
                    lines.size() + " sitting(s), "
                            + lines.stream()
                                    .mapToInt(AccessReportBuilder.Line::pageViews)
                                    .sum()
                            + " page view(s). Generated " + DATE_TIME.format(generatedAt.atZone(UK)) + " by "
                            + generatedBy + " from the tamper-evident audit trail of OpenICR.",
                    small);
            footer.setAlignment(Element.ALIGN_LEFT);
            document.add(footer);
        } catch (DocumentException e) {
            throw new IllegalStateException("The access report could not be written.", e);
        } finally {
            document.close();
        }
        return numbered(out.toByteArray());
    }

    /** "Page 2 of 5" at the foot of every page (a second pass: the number of pages is known only then). */
    static byte[] numbered(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfStamper stamper = new PdfStamper(reader, out);
            int pages = reader.getNumberOfPages();
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 8, Color.DARK_GRAY);
            for (int page = 1; page <= pages; page++) {
                Rectangle size = reader.getPageSizeWithRotation(page);
                ColumnText.showTextAligned(
                        stamper.getOverContent(page),
                        Element.ALIGN_RIGHT,
                        new Phrase("Page " + page + " of " + pages, small),
                        size.getRight() - 36,
                        size.getBottom() + 18,
                        0);
            }
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("The access report's pages could not be numbered.", e);
        }
    }

    /** When a sitting ran: "15-Jul-2026 10:00 to 10:42", with the end's date too when it is another day. */
    static String when(AccessReportBuilder.Line line) {
        var from = line.openedAt().atZone(UK);
        var to = line.lastReadAt().atZone(UK);
        return DATE_TIME.format(from) + " to "
                + (from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to) : DATE_TIME.format(to));
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }

    private static String formatted(String nhs) {
        return nhs.length() == 10 ? nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6) : nhs;
    }

    private static String categoryLabel(String category) {
        try {
            return Category.valueOf(category).label();
        } catch (IllegalArgumentException unknown) {
            return category;
        }
    }
}
