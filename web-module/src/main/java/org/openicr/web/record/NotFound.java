package org.openicr.web.record;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A record or document address that names nothing the reader may open, answered 404 with the error
 * page's plain words for it ("No such record", "No such document"). The error page reads which from
 * the request attribute {@link #WHAT}; nothing the caller sent is echoed back.
 *
 * <p>A document answers the same whether its id was never used, names another person's document,
 * was withdrawn, or is hidden from or withheld from this reader: a probe of ids learns nothing the
 * documents list does not already show it. Each such attempt is audited as a denial by the boundary.
 */
public final class NotFound {

    /** The request attribute the 404 page reads: {@link #RECORD} or {@link #DOCUMENT}. */
    public static final String WHAT = "org.openicr.notFound";

    public static final String RECORD = "record";
    public static final String DOCUMENT = "document";

    private NotFound() {}

    /** Answers 404 for {@code what} from a servlet or filter. */
    public static void answer(HttpServletRequest request, HttpServletResponse response, String what)
            throws IOException {
        request.setAttribute(WHAT, what);
        response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such " + what);
    }

    /** Answers 404 for {@code what} from a JSF action (the page is not rendered). */
    public static void answer(FacesContext faces, String what) throws IOException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).setAttribute(WHAT, what);
        external.responseSendError(HttpServletResponse.SC_NOT_FOUND, "No such " + what);
        faces.responseComplete();
    }

    /** Whether a {@code person} or {@code item} parameter can name a record or document at all. */
    public static boolean isId(String text) {
        return text != null && text.strip().matches("[0-9]{1,18}");
    }
}
