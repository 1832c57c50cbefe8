package org.openicr.web.record;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openicr.record.boundary.CareRecord;
import org.openicr.record.boundary.DocumentView;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.web.security.RefusalAuditFilter;
import org.openicr.web.session.ActiveProfile;

/**
 * Serves a document's content to the in-page viewer (an iframe on the documents view), through the
 * same boundary and access decision as every read: a document the reader may not see is answered
 * 404 "No such document", exactly as one that does not exist ({@link NotFound}), and audited as a
 * denial by the boundary. Under /record/*, so only signed-in record viewers
 * reach it. Every document is served sandboxed with nosniff (issue 16): a source's HTML never runs
 * script, and a PDF is never sent at all: its pages are rendered to images on the server ({@link PdfPages}).
 */
@WebServlet("/record/document")
public class DocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient CareRecord careRecord;

    @Inject
    ActiveProfile activeProfile;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!activeProfile.isChosen()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Choose your role first.");
            return;
        }
        Long person = number(request.getParameter("person"));
        Long item = number(request.getParameter("item"));
        if (person == null || item == null) {
            // Not an address of any document: nothing to look up, nothing to audit.
            NotFound.answer(request, response, NotFound.DOCUMENT);
            return;
        }
        Optional<DocumentView> document;
        try {
            document = careRecord.document(activeProfile.id(), person, item);
        } catch (IcrException refused) {
            RefusalAuditFilter.markAudited(request);
            if (refused.code() == ErrorCode.NOT_FOUND) {
                NotFound.answer(request, response, NotFound.RECORD);
            } else {
                // The record itself is refused (no reason given, opted out...): the reader is told why.
                response.sendError(HttpServletResponse.SC_FORBIDDEN, refused.getMessage());
            }
            return;
        }
        if (document.isEmpty()) {
            // Never used, another person's, withdrawn, hidden from or withheld from this reader: one
            // answer for all (audited as a denial by the boundary), so a probe learns nothing.
            RefusalAuditFilter.markAudited(request);
            NotFound.answer(request, response, NotFound.DOCUMENT);
            return;
        }
        String type = document.get().contentType();
        byte[] data = document.get().data();
        if ("application/pdf".equals(type)) {
            // Never the PDF itself: its pages as images, so no viewer ever runs a script it carries.
            data = PdfPages.html(data);
            type = "text/html";
        }
        response.setContentType(type.startsWith("text/") ? type + ";charset=UTF-8" : type);
        response.setContentLength(data.length);
        response.setHeader("Content-Disposition", "inline; filename=\"document-" + item + extension(type) + "\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Content-Security-Policy", POLICY);
        response.getOutputStream().write(data);
    }

    /**
     * Every stored document's answer, whatever its type: a sandbox (no script, no plugin, no form,
     * an origin of its own), nothing loaded but inline styles and data: images, framed only by our
     * own pages (the in-page viewer).
     */
    static final String POLICY = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline';"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private static String extension(String type) {
        return switch (type) {
            case "text/html" -> ".html";
            case "text/plain" -> ".txt";
            default -> "";
        };
    }

    private static Long number(String text) {
        try {
            return NotFound.isId(text) ? Long.valueOf(text.strip()) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
