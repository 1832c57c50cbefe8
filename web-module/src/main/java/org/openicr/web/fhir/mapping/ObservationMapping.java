package org.openicr.web.fhir.mapping;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.StringType;
import org.openicr.record.boundary.ItemView;
import org.openicr.vocabulary.ItemDetail;

/** RESULTS as UKCore-Observation (docs/fhir.md). */
public final class ObservationMapping {

    public static final String INTERPRETATION_SYSTEM =
            "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    /** HL7 OBX-8 flags as the record holds them, with v3-ObservationInterpretation's display. */
    public static final Map<String, String> INTERPRETATIONS = Map.of(
            "H", "High", "L", "Low", "HH", "Critical high", "LL", "Critical low", "A", "Abnormal", "N", "Normal");

    private ObservationMapping() {}

    public static Observation map(ItemView item, long patientId) {
        Observation observation = Items.common(new Observation(), item, "Observation");
        observation.setSubject(Items.subject(patientId));
        observation.setCode(Items.code(item));
        if (item.withheld()) {
            observation.setStatus(Observation.ObservationStatus.UNKNOWN);
            return observation;
        }
        observation.setStatus(status(item.status()));
        observation.addCategory(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")));
        observation.setEffective(Items.dateTime(item.effectiveAt()));
        String value = item.detail(ItemDetail.VALUE);
        String unit = item.detail(ItemDetail.UNIT);
        BigDecimal number = Items.number(value);
        if (number != null) {
            Quantity quantity = new Quantity().setValue(number);
            if (unit != null) {
                quantity.setUnit(unit);
            }
            observation.setValue(quantity);
        } else if (value != null) {
            observation.setValue(new StringType(unit == null ? value : value + " " + unit));
        }
        BigDecimal low = Items.number(item.detail(ItemDetail.REFERENCE_LOW));
        BigDecimal high = Items.number(item.detail(ItemDetail.REFERENCE_HIGH));
        String rangeText = item.detail(ItemDetail.REFERENCE_TEXT);
        if (low != null || high != null || rangeText != null) {
            Observation.ObservationReferenceRangeComponent range = observation.addReferenceRange();
            if (low != null) {
                range.setLow(simple(low, unit));
            }
            if (high != null) {
                range.setHigh(simple(high, unit));
            }
            range.setText(rangeText);
        }
        String flag = item.detail(ItemDetail.INTERPRETATION);
        if (flag != null && INTERPRETATIONS.containsKey(flag.strip().toUpperCase(Locale.ROOT))) {
            String code = flag.strip().toUpperCase(Locale.ROOT);
            observation.addInterpretation(
                    new CodeableConcept(new Coding(INTERPRETATION_SYSTEM, code, INTERPRETATIONS.get(code))));
        }
        observation.addPerformer(Items.organisation(item.sourceOrganisation()));
        if (Items.note(item) != null) {
            observation.addNote().setText(Items.note(item));
        }
        return observation;
    }

    public static Observation.ObservationStatus status(String status) {
        String s = Items.lower(status);
        if (s == null) {
            return Observation.ObservationStatus.FINAL;
        }
        return switch (s) {
            case "preliminary", "partial" -> Observation.ObservationStatus.PRELIMINARY;
            case "amended", "corrected" -> Observation.ObservationStatus.AMENDED;
            case "cancelled" -> Observation.ObservationStatus.CANCELLED;
            case "registered" -> Observation.ObservationStatus.REGISTERED;
            default -> Observation.ObservationStatus.FINAL;
        };
    }

    private static SimpleQuantity simple(BigDecimal value, String unit) {
        SimpleQuantity quantity = new SimpleQuantity();
        quantity.setValue(value);
        if (unit != null) {
            quantity.setUnit(unit);
        }
        return quantity;
    }
}
