package org.openicr.web.record;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openicr.platform.IcrException;
import org.openicr.record.boundary.CareRecord;
import org.openicr.record.boundary.DocumentView;
import org.openicr.web.session.ActiveProfile;

/**
 * Serves a document's content to the in-page viewer (an iframe on the documents view), through the
 * same boundary and access decision as every read: a document the reader may not see is answered
 * 403 and audited as a denial by the boundary. Under /record/*, so only signed-in record viewers
 * reach it. HTML documents are served sandboxed: a source's HTML never runs script in our origin.
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
        Long person = number(request.getParameter("person"));
        Long item = number(request.getParameter("item"));
        if (person == null || item == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Which person and which document?");
            return;
        }
        if (!activeProfile.isChosen()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Choose your role first.");
            return;
        }
        Optional<DocumentView> document;
        try {
            document = careRecord.document(activeProfile.id(), person, item);
        } catch (IcrException refused) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, refused.getMessage());
            return;
        }
        if (document.isEmpty()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "This document is not available to you.");
            return;
        }
        String type = document.get().content().contentType();
        byte[] data = document.get().content().data();
        response.setContentType(type.startsWith("text/") ? type + ";charset=UTF-8" : type);
        response.setContentLength(data.length);
        response.setHeader("Content-Disposition", "inline");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        if ("text/html".equals(type)) {
            response.setHeader("Content-Security-Policy", "sandbox");
        }
        response.getOutputStream().write(data);
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
