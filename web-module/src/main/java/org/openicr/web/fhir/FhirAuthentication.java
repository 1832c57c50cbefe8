package org.openicr.web.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.openicr.audit.boundary.WebDenials;
import org.openicr.directory.boundary.ApiCallers;
import org.openicr.vocabulary.ErrorCode;

/**
 * The bearer half of the application's one authentication mechanism, for {@value #PATH}/* (issue 20,
 * docs/fhir.md): every call carries its access token ({@link BearerTokens}); no HTTP session is ever
 * made. A valid one makes the token's user the caller, in the group of the role profile the request
 * names (its job role code, as a browser's chosen profile), and leaves that profile's id on the
 * request for the resource providers. A missing or invalid token gets 401 with a
 * {@code WWW-Authenticate: Bearer} challenge and an OperationOutcome; a profile that is not the
 * token's gets 403, audited. The CapabilityStatement ({@value #PATH}/metadata) is public.
 */
@ApplicationScoped
public class FhirAuthentication {

    public static final String PATH = "/fhir";

    /** The request attribute holding the role profile id of the call (a Long). */
    public static final String ROLE_PROFILE = "org.openicr.fhir.roleProfileId";

    private static final Logger LOG = Logger.getLogger(FhirAuthentication.class.getName());

    @Inject
    BearerTokens tokens;

    @EJB
    WebDenials denials;

    public static boolean isFhir(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    public AuthenticationStatus validate(HttpServletRequest request, HttpMessageContext context, String client) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String authorization = request.getHeader("Authorization");
        if (authorization == null && path.equals(PATH + "/metadata")) {
            return context.doNothing();
        }
        try {
            ApiCallers.Caller caller = tokens.caller(authorization, request.getHeader(BearerTokens.ROLE_HEADER));
            request.setAttribute(ROLE_PROFILE, caller.roleProfileId());
            return context.notifyContainerAboutLogin(caller.username(), Set.of(caller.roleCode()));
        } catch (BearerTokens.Refused refused) {
            if (refused.getCause() != null) {
                LOG.log(Level.FINE, "FHIR access token refused", refused.getCause());
            }
            if (refused.status() == 403) {
                denials.refused("FHIR " + request.getMethod() + " " + path + ": " + refused.getMessage(), null, client);
            }
            return answer(context.getResponse(), refused.status(), refused.getMessage());
        }
    }

    /** The refusal as an OperationOutcome; the answer is complete here. */
    private static AuthenticationStatus answer(HttpServletResponse response, int status, String why) {
        try {
            response.setStatus(status);
            if (status == 401) {
                response.setHeader(
                        "WWW-Authenticate",
                        "Bearer realm=\"OpenICR FHIR\", scope=\"" + BearerTokens.SCOPE + "\", error=\"invalid_token\"");
            }
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/fhir+json;charset=UTF-8");
            response.getWriter()
                    .write(FhirContext.forR4Cached()
                            .newJsonParser()
                            .encodeResourceToString(outcome(
                                    status == 401
                                            ? OperationOutcome.IssueType.LOGIN
                                            : OperationOutcome.IssueType.FORBIDDEN,
                                    status == 401 ? "NOT_AUTHENTICATED" : ErrorCode.NOT_PERMITTED.name(),
                                    why)));
            response.flushBuffer();
        } catch (IOException e) {
            // The caller has gone.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** An error OperationOutcome with the project's stable code in details and the plain-English reason. */
    public static OperationOutcome outcome(OperationOutcome.IssueType type, String code, String why) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(why)
                .getDetails()
                .setText(why)
                .addCoding()
                .setSystem(FhirServer.ERROR_CODE_SYSTEM)
                .setCode(code);
        return outcome;
    }
}
