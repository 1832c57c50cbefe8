package org.openicr.web.fhir.mapping;

import java.util.Date;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ItemDetail;

/**
 * DOCUMENTS as UKCore-DocumentReference (docs/fhir.md). The content is not in the resource: its
 * attachment points at {@code Binary/{id}} (the item's id), served through the document viewer's
 * own read ({@code CareRecord.apiDocument}); a withheld document's attachment is masked and has no
 * address.
 */
public final class DocumentReferenceMapping {

    private DocumentReferenceMapping() {}

    public static DocumentReference map(ItemView item, long patientId) {
        DocumentReference document = Items.common(new DocumentReference(), item, "DocumentReference");
        document.setSubject(Items.subject(patientId));
        // Every document the record lists stands (a withdrawn one leaves the record).
        document.setStatus(DocumentReferenceStatus.CURRENT);
        if (item.withheld()) {
            document.setType(Items.masked(new CodeableConcept()));
            document.addContent().setAttachment(Items.masked(new Attachment()));
            return document;
        }
        document.setType(type(item));
        if (item.effectiveAt() != null) {
            document.setDate(Date.from(item.effectiveAt()));
        }
        if (item.detail(ItemDetail.AUTHOR) != null) {
            document.addAuthor(Items.named("Practitioner", item.detail(ItemDetail.AUTHOR)));
        }
        document.setCustodian(Items.organisation(item.sourceOrganisation()));
        document.setDescription(item.title());
        Attachment attachment = new Attachment().setUrl(binary(item.id())).setTitle(item.title());
        if (item.effectiveAt() != null) {
            attachment.setCreation(Date.from(item.effectiveAt()));
        }
        document.addContent().setAttachment(attachment);
        return document;
    }

    /** The address of a document's content, relative to the server's base. */
    public static String binary(long itemId) {
        return "Binary/" + itemId;
    }

    /** The item's code as the document's type, with its documentType detail (or title) as text. */
    static CodeableConcept type(ItemView item) {
        CodeableConcept type = new CodeableConcept();
        CodedConcept code = item.code();
        if (code != null) {
            type.addCoding(new Coding(
                    code.system().uri(), code.code(), code.display() == null ? item.title() : code.display()));
        }
        String words = item.detail(ItemDetail.DOCUMENT_TYPE);
        type.setText(words != null && !words.isBlank() ? words : item.title());
        return type;
    }
}
