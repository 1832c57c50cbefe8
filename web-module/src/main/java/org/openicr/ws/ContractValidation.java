package org.openicr.ws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.openicr.vocabulary.FieldLimit;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates a whole SOAP message against the ingestion contract in one pass: the JDK's schema
 * validator reads the bytes with its own scanner (no StAX-to-SAX bridge and no copy of the message,
 * which is what Metro's {@code @SchemaValidation} costs: about a third of the server's CPU for a
 * 50-item batch). The schema is compiled once; a validator per thread is reused. The validator
 * loads nothing from outside: the compiled schema is fixed (schema hints in a message are ignored)
 * and {@link InboxFilter} has already refused any DOCTYPE. (Setting ACCESS_EXTERNAL_DTD on a JDK 17
 * validator breaks stream validation with a NullPointerException, so it is not set here.)
 */
final class ContractValidation {

    private final Schema schema;

    private final ThreadLocal<Validator> validators;

    /**
     * @param contract the ingestion contract's schema (ingestion-v1.xsd)
     */
    ContractValidation(URL contract) {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            URL envelope = ContractValidation.class.getResource("soap11-envelope.xsd");
            this.schema = factory.newSchema(new Source[] {source(envelope), source(contract)});
            this.validators = ThreadLocal.withInitial(schema::newValidator);
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("The ingestion contract's schema cannot be compiled", e);
        }
    }

    /**
     * What is wrong with a message: a value longer than its field's xs:maxLength ({@code tooLong},
     * with the field's path and limit, never the value), or any other problem (the validator's text).
     */
    record Problem(boolean tooLong, String reason, Map<Integer, String> itemFaults) {
        Problem(boolean tooLong, String reason) {
            this(tooLong, reason, Map.of());
        }

        /**
         * Only items of an ItemBatch were refused, each for a value's length: the message goes on,
         * and the items are answered by the processor (on their own in a partial batch).
         */
        boolean itemsOnly() {
            return reason == null;
        }
    }

    /** An item's path as {@link ElementPath} gives it: {@code ItemBatch/item[n]/...}. */
    private static final Pattern ITEM_PATH = Pattern.compile("^ItemBatch/item\\[(\\d+)\\]/.*");

    /**
     * Lets the validator go on past values too long for their field inside an ItemBatch's items,
     * collecting them by item; any other error stops it, as before. (Xerces reports a facet failure
     * twice: cvc-maxLength-valid, then cvc-type.3.1.3 for the same element; the second is skipped.)
     */
    private static final class ItemFaults implements ErrorHandler {
        private final byte[] message;
        private final Map<Integer, String> faults = new TreeMap<>();
        private String first;
        private int line = -1;
        private int column = -1;

        ItemFaults(byte[] message) {
            this.message = message;
        }

        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            String text = e.getMessage();
            if (text != null
                    && text.startsWith("cvc-type.3.1.3")
                    && e.getLineNumber() == line
                    && e.getColumnNumber() == column) {
                return;
            }
            Matcher tooLong = text == null ? null : MAX_LENGTH.matcher(text);
            if (tooLong != null && text.startsWith("cvc-maxLength-valid") && tooLong.matches()) {
                String field = ElementPath.at(message, e.getLineNumber(), e.getColumnNumber());
                Matcher item = ITEM_PATH.matcher(field);
                if (item.matches()) {
                    String reason = FieldLimit.tooLong(
                            field, Integer.parseInt(tooLong.group(2)), Integer.parseInt(tooLong.group(1)));
                    faults.putIfAbsent(Integer.parseInt(item.group(1)) - 1, reason);
                    first = first == null ? reason : first;
                    line = e.getLineNumber();
                    column = e.getColumnNumber();
                    return;
                }
            }
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    private static final Pattern MAX_LENGTH = Pattern.compile(
            ".*with length = '(\\d+)' is not facet-valid with respect to maxLength '(\\d+)' for type '[^']*'\\.?$",
            Pattern.DOTALL);

    /** Null when the message is a SOAP 1.1 envelope whose body is valid; otherwise what is wrong. */
    Problem problem(byte[] message) {
        Validator validator = validators.get();
        ItemFaults items = new ItemFaults(message);
        validator.setErrorHandler(items);
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(message)));
            validator.setErrorHandler(null);
            return items.faults.isEmpty() ? null : new Problem(true, null, Map.copyOf(items.faults));
        } catch (SAXParseException invalid) {
            validator.reset();
            validator.setErrorHandler(null);
            if (items.first != null) {
                // The first problem was an item's length: answered as it was before items were collected.
                return new Problem(true, items.first);
            }
            String text = invalid.getMessage();
            Matcher tooLong = text == null ? null : MAX_LENGTH.matcher(text);
            if (tooLong != null && text.startsWith("cvc-maxLength-valid") && tooLong.matches()) {
                String field = ElementPath.at(message, invalid.getLineNumber(), invalid.getColumnNumber());
                return new Problem(
                        true,
                        FieldLimit.tooLong(
                                field, Integer.parseInt(tooLong.group(2)), Integer.parseInt(tooLong.group(1))));
            }
            return new Problem(false, text);
        } catch (SAXException | IOException unreadable) {
            validator.reset();
            validator.setErrorHandler(null);
            return new Problem(false, "the XML could not be read");
        }
    }

    private static Source source(URL url) throws IOException {
        if (url == null) {
            throw new IOException("schema not found");
        }
        InputStream in = url.openStream();
        return new StreamSource(in, url.toExternalForm());
    }
}
