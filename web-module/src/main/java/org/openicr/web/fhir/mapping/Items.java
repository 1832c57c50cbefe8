package org.openicr.web.fhir.mapping;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.CodedConcept;

/**
 * What every category's mapping shares (docs/fhir.md, "Mapping per category"): the id, the UK Core
 * profile, the source and last-updated time in {@code meta}, the subject, the code, the withheld
 * form (masked by the data-absent-reason extension, marked restricted), and small value helpers.
 * Pure: the boundary's views in, HAPI's model out.
 */
public final class Items {

    public static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    public static final String PROFILE_BASE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-";
    public static final String CONFIDENTIALITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    /** meta.source of an item: its source organisation's record in the NHS ODS directory (ORD API). */
    public static final String ODS_SOURCE_PREFIX = "https://directory.spineservices.nhs.uk/ORD/2-0-0/organisations/";
    /** meta.source of an item whose source's ODS code is not known: the organisation by name. */
    public static final String SOURCE_PREFIX = "urn:openicr:organisation:";

    private Items() {}

    /**
     * The id, the UK Core profile, the source by name (replaced by its ODS record when known:
     * {@link #provenance}), and a withheld item's restricted mark.
     */
    public static <R extends DomainResource> R common(R resource, ItemView item, String profile) {
        resource.setId(Long.toString(item.id()));
        resource.getMeta().addProfile(PROFILE_BASE + profile);
        if (item.sourceOrganisation() != null) {
            resource.getMeta()
                    .setSource(SOURCE_PREFIX + URLEncoder.encode(item.sourceOrganisation(), StandardCharsets.UTF_8));
        }
        if (item.withheld()) {
            resource.getMeta().addSecurity(CONFIDENTIALITY_SYSTEM, "R", "restricted");
        }
        return resource;
    }

    /** {@code meta.lastUpdated} and {@code meta.source} by ODS code, where known (null: left as it is). */
    public static <R extends Resource> R provenance(R resource, Instant lastUpdated, String sourceOds) {
        if (lastUpdated != null) {
            resource.getMeta().setLastUpdated(Date.from(lastUpdated));
        }
        if (sourceOds != null && !sourceOds.isBlank()) {
            resource.getMeta().setSource(ODS_SOURCE_PREFIX + sourceOds);
        }
        return resource;
    }

    /** The item's code; a withheld item's is masked, a text-only item's is its title as text. */
    public static CodeableConcept code(ItemView item) {
        CodeableConcept concept = new CodeableConcept();
        if (item.withheld()) {
            return masked(concept);
        }
        CodedConcept code = item.code();
        if (code != null) {
            concept.addCoding(new Coding(
                    code.system().uri(), code.code(), code.display() == null ? item.title() : code.display()));
        }
        concept.setText(item.title());
        return concept;
    }

    /** {@code element} with the data-absent-reason extension {@code masked}: withheld content. */
    public static <E extends Element> E masked(E element) {
        return absent(element, "masked");
    }

    /** {@code element} with the data-absent-reason extension {@code reason} (masked, unknown...). */
    public static <E extends Element> E absent(E element, String reason) {
        element.addExtension(new Extension(DATA_ABSENT_REASON, new CodeType(reason)));
        return element;
    }

    public static Reference subject(long patientId) {
        return new Reference("Patient/" + patientId);
    }

    /** A reference by name only (no resource of its own is served): {@code type} and display. */
    public static Reference named(String type, String name) {
        return name == null || name.isBlank()
                ? null
                : new Reference().setType(type).setDisplay(name);
    }

    public static Reference organisation(String name) {
        return named("Organization", name);
    }

    /** A concept that is only words (a detail as sent), or null. */
    public static CodeableConcept text(String text) {
        return text == null || text.isBlank() ? null : new CodeableConcept().setText(text);
    }

    /** The item's effective date and time, or null. */
    public static DateTimeType dateTime(Instant at) {
        return at == null ? null : new DateTimeType(Date.from(at));
    }

    /** effectiveAt..effectiveEnd, or null when the item holds neither. */
    public static Period period(ItemView item) {
        if (item.effectiveAt() == null && item.effectiveEnd() == null) {
            return null;
        }
        Period period = new Period();
        if (item.effectiveAt() != null) {
            period.setStart(Date.from(item.effectiveAt()));
        }
        if (item.effectiveEnd() != null) {
            period.setEnd(Date.from(item.effectiveEnd()));
        }
        return period;
    }

    /** The item's free text, or null (never for a withheld item: it holds none). */
    public static String note(ItemView item) {
        return item.withheld() || item.text() == null || item.text().isBlank() ? null : item.text();
    }

    public static BigDecimal number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Lower case, stripped, or null when blank. */
    public static String lower(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    public static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + ", " + b;
    }
}
