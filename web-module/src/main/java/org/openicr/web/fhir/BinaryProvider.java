package org.openicr.web.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;
import org.openicr.record.boundary.CareRecord;
import org.openicr.record.boundary.DocumentView;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * A document's content as {@code Binary/{id}} (the document item's id; docs/fhir.md,
 * "DocumentReference and Binary"), read through {@link CareRecord#apiDocument}: the document
 * viewer's own boundary read (decision, scope, withheld rule, audit), never a second copy of its
 * rules. What the viewer would not serve (no such document, hidden, withheld, no reason) is 404
 * NOT_FOUND, audited as a denial by the boundary. The stored bytes and content type as received
 * (a PDF stays a PDF: the page images are the browser viewer's protection, not the content);
 * answered with the viewer's sandboxing headers in case a client asks for the raw content.
 */
public class BinaryProvider implements IResourceProvider {

    private final FhirReads reads;

    BinaryProvider(FhirReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Binary.class;
    }

    @Read
    public Binary read(@IdParam IdType id, RequestDetails request) {
        long itemId;
        try {
            itemId = id.getIdPartAsLong();
        } catch (NumberFormatException notAnId) {
            throw FhirReads.invalid(ErrorCode.INVALID_INPUT, "An id is a number.");
        }
        long roleProfileId = FhirReads.roleProfile(request);
        Optional<DocumentView> document = reads.call(() -> reads.record.apiDocument(roleProfileId, itemId));
        if (document.isEmpty()) {
            throw FhirReads.translate(new IcrException(ErrorCode.NOT_FOUND, "No such document."));
        }
        HttpServletResponse response = ((ServletRequestDetails) request).getServletResponse();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        Binary binary = new Binary();
        binary.setId(Long.toString(itemId));
        binary.setContentType(document.get().contentType());
        binary.setData(document.get().data());
        return binary;
    }
}
