package org.openicr.ingestion.control;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openicr.ingestion.contract.ObjectFactory;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * Reads a stored raw SOAP message back into the contract's types, for an administrator's replay.
 * The parser refuses DTDs and external entities, as the inbox did when the message arrived.
 */
public final class RawMessages {

    private static final String SOAP_11 = "http://schemas.xmlsoap.org/soap/envelope/";
    /** The contract's JAXB context, built when a stored message is first read (not for one refused unread). */
    private static final class Contract {
        static final JAXBContext CONTEXT = contract();
    }

    private RawMessages() {}

    /** The body's payload: a DemographicsSubmission, ItemBatch or ItemWithdrawal. */
    public static Object payload(byte[] raw) {
        XmlShape.Result shape = XmlShape.check(raw);
        if (shape.verdict() != XmlShape.Verdict.OK) {
            // Refused unread, as the inbox refused it when it arrived (a depth bomb must not reach the parser).
            throw new IcrException(XmlShape.code(shape.verdict()), shape.reason());
        }
        if (raw.length == 0) {
            throw new IcrException(ErrorCode.MESSAGE_TOO_LARGE, "The message was too large; its body was not kept.");
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(raw));
            boolean inBody = false;
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    if (inBody) {
                        Object payload = Contract.CONTEXT.createUnmarshaller().unmarshal(reader);
                        return payload instanceof JAXBElement<?> element ? element.getValue() : payload;
                    }
                    inBody = SOAP_11.equals(reader.getNamespaceURI()) && "Body".equals(reader.getLocalName());
                }
            }
        } catch (XMLStreamException | JAXBException | RuntimeException unreadable) {
            throw new IcrException(
                    ErrorCode.SCHEMA_INVALID, "The stored message cannot be read as a SOAP message of the contract.");
        }
        throw new IcrException(ErrorCode.SCHEMA_INVALID, "The stored message has no SOAP body.");
    }

    private static JAXBContext contract() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("The ingestion contract's JAXB context cannot be built", e);
        }
    }
}
