package org.openicr.tools.epr;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo EPR's one page (GET) and its "Shared record" button (POST): the signed-in member of
 * staff, the role they work in (from their NHS identity's national RBAC role profiles), a patient by
 * NHS Number and, if the EPR holds one, the care relationship it asserts. The button signs a launch
 * token and sends the browser to the record's launch address (docs/identity.md, section J).
 */
@WebServlet(urlPatterns = {"", "/launch"})
public class EprServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** How long a launch token lives: long enough for the browser's journey through the sign-in. */
    static final Duration LIFETIME = Duration.ofMinutes(2);

    @Inject
    OpenIdContext identity;

    @Inject
    EprKeys keys;

    @Inject
    EprSettings settings;

    record Role(String personRoleId, String label) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.print("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Demo EPR</title>"
                + "<style>body{font-family:Arial,sans-serif;margin:2em;max-width:40em}label{display:block;"
                + "margin-top:1em;font-weight:bold}input,select{font-size:1em;padding:.3em}button{margin-top:"
                + "1.5em;font-size:1.1em;padding:.5em 1em}</style></head><body><main>"
                + "<h1>Demo EPR</h1><p>A stand-in for a clinician's own system. Signed in as <strong id=\"epr-user\">"
                + html(request.getUserPrincipal().getName()) + "</strong>.</p>"
                + "<form method=\"post\" action=\"" + html(request.getContextPath()) + "/launch\">"
                + "<label for=\"role\">Role you are working in</label><select id=\"role\" name=\"role\">");
        for (Role role : roles()) {
            out.print("<option value=\"" + html(role.personRoleId()) + "\">" + html(role.label()) + "</option>");
        }
        out.print("<option value=\"\">(do not say)</option></select>"
                + "<label for=\"nhs\">Patient's NHS Number</label><input id=\"nhs\" name=\"nhs\" inputmode=\"numeric\""
                + " autocomplete=\"off\" required>"
                + "<label for=\"kind\">Care relationship this system holds</label><select id=\"kind\" name=\"kind\">"
                + "<option value=\"\">None (the record asks for a reason)</option>"
                + "<option value=\"encounter\">Encounter (the patient is with me now)</option>"
                + "<option value=\"referral\">Referral</option>"
                + "<option value=\"registration\">Registration with this practice</option>"
                + "<option value=\"appointment\">Appointment</option></select>"
                + "<label for=\"reference\">Its reference in this system (optional)</label>"
                + "<input id=\"reference\" name=\"reference\" autocomplete=\"off\">"
                + "<button id=\"shared-record\" type=\"submit\">Shared record</button></form></main></body></html>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String nhs = request.getParameter("nhs");
        String uid = identity.getIdentityToken()
                .getJwtClaims()
                .getStringClaim("nhsid_useruid")
                .orElse(identity.getClaimsJson().getString("nhsid_useruid", null));
        if (nhs == null || nhs.isBlank() || uid == null) {
            response.sendError(400, "An NHS Number is needed, and a sign-in with an NHS identity.");
            return;
        }
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        String record = settings.recordUrl() != null ? settings.recordUrl() : base + "/openicr";
        String iss = settings.iss() != null ? settings.iss() : base + request.getContextPath();
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(iss)
                .audience(record)
                .subject(uid)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("nhs_number", nhs.replace(" ", ""));
        String role = request.getParameter("role");
        if (role != null && !role.isBlank()) {
            claims.claim("person_roleid", role);
        }
        String kind = request.getParameter("kind");
        if (kind != null && !kind.isBlank()) {
            Map<String, Object> relationship = new LinkedHashMap<>();
            relationship.put("kind", kind);
            String reference = request.getParameter("reference");
            if (reference != null && !reference.isBlank()) {
                relationship.put("reference", reference.strip());
            }
            claims.claim("relationship", relationship);
        }
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(keys.signing().getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        try {
            token.sign(new RSASSASigner(keys.signing()));
        } catch (JOSEException e) {
            throw new ServletException("The launch token could not be signed.", e);
        }
        response.setStatus(303);
        response.setHeader(
                "Location",
                record + "/launch?iss=" + URLEncoder.encode(iss, StandardCharsets.UTF_8) + "&launch="
                        + token.serialize());
    }

    /** The signed-in person's national RBAC role profiles, from the provider's userinfo. */
    private List<Role> roles() {
        List<Role> roles = new ArrayList<>();
        JsonObject claims = identity.getClaimsJson();
        JsonValue value = claims == null ? null : claims.get("nhsid_nrbac_roles");
        if (value instanceof JsonArray array) {
            for (JsonValue each : array) {
                JsonObject role = each instanceof JsonObject object
                        ? object
                        : each instanceof JsonString text
                                ? jakarta.json.Json.createReader(new StringReader(text.getString()))
                                        .readObject()
                                : null;
                if (role != null && role.containsKey("person_roleid")) {
                    roles.add(new Role(
                            role.getString("person_roleid"),
                            role.getString("role_name", "") + " (" + role.getString("role_code", "") + ") at "
                                    + role.getString("org_code", "")));
                }
            }
        }
        return roles;
    }

    private static String html(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
