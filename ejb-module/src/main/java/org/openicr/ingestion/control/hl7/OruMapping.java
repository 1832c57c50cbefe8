package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.component;
import static org.openicr.ingestion.control.hl7.Values.firstOf;
import static org.openicr.ingestion.control.hl7.Values.text;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v28.datatype.FT;
import ca.uhn.hl7v2.model.v28.segment.NTE;
import ca.uhn.hl7v2.model.v28.segment.OBR;
import ca.uhn.hl7v2.model.v28.segment.OBX;
import ca.uhn.hl7v2.model.v28.segment.PID;
import ca.uhn.hl7v2.model.v28.segment.SPM;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openicr.record.entity.DocumentContent;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.Category;
import org.openicr.vocabulary.CodedConcept;
import org.openicr.vocabulary.IcrException;
import org.openicr.vocabulary.ItemDetail;

/**
 * ORU^R01: one RESULTS item per OBX that holds a result, keyed by order (OBR-3 filler order number,
 * else OBR-2 placer, else the message control id) + "/" + test code (OBX-3) + "/" + sub-id (OBX-4).
 *
 * <p>No separate item is made for the OBR itself: the results of one order share their REPORT_KEY,
 * which is all a viewer needs to show them as one report, and a report item beside them would list
 * every order twice. OBX segments that are not results of an order (before the first OBR, or
 * describing a specimen after SPM) are skipped. Comments (NTE) after an OBX join that result's text.
 */
final class OruMapping {

    private static final Set<String> TEXT_TYPES = Set.of("ST", "TX", "FT");
    private static final Set<String> CODED_TYPES = Set.of("CWE", "CE", "CNE", "CF");

    private OruMapping() {}

    static Hl7Mapping results(Hl7Message message) {
        PID pid = message.required(PID.class, "the results cannot be attached to a person");
        PatientIdentity identity = PersonMapping.identity(message, pid);
        if (message.all(OBX.class).isEmpty()) {
            throw message.reject("ORU^R01 has no OBX segment: there is no result to record");
        }
        List<Result> results = new ArrayList<>();
        Map<String, Result> byKey = new HashMap<>();
        Order order = null;
        boolean specimen = false;
        Result last = null;
        int orders = 0;
        int observations = 0;
        for (Segment segment : message.segments()) {
            if (segment instanceof OBR obr) {
                order = new Order(message, obr, ++orders);
                specimen = false;
                last = null;
            } else if (segment instanceof SPM) {
                specimen = true;
                last = null;
            } else if (segment instanceof OBX obx) {
                observations++;
                last = null;
                if (order == null) {
                    message.note("OBX " + observations + " comes before any OBR: not a result of an order, skipped");
                } else if (specimen) {
                    message.note("OBX " + observations + " describes a specimen (it follows SPM): skipped");
                } else {
                    last = result(message, order, obx, observations, byKey);
                    if (last != null && !results.contains(last)) {
                        results.add(last);
                    }
                }
            } else if (segment instanceof NTE nte && last != null) {
                for (FT comment : nte.getComment()) {
                    last.addComment(Values.formattedText(comment.getValue()));
                }
            }
        }
        List<Hl7Command> commands = new ArrayList<>();
        for (Result result : results) {
            result.command(message).ifPresent(commands::add);
        }
        return message.result(identity, commands);
    }

    /** The result an OBX gives (possibly one already started by an earlier OBX line), or null. */
    private static Result result(Hl7Message message, Order order, OBX obx, int number, Map<String, Result> byKey) {
        String label = "OBX " + number;
        String code = text(obx.getObservationIdentifier());
        if (code == null) {
            message.note(label + " has no observation identifier (OBX-3): skipped");
            return null;
        }
        label = label + " (" + code + ")";
        String key = order.key() + "/" + code + "/" + Objects.requireNonNullElse(text(obx.getObservationSubID()), "");
        String type = Objects.requireNonNullElse(text(obx.getValueType()), "ST").toUpperCase(Locale.ROOT);
        Result earlier = byKey.get(key);
        if (earlier != null) {
            // Senders split a long text report into many OBX lines with one code: one result.
            if (earlier.isText() && TEXT_TYPES.contains(type)) {
                earlier.addLines(lines(obx));
                return earlier;
            }
            message.note(label + " repeats the code and sub-id of an earlier result of the same order: skipped");
            return null;
        }
        String statusCode = Objects.requireNonNullElse(text(obx.getObservationResultStatus()), "")
                .toUpperCase(Locale.ROOT);
        Result result = new Result(key, label, order);
        switch (statusCode) {
            case "F" -> result.status = "final";
            case "C" -> result.status = "corrected";
            case "A", "B" -> result.status = "amended";
            case "P", "S", "R" -> result.status = "preliminary";
            case "X" -> result.cancelReason = "no result can be obtained (OBX-11 X)";
            case "D" -> result.cancelReason = "result deleted by the source (OBX-11 D)";
            case "W" -> result.cancelReason = "result posted in error, e.g. for the wrong patient (OBX-11 W)";
            case "I" -> result.skipReason = "no result yet (OBX-11 I)";
            case "O" -> result.skipReason = "describes the order, not a result (OBX-11 O)";
            case "N" -> result.skipReason = "was not asked for (OBX-11 N)";
            case "U" -> result.skipReason = "changes the status to final without resending the result (OBX-11 U);"
                    + " the result keeps its earlier status";
            default -> {
                message.note(label + " has no known result status (OBX-11): recorded as unknown");
                result.status = "unknown";
            }
        }
        if (result.skipReason != null) {
            message.note(label + " " + result.skipReason + ": skipped");
            return null;
        }
        byKey.put(key, result);
        if (result.cancelReason != null) {
            return result;
        }
        result.code = Codes.concept(
                        obx.getObservationIdentifier(), message.conventions().impliedObx3System())
                .orElse(null);
        result.name = Codes.display(obx.getObservationIdentifier());
        result.effectiveAt = firstOf(
                message.time(obx.getDateTimeOfTheObservation(), "OBX-14 observation date/time"), order.observed());
        result.type = type;
        if (TEXT_TYPES.contains(type)) {
            result.addLines(lines(obx));
        } else if (type.equals("ED")) {
            try {
                result.content = EmbeddedData.decode(
                                obx.getObservationValue().length == 0 ? null : obx.getObservationValue(0))
                        .orElse(null);
            } catch (IllegalArgumentException | IcrException e) {
                message.note(
                        label + " holds an embedded document that cannot be read (" + e.getMessage() + "): skipped");
                byKey.remove(key);
                return null;
            }
        } else {
            result.value = value(type, obx.getObservationValue());
        }
        result.unit = firstOf(component(obx.getUnits(), 0), component(obx.getUnits(), 1));
        result.range(text(obx.getReferencesRange()));
        result.interpretation = obx.getInterpretationCodes().length == 0 ? null : text(obx.getInterpretationCodes(0));
        return result;
    }

    private static List<String> lines(OBX obx) {
        List<String> lines = new ArrayList<>();
        for (Varies value : obx.getObservationValue()) {
            String line = Values.formattedText(text(value));
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** A non-text value as people read it; repetitions joined with commas. */
    private static String value(String type, Varies[] values) {
        List<String> parts = new ArrayList<>();
        for (Varies value : values) {
            String part;
            if (CODED_TYPES.contains(type)) {
                part = Codes.display(value);
            } else if (type.equals("SN")) {
                // Structured numeric: comparator, number, separator/suffix, number: "<5", "1:128".
                part = Values.joined(
                        "", component(value, 0), component(value, 1), component(value, 2), component(value, 3));
            } else {
                part = text(value);
            }
            if (part != null) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** The order (OBR) the following results belong to. */
    private record Order(String key, Instant observed, Instant reported) {

        Order(Hl7Message message, OBR obr, int number) {
            this(
                    key(message, obr, number),
                    message.time(obr.getObservationDateTime(), "OBR-7 observation date/time"),
                    message.time(obr.getResultsRptStatusChngDateTime(), "OBR-22 results reported date/time"));
        }

        private static String key(Hl7Message message, OBR obr, int number) {
            String key = firstOf(text(obr.getFillerOrderNumber()), text(obr.getPlacerOrderNumber()));
            if (key != null) {
                return key;
            }
            message.note("OBR " + number + " has no filler or placer order number: its results are keyed by"
                    + " the message control id");
            return message.controlId();
        }
    }

    /** One result while its OBX lines and comments are gathered. */
    private static final class Result {

        final String key;
        final String label;
        final Order order;
        String status;
        String cancelReason;
        String skipReason;
        String type;
        CodedConcept code;
        String name;
        Instant effectiveAt;
        String value;
        String unit;
        String referenceLow;
        String referenceHigh;
        String referenceText;
        String interpretation;
        DocumentContent content;
        final List<String> lines = new ArrayList<>();
        final List<String> comments = new ArrayList<>();

        Result(String key, String label, Order order) {
            this.key = key;
            this.label = label;
            this.order = order;
        }

        boolean isText() {
            return type != null && TEXT_TYPES.contains(type);
        }

        void addLines(List<String> more) {
            lines.addAll(more);
        }

        void addComment(String comment) {
            if (comment != null) {
                comments.add(comment);
            }
        }

        /** OBX-7 read by {@link ReferenceRange}: numeric limits where there are, the text always. */
        void range(String range) {
            ReferenceRange parsed = ReferenceRange.parse(range);
            if (parsed != null) {
                referenceLow = parsed.low();
                referenceHigh = parsed.high();
                referenceText = parsed.text();
            }
        }

        Optional<Hl7Command> command(Hl7Message message) {
            if (cancelReason != null) {
                return Optional.of(new Hl7Command.CancelItem(Category.RESULTS, key, cancelReason));
            }
            String text = Values.joined(
                    "\n",
                    Values.joined("\n", lines.toArray(String[]::new)),
                    Values.joined("\n", comments.toArray(String[]::new)));
            if (value == null && text == null && content == null) {
                message.note(label + " has no value: skipped");
                return Optional.empty();
            }
            if (code == null) {
                // No code the record can keep: the test's name leads the text instead.
                text = Values.joined("\n", name, text);
            }
            Map<String, String> details = new LinkedHashMap<>();
            Values.detail(details, ItemDetail.VALUE, value);
            Values.detail(details, ItemDetail.UNIT, unit);
            Values.detail(details, ItemDetail.REFERENCE_LOW, referenceLow);
            Values.detail(details, ItemDetail.REFERENCE_HIGH, referenceHigh);
            Values.detail(details, ItemDetail.REFERENCE_TEXT, referenceText);
            Values.detail(details, ItemDetail.INTERPRETATION, interpretation);
            Values.detail(details, ItemDetail.REPORT_KEY, order.key());
            try {
                ItemSubmission item = new ItemSubmission(
                        Category.RESULTS,
                        key,
                        message.version(),
                        effectiveAt,
                        null,
                        firstOf(order.reported(), message.messageTime()),
                        status,
                        code,
                        text,
                        null,
                        details);
                return Optional.of(new Hl7Command.UpsertItem(item, content));
            } catch (org.openicr.vocabulary.FieldLimit.TooLong tooLong) {
                throw message.reject(label + " could not be recorded: " + tooLong.reason());
            } catch (IcrException e) {
                message.note(label + " could not be recorded (" + e.reason() + "): skipped");
                return Optional.empty();
            }
        }
    }
}
