package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.firstOf;
import static org.openicr.ingestion.control.hl7.Values.joined;
import static org.openicr.ingestion.control.hl7.Values.text;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.v28.segment.ORC;
import ca.uhn.hl7v2.model.v28.segment.PID;
import ca.uhn.hl7v2.model.v28.segment.RXD;
import ca.uhn.hl7v2.model.v28.segment.RXE;
import ca.uhn.hl7v2.model.v28.segment.RXO;
import ca.uhn.hl7v2.model.v28.segment.RXR;
import ca.uhn.hl7v2.model.v28.segment.TQ1;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.ItemDetail;

/**
 * Pharmacy (issue 21, item 4): RDE^O11 and RDE^O25 (encoded order, and its refill) and RDS^O13
 * (dispense) become one MEDICATIONS item per order (ORC), keyed {@code medication/<ORC-2 placer
 * order number>}, else ORC-3's filler number (an order without either is skipped with a reason),
 * so the order, its changes and its dispenses keep one medication up to date.
 *
 * <p>The medicine: RXD-2 (a dispense), else RXE-2 (the encoded give code), else RXO-1 (coded as
 * OBX-3 is); DOSE RXE-3 with RXE-5's unit (RXO-2/RXO-4 when no RXE); ROUTE the first RXR-1 of the
 * order in words; FREQUENCY the first TQ1-3 repeat pattern; QUANTITY RXD-4 with RXD-5, else RXE-10
 * with RXE-11; PRESCRIBER ORC-12; effectiveAt TQ1-7, else ORC-9, else MSH-7; effectiveEnd TQ1-8.
 * Status from ORC-1 order control and ORC-5 order status: CA, OC (cancelled) withdraw the item
 * (the order was a mistake); DC, OD (discontinued) and ORC-5 DC keep it as "stopped" with CHANGE
 * stopped; HD, OH (held) "on hold"; ORC-5 CM "completed"; otherwise "active".
 */
final class PharmacyMapping {

    private static final Set<String> CANCELLED = Set.of("CA", "OC", "CR");
    private static final Set<String> DISCONTINUED = Set.of("DC", "OD", "DR");
    private static final Set<String> HELD = Set.of("HD", "OH", "HR");

    private PharmacyMapping() {}

    static Hl7Mapping orders(Hl7Message message) {
        PID pid = message.required(PID.class, "the medication cannot be attached to a person");
        PatientIdentity identity = PersonMapping.identity(message, pid);
        if (message.all(ORC.class).isEmpty()) {
            throw message.reject(message.messageType() + " has no ORC segment: there is no order to record");
        }
        List<Hl7Command> commands = new ArrayList<>();
        Order order = null;
        int number = 0;
        for (Segment segment : message.segments()) {
            if (segment instanceof ORC orc) {
                if (order != null) {
                    order.command(message).ifPresent(commands::add);
                }
                order = new Order(orc, ++number);
            } else if (order != null) {
                order.add(segment);
            }
        }
        if (order != null) {
            order.command(message).ifPresent(commands::add);
        }
        return message.result(identity, commands);
    }

    /** One ORC and the pharmacy segments that follow it. */
    private static final class Order {
        final ORC orc;
        final String label;
        RXO rxo;
        RXE rxe;
        RXD rxd;
        RXR rxr;
        TQ1 tq1;

        Order(ORC orc, int number) {
            this.orc = orc;
            this.label = "ORC " + number;
        }

        void add(Segment segment) {
            if (segment instanceof RXO s && rxo == null) {
                rxo = s;
            } else if (segment instanceof RXE s && rxe == null) {
                rxe = s;
            } else if (segment instanceof RXD s && rxd == null) {
                rxd = s;
            } else if (segment instanceof RXR s && rxr == null) {
                rxr = s;
            } else if (segment instanceof TQ1 s && tq1 == null) {
                tq1 = s;
            }
        }

        java.util.Optional<Hl7Command> command(Hl7Message message) {
            String number = firstOf(text(orc.getPlacerOrderNumber()), text(orc.getFillerOrderNumber()));
            if (number == null) {
                message.note(label + " has no order number (ORC-2 or ORC-3): its medication cannot be kept up to"
                        + " date, skipped");
                return java.util.Optional.empty();
            }
            String key = "medication/" + number;
            String control = firstOf(text(orc.getOrderControl()), "").toUpperCase(Locale.ROOT);
            String orderStatus = firstOf(text(orc.getOrderStatus()), "").toUpperCase(Locale.ROOT);
            if (CANCELLED.contains(control) || orderStatus.equals("CA")) {
                return java.util.Optional.of(new Hl7Command.CancelItem(
                        Category.MEDICATIONS, key, "medication order cancelled by the source (ORC-1/ORC-5)"));
            }
            Type medicine = rxd != null && text(rxd.getDispenseGiveCode()) != null
                    ? rxd.getDispenseGiveCode()
                    : rxe != null && text(rxe.getGiveCode()) != null
                            ? rxe.getGiveCode()
                            : rxo == null ? null : rxo.getRequestedGiveCode();
            if (medicine == null || text(medicine) == null) {
                message.note(label + " names no medicine (RXD-2, RXE-2 or RXO-1): skipped");
                return java.util.Optional.empty();
            }
            CodedConcept code = Codes.concept(medicine).orElse(null);
            String text = firstOf(Values.component(medicine, 8), Codes.display(medicine), "Medication");
            Map<String, String> details = new LinkedHashMap<>();
            if (rxe != null) {
                Values.detail(details, ItemDetail.DOSE, amount(text(rxe.getGiveAmountMinimum()), rxe.getGiveUnits()));
            } else if (rxo != null) {
                Values.detail(
                        details,
                        ItemDetail.DOSE,
                        amount(text(rxo.getRequestedGiveAmountMinimum()), rxo.getRequestedGiveUnits()));
            }
            if (rxr != null) {
                Values.detail(details, ItemDetail.ROUTE, Codes.display(rxr.getRoute()));
            }
            if (tq1 != null && tq1.getRepeatPattern().length > 0) {
                Values.detail(
                        details,
                        ItemDetail.FREQUENCY,
                        firstOf(
                                Values.component(tq1.getRepeatPattern(0), 0),
                                Values.component(tq1.getRepeatPattern(0), 1)));
            }
            Values.detail(
                    details,
                    ItemDetail.QUANTITY,
                    rxd != null
                            ? amount(text(rxd.getActualDispenseAmount()), rxd.getActualDispenseUnits())
                            : rxe == null ? null : amount(text(rxe.getDispenseAmount()), rxe.getDispenseUnits()));
            Values.detail(details, ItemDetail.PRESCRIBER, Values.person(orc.getOrderingProvider()));
            String status;
            if (DISCONTINUED.contains(control) || orderStatus.equals("DC")) {
                status = "stopped";
                Values.detail(details, ItemDetail.CHANGE, "stopped");
            } else if (HELD.contains(control) || orderStatus.equals("HD")) {
                status = "on hold";
            } else if (orderStatus.equals("CM")) {
                status = "completed";
            } else {
                status = "active";
            }
            Instant start = firstOf(
                    tq1 == null ? null : message.time(tq1.getStartDateTime(), "TQ1-7 start date/time"),
                    message.time(orc.getDateTimeOfTransaction(), "ORC-9 date/time of transaction"),
                    message.messageTime());
            Instant end = tq1 == null ? null : message.time(tq1.getEndDateTime(), "TQ1-8 end date/time");
            if (end != null && end.isBefore(start)) {
                message.note(label + " ends (TQ1-8) before it starts: the end is ignored");
                end = null;
            }
            Instant endAt = end;
            String shownStatus = status;
            return java.util.Optional.of(new Hl7Command.UpsertItem(
                    message.build(
                            label + " medication",
                            () -> new ItemSubmission(
                                    Category.MEDICATIONS,
                                    key,
                                    message.version(),
                                    start,
                                    endAt,
                                    message.messageTime(),
                                    shownStatus,
                                    code,
                                    text,
                                    null,
                                    details)),
                    null));
        }
    }

    /** "5 mg/hr": an amount with its unit (the unit's name, else its code). */
    static String amount(String amount, Type unit) {
        if (amount == null) {
            return null;
        }
        return joined(" ", amount, firstOf(Values.component(unit, 1), Values.component(unit, 0)));
    }
}
