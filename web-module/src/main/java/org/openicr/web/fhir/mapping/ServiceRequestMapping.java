package org.openicr.web.fhir.mapping;

import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;

/** REFERRALS as UKCore-ServiceRequest, intent order (docs/fhir.md). */
public final class ServiceRequestMapping {

    private ServiceRequestMapping() {}

    public static ServiceRequest map(ItemView item, long patientId) {
        ServiceRequest request = Items.common(new ServiceRequest(), item, "ServiceRequest");
        request.setSubject(Items.subject(patientId));
        request.setIntent(ServiceRequestIntent.ORDER);
        request.setCode(Items.code(item));
        if (item.withheld()) {
            request.setStatus(ServiceRequestStatus.UNKNOWN);
            return request;
        }
        request.setStatus(status(item.status()));
        request.setPriority(priority(item.detail(ItemDetail.PRIORITY)));
        request.setAuthoredOnElement(Items.dateTime(item.effectiveAt()));
        request.setRequester(Items.named("Practitioner", item.detail(ItemDetail.REFERRED_BY)));
        if (item.detail(ItemDetail.REFERRED_TO) != null) {
            request.addPerformer(Items.named("Organization", item.detail(ItemDetail.REFERRED_TO)));
        }
        request.setPerformerType(Items.text(item.detail(ItemDetail.SPECIALTY)));
        if (item.detail(ItemDetail.LOCATION) != null) {
            request.addLocationReference(Items.named("Location", item.detail(ItemDetail.LOCATION)));
        }
        if (Items.note(item) != null) {
            request.addNote().setText(Items.note(item));
        }
        return request;
    }

    /** A referral's status (HL7 v2 RF1-1 in words, or the source's own) as ServiceRequest.status. */
    public static ServiceRequestStatus status(String status) {
        String s = Items.lower(status);
        if (s == null) {
            return ServiceRequestStatus.UNKNOWN;
        }
        return switch (s) {
            case "pending", "accepted", "active", "open", "requested", "sent" -> ServiceRequestStatus.ACTIVE;
            case "draft" -> ServiceRequestStatus.DRAFT;
            case "on-hold", "suspended" -> ServiceRequestStatus.ONHOLD;
            case "completed", "closed", "discharged" -> ServiceRequestStatus.COMPLETED;
            case "rejected", "cancelled", "expired", "revoked", "withdrawn" -> ServiceRequestStatus.REVOKED;
            default -> ServiceRequestStatus.UNKNOWN;
        };
    }

    /** A referral's priority in words (HL7 v2 TQ1-9's, or FHIR's own), or null for any other. */
    public static ServiceRequestPriority priority(String priority) {
        String p = Items.lower(priority);
        if (p == null) {
            return null;
        }
        return switch (p) {
            case "routine" -> ServiceRequestPriority.ROUTINE;
            case "urgent" -> ServiceRequestPriority.URGENT;
            case "as soon as possible", "asap" -> ServiceRequestPriority.ASAP;
            case "immediate", "stat" -> ServiceRequestPriority.STAT;
            default -> null;
        };
    }
}
