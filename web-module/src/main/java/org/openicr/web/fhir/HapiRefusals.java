package org.openicr.web.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.openicr.vocabulary.ErrorCode;

/**
 * The refusals HAPI makes itself, before a provider runs (a parameter it cannot parse, such as a date
 * {@code 2026-13}, or one no search declares), answered like ours (docs/fhir.md, "Errors"): 400 with
 * the project's stable code INVALID_INPUT in the OperationOutcome. HAPI's own words are kept (they name
 * the parameter, never a stack trace); its {@code HAPI-nnnn:} prefix is left out.
 */
@Interceptor
public class HapiRefusals {

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException coded(Throwable thrown) {
        // a parameter HAPI cannot parse arrives as its DataFormatException, which HAPI would answer 400
        boolean refused = thrown instanceof InvalidRequestException invalid && !coded(invalid)
                || thrown instanceof DataFormatException;
        if (!refused) {
            return null;
        }
        String why = thrown.getMessage() == null ? "" : thrown.getMessage().replaceFirst("^HAPI-\\d+: ", "");
        return FhirReads.invalid(ErrorCode.INVALID_INPUT, "The request is not valid: " + why);
    }

    private static boolean coded(InvalidRequestException invalid) {
        return invalid.getOperationOutcome() instanceof OperationOutcome outcome
                && outcome.getIssue().stream().anyMatch(issue -> issue.getDetails().getCoding().stream()
                        .anyMatch(c -> FhirServer.ERROR_CODE_SYSTEM.equals(c.getSystem())));
    }
}
