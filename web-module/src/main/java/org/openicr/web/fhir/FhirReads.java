package org.openicr.web.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.openicr.audit.boundary.RecordAnswerGate;
import org.openicr.patient.boundary.PatientFinder;
import org.openicr.record.boundary.CareRecord;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.LegitimateReason;

/**
 * What the providers share: the call's role profile (from the bearer token, {@link FhirAuthentication}),
 * the reason header, the boundaries, the audit gate, the refusals as OperationOutcome with the stable
 * codes, the page tokens and the searchset Bundle with its paging links.
 */
final class FhirReads {

    /**
     * A legitimate reason declared with the call (docs/fhir.md, "The reason"): one of
     * {@link LegitimateReason}'s names except break glass. Without it, the reason the caller's role
     * profile declared for the person before (on the pages or with an earlier call), while it is
     * valid, applies.
     */
    static final String REASON_HEADER = "OpenICR-Legitimate-Reason";

    /** The parameter of the next page's token in a {@code next} link ({@link PageToken}). */
    static final String PAGE_TOKEN = "_page_token";

    static final int DEFAULT_COUNT = 50;
    static final int MAX_COUNT = 200;

    final CareRecord record;
    final PatientFinder finder;
    final RecordAnswerGate gate;
    private final PageToken tokens;

    FhirReads(CareRecord record, PatientFinder finder, RecordAnswerGate gate) {
        this(record, finder, gate, PageToken.fromEnvironment());
    }

    FhirReads(CareRecord record, PatientFinder finder, RecordAnswerGate gate, PageToken tokens) {
        this.record = record;
        this.finder = finder;
        this.gate = gate;
        this.tokens = tokens;
    }

    static long roleProfile(RequestDetails request) {
        Object id = ((ServletRequestDetails) request).getServletRequest().getAttribute(FhirAuthentication.ROLE_PROFILE);
        if (!(id instanceof Long profile)) {
            throw forbidden(ErrorCode.NOT_PERMITTED, "An access token and a role profile are needed.");
        }
        return profile;
    }

    /** Declares the reason the call carries, if it carries one, through the pages' own path. */
    void declareReason(RequestDetails request, long roleProfileId, long personId) {
        String header = request.getHeader(REASON_HEADER);
        if (header == null || header.isBlank()) {
            return;
        }
        LegitimateReason reason;
        try {
            reason = LegitimateReason.valueOf(header.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw invalid(ErrorCode.INVALID_INPUT, "The header " + REASON_HEADER + " names no legitimate reason.");
        }
        if (reason.isBreakGlass()) {
            throw forbidden(
                    ErrorCode.NOT_PERMITTED, "Break glass needs a justification: give it on the record's pages.");
        }
        call(() -> {
            record.declareReason(roleProfileId, personId, reason, null);
            return null;
        });
    }

    /**
     * Runs a boundary call, then waits until its audit events committed (nothing leaves before);
     * the project's refusals become FHIR errors with their stable code.
     */
    <T> T call(Supplier<T> boundary) {
        T answer;
        try {
            answer = boundary.get();
        } catch (EJBAccessException notInRole) {
            throw forbidden(ErrorCode.NOT_PERMITTED, "Your role profile may not read records.");
        } catch (EJBException wrapped) {
            if (wrapped.getCause() instanceof IcrException refused) {
                throw translate(refused);
            }
            throw internal();
        } catch (IcrException refused) {
            throw translate(refused);
        }
        try {
            gate.await();
        } catch (IllegalStateException notAudited) {
            throw internal();
        }
        return answer;
    }

    static BaseServerResponseException translate(IcrException refused) {
        return switch (refused.code()) {
            case NOT_FOUND -> withOutcome(
                    new ResourceNotFoundException(refused.getMessage()),
                    OperationOutcome.IssueType.NOTFOUND,
                    refused.code(),
                    refused.getMessage());
            case NOT_PERMITTED -> forbidden(refused.code(), refused.getMessage());
            case INTERNAL_ERROR -> internal();
            default -> invalid(refused.code(), refused.getMessage());
        };
    }

    static BaseServerResponseException forbidden(ErrorCode code, String why) {
        return withOutcome(new ForbiddenOperationException(why), OperationOutcome.IssueType.FORBIDDEN, code, why);
    }

    static BaseServerResponseException invalid(ErrorCode code, String why) {
        return withOutcome(new InvalidRequestException(why), OperationOutcome.IssueType.INVALID, code, why);
    }

    static BaseServerResponseException internal() {
        String why = "Something went wrong inside the shared care record; nothing was answered. Try again.";
        return withOutcome(
                new InternalErrorException(why), OperationOutcome.IssueType.EXCEPTION, ErrorCode.INTERNAL_ERROR, why);
    }

    private static BaseServerResponseException withOutcome(
            BaseServerResponseException e, OperationOutcome.IssueType type, ErrorCode code, String why) {
        e.setOperationOutcome(FhirAuthentication.outcome(type, code.name(), why));
        return e;
    }

    static int count(Integer count) {
        if (count == null) {
            return DEFAULT_COUNT;
        }
        if (count < 0) {
            throw invalid(ErrorCode.INVALID_INPUT, "_count must be 0 or more.");
        }
        return Math.min(count, MAX_COUNT);
    }

    /**
     * Paging by offset is gone (docs/fhir.md, "Paging"): a client that sends {@code _offset} is told
     * to follow the {@code next} link rather than silently given the first page again.
     */
    static void noOffset(Integer offset) {
        if (offset != null) {
            throw invalid(ErrorCode.INVALID_INPUT, "_offset is not supported: follow the Bundle's next link.");
        }
    }

    /** Where the page starts: the position the request's page token names for this search, or the start. */
    CareRecord.PageKey after(String binding, String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            PageToken.Position position = tokens.read(binding, token.strip());
            return new CareRecord.PageKey(position.effectiveAt(), position.itemId());
        } catch (PageToken.Invalid refused) {
            throw invalid(ErrorCode.INVALID_INPUT, refused.getMessage());
        }
    }

    /** The token of the page after {@code next} (null: none). */
    String token(String binding, CareRecord.PageKey next) {
        return next == null ? null : tokens.issue(binding, new PageToken.Position(next.effectiveAt(), next.itemId()));
    }

    /**
     * A searchset of one page: its matches, then the resources they include ({@code search.mode}
     * include), {@code total} the matches the reader may see, with self, first and (when there is one)
     * next links made from the request's own parameters, {@code _count} and the next page's token.
     */
    static Bundle searchset(
            RequestDetails request,
            List<? extends Resource> matches,
            List<? extends Resource> included,
            long total,
            String nextToken,
            int count) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal((int) total);
        String base = request.getFhirServerBase() + "/" + request.getRequestPath();
        StringBuilder fixed = new StringBuilder();
        StringBuilder all = new StringBuilder();
        request.getParameters().forEach((name, values) -> {
            for (String value : values) {
                String pair = encode(name) + '=' + encode(value);
                all.append(all.length() == 0 ? "?" : "&").append(pair);
                if (!name.equals("_count") && !name.equals("_offset") && !name.equals(PAGE_TOKEN)) {
                    fixed.append(fixed.length() == 0 ? "?" : "&").append(pair);
                }
            }
        });
        String first = base + fixed + (fixed.length() == 0 ? "?" : "&") + "_count=" + count;
        bundle.addLink().setRelation("self").setUrl(base + all);
        bundle.addLink().setRelation("first").setUrl(first);
        if (nextToken != null) {
            bundle.addLink().setRelation("next").setUrl(first + "&" + PAGE_TOKEN + "=" + encode(nextToken));
        }
        for (Resource resource : matches) {
            entry(bundle, request, resource, Bundle.SearchEntryMode.MATCH);
        }
        for (Resource resource : included) {
            entry(bundle, request, resource, Bundle.SearchEntryMode.INCLUDE);
        }
        return bundle;
    }

    private static void entry(Bundle bundle, RequestDetails request, Resource resource, Bundle.SearchEntryMode mode) {
        bundle.addEntry()
                .setFullUrl(request.getFhirServerBase() + "/" + resource.fhirType() + "/" + resource.getIdPart())
                .setResource(resource)
                .getSearch()
                .setMode(mode);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
