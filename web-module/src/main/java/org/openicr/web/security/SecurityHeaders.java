package org.openicr.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The rules behind {@link SecurityHeadersFilter} and {@link OriginCheckFilter}, pure so that a
 * table test can hold them: which answers get which Content-Security-Policy, and which posts come
 * from another origin.
 */
public final class SecurityHeaders {

    /**
     * Answers that are not pages (servlets, downloads, exports, anything unexpected): nothing may run,
     * nothing may load but this application's styles and images, and no other site may frame them.
     */
    public static final String NOT_A_PAGE = "default-src 'none'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /**
     * Pages (JSF views): PrimeFaces adds the script policy with its nonce (web.xml, primefaces.CSP_POLICY);
     * this second policy, which limits nothing PrimeFaces' does not, keeps framing, plugins, base and
     * form targets shut even on an answer PrimeFaces never rendered (an error before the render).
     */
    public static final String PAGE = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** HSTS: only on answers that came over TLS (a browser ignores it over plain HTTP anyway). */
    public static final String HSTS = "max-age=31536000; includeSubDomains";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private SecurityHeaders() {}

    /**
     * Sets the headers every answer carries (the filter on every dispatch; the authentication
     * mechanism too, whose redirects to the sign-in page and 401 challenges are answered before any
     * filter runs).
     */
    public static void apply(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        String path = path(request);
        if (isPage(path)) {
            response.setHeader("Content-Security-Policy", PAGE);
        } else {
            // the document servlet replaces it with its sandboxing policy on the documents it serves
            response.setHeader("Content-Security-Policy", NOT_A_PAGE);
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with its own posts.
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        response.setHeader("X-Powered-By", null);
        response.setHeader("Server", null);
    }

    /** The path inside the application, as the container matched it ({@code /record/view.xhtml}). */
    public static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servletPath + info;
    }

    /** Whether the path is a JSF view (its policy comes from PrimeFaces) or the welcome page. */
    public static boolean isPage(String path) {
        return path.endsWith(".xhtml") || path.isEmpty() || path.equals("/");
    }

    /** The stored documents' servlet sets its own sandboxing policy. */
    public static boolean isDocument(String path) {
        return path.equals("/record/document");
    }

    /** Source systems post SOAP from their own servers, with no browser and no Origin: never checked. */
    public static boolean isMachineToMachine(String path) {
        return path.startsWith("/ws/") || path.equals(ProviderSignIn.BACKCHANNEL_LOGOUT);
    }

    public static boolean changesState(String method) {
        return !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether a state-changing request from a browser came from another origin: its Origin (or,
     * without one, its Referer) names another host and port than the one the request was sent to
     * ({@code host}, the Host header). Neither header (a client that is not a browser, which carries
     * no session cookie of a signed-in person across sites anyway: SameSite=Strict) passes; the
     * opaque origin "null" (a sandboxed frame, a data: page) does not.
     */
    public static boolean isCrossOrigin(String origin, String referer, String host) {
        String claimed = origin != null && !origin.isBlank() ? origin.strip() : referer;
        if (claimed == null || claimed.isBlank()) {
            return false;
        }
        if (host == null || host.isBlank()) {
            return true;
        }
        URI uri;
        try {
            uri = URI.create(claimed.strip());
        } catch (IllegalArgumentException notAUri) {
            return true;
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return true;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return true;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String claimedAuthority = uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        String expected = host.strip().toLowerCase(Locale.ROOT);
        if (!expected.contains(":") || expected.endsWith("]")) {
            // no port in the Host header: the default port of the scheme the page was loaded with
            return !(claimedAuthority.equals(expected + ":" + port) && (port == 80 || port == 443));
        }
        return !claimedAuthority.equals(expected);
    }
}
