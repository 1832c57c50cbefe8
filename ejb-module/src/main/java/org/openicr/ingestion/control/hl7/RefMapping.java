package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.firstOf;
import static org.openicr.ingestion.control.hl7.Values.joined;
import static org.openicr.ingestion.control.hl7.Values.text;

import ca.uhn.hl7v2.model.v28.datatype.XPN;
import ca.uhn.hl7v2.model.v28.segment.PID;
import ca.uhn.hl7v2.model.v28.segment.PRD;
import ca.uhn.hl7v2.model.v28.segment.RF1;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ItemDetail;

/**
 * REF: referrals, one REFERRALS item per referral keyed by its originating identifier (RF1-6, else
 * RF1-11 external identifier). A new referral (I12) and its changes (I13) keep the item up to date;
 * a cancelled one (I14) stays in view with status cancelled, so that a clinician sees it was
 * withdrawn. A status request (I15) asks for an answer, not a change, and is not used.
 */
final class RefMapping {

    private RefMapping() {}

    static Hl7Mapping referrals(Hl7Message message) {
        PID pid = message.required(PID.class, "the referral cannot be attached to a person");
        PatientIdentity identity = PersonMapping.identity(message, pid);
        RF1 rf1 = message.required(RF1.class, "it is the segment that describes the referral");
        String id = firstOf(
                text(rf1.getOriginatingReferralIdentifier()),
                rf1.getExternalReferralIdentifier().length == 0 ? null : text(rf1.getExternalReferralIdentifier(0)));
        if (id == null) {
            throw message.reject("REF has no referral identifier in RF1-6 or RF1-11: without it the referral cannot be"
                    + " kept up to date");
        }
        return message.result(identity, List.of(new Hl7Command.UpsertItem(item(message, rf1, "referral/" + id), null)));
    }

    private static ItemSubmission item(Hl7Message message, RF1 rf1, String key) {
        Instant start = firstOf(
                message.time(rf1.getEffectiveDate(), "RF1-7 effective date"),
                message.time(rf1.getProcessDate(), "RF1-9 process date"),
                message.messageTime());
        Instant end = message.time(rf1.getExpirationDate(), "RF1-8 expiration date");
        if (end != null && end.isBefore(start)) {
            message.note("RF1-8 expiration is before the referral's date: ignored");
            end = null;
        }
        CodedConcept code = rf1.getReferralReason().length == 0
                ? null
                : Codes.concept(rf1.getReferralReason(0)).orElse(null);
        String text = firstOf(
                text(rf1.getReferralReasonText()),
                text(rf1.getComment()),
                rf1.getReferralReason().length == 0 ? null : Codes.display(rf1.getReferralReason(0)),
                "Referral");
        Map<String, String> details = new LinkedHashMap<>();
        Values.detail(details, ItemDetail.REFERRED_BY, provider(message, "RP"));
        Values.detail(
                details,
                ItemDetail.REFERRED_TO,
                firstOf(
                        provider(message, "RT"),
                        text(rf1.getAuthorizedProvider().getOrganizationName())));
        Values.detail(details, ItemDetail.SPECIALTY, Codes.display(rf1.getReferralType()));
        Values.detail(details, ItemDetail.PRIORITY, priority(text(rf1.getReferralPriority())));
        String status = message.triggerEvent().equals("I14") ? "cancelled" : status(text(rf1.getReferralStatus()));
        Instant endAt = end;
        return message.build(
                "the referral",
                () -> new ItemSubmission(
                        Category.REFERRALS,
                        key,
                        message.version(),
                        start,
                        endAt,
                        message.messageTime(),
                        status,
                        code,
                        text,
                        null,
                        details));
    }

    /** The provider of a role (PRD-1: RP referring, RT referred to): name and organisation. */
    private static String provider(Hl7Message message, String role) {
        for (PRD prd : message.all(PRD.class)) {
            if (prd.getProviderRole().length > 0
                    && role.equalsIgnoreCase(text(prd.getProviderRole(0).getIdentifier()))) {
                String name = prd.getProviderName().length == 0 ? null : name(prd.getProviderName(0));
                String organisation = firstOf(
                        text(prd.getProviderOrganizationNameAndIdentifier().getOrganizationName()),
                        Values.location(prd.getProviderLocation()));
                return joined(", ", name, organisation);
            }
        }
        return null;
    }

    private static String name(XPN xpn) {
        return joined(
                " ",
                titleCase(text(xpn.getPrefixEgDR())),
                titleCase(text(xpn.getGivenName())),
                titleCase(text(xpn.getFamilyName())));
    }

    private static String titleCase(String word) {
        if (word == null || !word.equals(word.toUpperCase(Locale.ROOT))) {
            return word;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** RF1-1 referral status (HL7 table 0283) in words. */
    static String status(String code) {
        if (code == null) {
            return "pending";
        }
        return switch (code.strip().toUpperCase(Locale.ROOT)) {
            case "A" -> "accepted";
            case "P" -> "pending";
            case "R" -> "rejected";
            case "E" -> "expired";
            default -> "pending";
        };
    }

    /** RF1-2 referral priority (HL7 table 0280) in words. */
    static String priority(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip().toUpperCase(Locale.ROOT)) {
            case "S" -> "immediate";
            case "A" -> "as soon as possible";
            case "R" -> "routine";
            default -> code.strip();
        };
    }
}
