package org.openicr.ingestion.control.hl7;

import static org.openicr.ingestion.control.hl7.Values.text;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.GenericMessage;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.v28.segment.MSH;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.ParserConfiguration;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps one HL7 v2 message (ER7 text) to what the shared care record does with it. It never throws:
 * a message that cannot be read, or lacks what it needs, comes back REJECTED with reasons; a message
 * type the record has no use for comes back NOT_USED. One instance serves any number of threads (the
 * HAPI parser is built once and holds no per-message state).
 *
 * <p>Messages of every version (2.3 to 2.8 and later) are parsed into the HL7 v2.8 segment
 * definitions, which older messages fit because HL7 v2 only ever adds to the end of a field or
 * segment. Segments are kept in the order received instead of being fitted into each message
 * type's group structure: real feeds put segments where the standard does not expect them, and the
 * order is what ties an OBX to its OBR. HAPI's validation is off, since it rejects real-world
 * messages for things the record does not read (a US-only table value, a withdrawn data type).
 */
public final class Hl7Mapper {

    private static final Logger LOG = Logger.getLogger(Hl7Mapper.class.getName());

    /** Message types the record uses, and the rule that maps each; everything else is not used. */
    private static final Map<String, Function<Hl7Message, Hl7Mapping>> RULES = Map.ofEntries(
            Map.entry("ADT^A01", AdtMapping::encounter),
            Map.entry("ADT^A02", AdtMapping::encounter),
            Map.entry("ADT^A03", AdtMapping::encounter),
            Map.entry("ADT^A04", AdtMapping::encounter),
            Map.entry("ADT^A05", AdtMapping::encounter),
            Map.entry("ADT^A08", AdtMapping::encounter),
            Map.entry("ADT^A11", AdtMapping::cancelAdmission),
            Map.entry("ADT^A12", AdtMapping::cancelTransfer),
            Map.entry("ADT^A13", AdtMapping::cancelDischarge),
            Map.entry("ADT^A28", AdtMapping::person),
            Map.entry("ADT^A31", AdtMapping::person),
            Map.entry("ADT^A40", AdtMapping::merge),
            Map.entry("ADT^A45", AdtMapping::moveVisit),
            Map.entry("ADT^A47", AdtMapping::changeIdentifier),
            Map.entry("ADT^A60", AllergyMapping::adverseReactions),
            Map.entry("VXU^V04", ImmunisationMapping::vaccinations),
            Map.entry("PPR^PC1", ProblemMapping::problems),
            Map.entry("PPR^PC2", ProblemMapping::problems),
            Map.entry("PPR^PC3", ProblemMapping::problems),
            Map.entry("RDE^O11", PharmacyMapping::orders),
            Map.entry("RDE^O25", PharmacyMapping::orders),
            Map.entry("RDS^O13", PharmacyMapping::orders),
            Map.entry("ORU^R01", OruMapping::results),
            Map.entry("MDM^T01", MdmMapping::documents),
            Map.entry("MDM^T02", MdmMapping::documents),
            Map.entry("MDM^T03", MdmMapping::documents),
            Map.entry("MDM^T04", MdmMapping::documents),
            Map.entry("MDM^T05", MdmMapping::documents),
            Map.entry("MDM^T06", MdmMapping::documents),
            Map.entry("MDM^T07", MdmMapping::documents),
            Map.entry("MDM^T08", MdmMapping::documents),
            Map.entry("MDM^T09", MdmMapping::documents),
            Map.entry("MDM^T10", MdmMapping::documents),
            Map.entry("MDM^T11", MdmMapping::documents),
            Map.entry("SIU^S12", SiuMapping::appointments),
            Map.entry("SIU^S13", SiuMapping::appointments),
            Map.entry("SIU^S14", SiuMapping::appointments),
            Map.entry("SIU^S15", SiuMapping::appointments),
            Map.entry("SIU^S16", SiuMapping::appointments),
            Map.entry("SIU^S17", SiuMapping::appointments),
            Map.entry("SIU^S26", SiuMapping::appointments),
            Map.entry("REF^I12", RefMapping::referrals),
            Map.entry("REF^I13", RefMapping::referrals),
            Map.entry("REF^I14", RefMapping::referrals));

    /** Why some types that a shared record might be expected to use are not used (yet). */
    private static final Map<String, String> NOT_USED_BECAUSE = Map.of(
            "ADT^A29",
            "a source withdrawing its data about a person is done by cancelling its items, not by"
                    + " deleting the person from the index");

    private final PipeParser parser;

    public Hl7Mapper() {
        ParserConfiguration configuration = new ParserConfiguration();
        configuration.setValidating(false);
        configuration.setAllowUnknownVersions(true);
        // An OBX-2 data type that v2.8 no longer has (CE) is read as its successor; none means text.
        configuration.setInvalidObx2Type("CWE");
        configuration.setDefaultObx2Type("ST");
        HapiContext context =
                new DefaultHapiContext(configuration, ValidationContextFactory.noValidation(), new SegmentsInOrder());
        this.parser = context.getPipeParser();
    }

    public Hl7Mapping map(String er7) {
        return map(er7, SourceConventions.NONE);
    }

    /** As {@link #map(String)}, reading what the sending source's feed implies ({@link SourceConventions}). */
    public Hl7Mapping map(String er7, SourceConventions conventions) {
        Hl7Header header = null;
        try {
            List<String> segments = Er7Text.segments(er7);
            header = header(segments.get(0));
            requireComplete(header);
            Er7Text.checkSegments(segments);
            Function<Hl7Message, Hl7Mapping> rule = RULES.get(header.messageType());
            if (rule == null) {
                String reason = "message type " + header.messageType() + " is not used by the shared care record";
                String because = NOT_USED_BECAUSE.get(header.messageType());
                return new Hl7Message(header, List.of()).notUsed(because == null ? reason : reason + ": " + because);
            }
            Hl7Message message = new Hl7Message(header, parse(String.join("\r", segments)), conventions);
            try {
                return rule.apply(message);
            } catch (MessageRejected rejected) {
                List<String> reasons = new ArrayList<>();
                reasons.add(rejected.reason());
                reasons.addAll(message.reasons());
                return rejected(header, reasons);
            }
        } catch (MessageRejected rejected) {
            return rejected(header, List.of(rejected.reason()));
        } catch (org.openicr.vocabulary.FieldLimit.TooLong tooLong) {
            return rejected(header, List.of(tooLong.reason()));
        } catch (RuntimeException e) {
            // The exception's message may quote the message text, so only its type and place are logged.
            StackTraceElement[] trace = e.getStackTrace();
            LOG.log(Level.WARNING, "HL7 v2 message {0} ({1}) could not be mapped: {2} at {3}", new Object[] {
                header == null ? null : header.controlId(),
                header == null ? null : header.messageType(),
                e.getClass().getName(),
                trace.length == 0 ? "?" : trace[0]
            });
            return rejected(
                    header,
                    List.of("the message could not be mapped (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /**
     * The header, read on its own so that a message type the record does not use needs nothing more.
     * The parser cannot read a header without a message type; such a header is read directly, for
     * the rejection to name the message.
     */
    private Hl7Header header(String msh) {
        if (Er7Text.mshField(msh, 9, 1) == null || Er7Text.mshField(msh, 9, 2) == null) {
            return new Hl7Header(
                    upper(Er7Text.mshField(msh, 9, 1)),
                    upper(Er7Text.mshField(msh, 9, 2)),
                    Er7Text.mshField(msh, 10, 1),
                    Er7Text.mshField(msh, 3, 1),
                    Er7Text.mshField(msh, 4, 1),
                    Hl7Time.instant(Er7Text.mshField(msh, 7, 1)).orElse(null));
        }
        MSH segment = (MSH) parse(msh).get(0);
        return new Hl7Header(
                upper(text(segment.getMessageType().getMessageCode())),
                upper(text(segment.getMessageType().getTriggerEvent())),
                text(segment.getMessageControlID()),
                Values.hd(segment.getSendingApplication()),
                Values.hd(segment.getSendingFacility()),
                Hl7Time.instant(text(segment.getDateTimeOfMessage())).orElse(null));
    }

    /** MSH fields no message can be mapped without. */
    private static void requireComplete(Hl7Header header) {
        if (header.messageCode() == null) {
            throw new MessageRejected("MSH-9 message type is missing");
        }
        if (header.triggerEvent() == null) {
            throw new MessageRejected("MSH-9 names no trigger event (e.g. ADT^A01)");
        }
        if (header.controlId() == null) {
            throw new MessageRejected("MSH-10 message control id is missing");
        }
        if (header.messageTime() == null) {
            throw new MessageRejected("MSH-7 message date/time is missing or not a valid HL7 date/time: without it"
                    + " newer and older messages cannot be told apart");
        }
    }

    /** The segments in the order received; a parser refusal becomes a rejection that says where. */
    private List<Segment> parse(String er7) {
        Message message;
        try {
            message = parser.parse(er7);
        } catch (HL7Exception e) {
            Location location = e.getLocation();
            String where = location == null || location.getSegmentName() == null
                    ? ""
                    : " at " + location.getSegmentName() + (location.getField() > 0 ? "-" + location.getField() : "");
            throw new MessageRejected("the message could not be parsed as HL7 v2" + where + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        List<Segment> segments = new ArrayList<>();
        try {
            for (String name : message.getNames()) {
                for (Structure structure : message.getAll(name)) {
                    segments.add((Segment) structure);
                }
            }
        } catch (HL7Exception e) {
            throw new MessageRejected(
                    "the message could not be parsed as HL7 v2 (" + e.getClass().getSimpleName() + ")");
        }
        return segments;
    }

    private static Hl7Mapping rejected(Hl7Header header, List<String> reasons) {
        return new Hl7Mapping(
                header == null ? null : header.messageType(),
                header == null ? null : header.controlId(),
                header == null ? null : header.sendingApplication(),
                header == null ? null : header.sendingFacility(),
                header == null ? null : header.messageTime(),
                Hl7Outcome.REJECTED,
                reasons,
                null,
                List.of());
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    /**
     * Every message becomes a flat message whose segments are the v2.8 segment classes, in the order
     * received, instead of the message type's nested groups.
     */
    private static final class SegmentsInOrder extends CanonicalModelClassFactory {

        private static final long serialVersionUID = 1L;

        SegmentsInOrder() {
            super("2.8");
        }

        @Override
        public Class<? extends Message> getMessageClass(String name, String version, boolean isExplicit) {
            return GenericMessage.V28.class;
        }
    }
}
