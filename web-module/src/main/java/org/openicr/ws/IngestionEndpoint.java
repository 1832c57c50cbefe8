package org.openicr.ws;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openicr.ingestion.boundary.Hl7Refusals;
import org.openicr.ingestion.boundary.Inbox;
import org.openicr.ingestion.boundary.Ingestion;
import org.openicr.ingestion.boundary.Received;
import org.openicr.ingestion.contract.DemographicsAcknowledgement;
import org.openicr.ingestion.contract.DemographicsSubmission;
import org.openicr.ingestion.contract.Hl7Acknowledgement;
import org.openicr.ingestion.contract.Hl7Message;
import org.openicr.ingestion.contract.IngestionFault;
import org.openicr.ingestion.contract.IngestionFaultDetail;
import org.openicr.ingestion.contract.IngestionPort;
import org.openicr.ingestion.contract.ItemBatch;
import org.openicr.ingestion.contract.ItemBatchAcknowledgement;
import org.openicr.ingestion.contract.ItemWithdrawal;
import org.openicr.ingestion.contract.ItemWithdrawalAcknowledgement;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * The ingestion service that source systems post to (contract: WEB-INF/wsdl/ingestion-v1.wsdl).
 * {@link InboxFilter} has already read the raw message and validated it against the schema; this
 * maps each operation to the ingestion boundary (which stores the message with its outcome) and
 * every refusal to a fault with a stable code, after storing the message as refused.
 */
@WebService(
        serviceName = "IngestionService",
        portName = "IngestionPort",
        targetNamespace = "urn:openicr:ingestion:v1",
        endpointInterface = "org.openicr.ingestion.contract.IngestionPort",
        wsdlLocation = "WEB-INF/wsdl/ingestion-v1.wsdl")
public class IngestionEndpoint implements IngestionPort {

    private static final Logger LOG = Logger.getLogger(IngestionEndpoint.class.getName());

    @Resource
    WebServiceContext context;

    @EJB
    Ingestion ingestion;

    @EJB
    Inbox inbox;

    @Override
    public DemographicsAcknowledgement submitDemographics(DemographicsSubmission body) throws IngestionFault {
        return handle(
                "SubmitDemographics", body.getMessageId(), received -> ingestion.submitDemographics(received, body));
    }

    @Override
    public ItemBatchAcknowledgement submitItems(ItemBatch body) throws IngestionFault {
        return handle("SubmitItems", body.getMessageId(), received -> ingestion.submitItems(received, body));
    }

    @Override
    public ItemWithdrawalAcknowledgement withdrawItems(ItemWithdrawal body) throws IngestionFault {
        return handle("WithdrawItems", body.getMessageId(), received -> ingestion.withdrawItems(received, body));
    }

    /**
     * HL7 v2 answers in HL7's terms rather than with faults: AA accepted (also for a message type
     * the record does not use, or one held until its person is known), AR when the message cannot
     * be read or lacks what its type requires, AE for any other refusal. The message is kept either way.
     */
    @Override
    public Hl7Acknowledgement submitHl7(Hl7Message body) throws IngestionFault {
        try {
            return handle("SubmitHl7", body.getMessageId(), received -> ingestion.submitHl7(received, body));
        } catch (IngestionFault refused) {
            IngestionFaultDetail detail = refused.getFaultInfo();
            if (ErrorCode.valueOf(detail.getCode()) == ErrorCode.NOT_PERMITTED) {
                throw refused;
            }
            Hl7Acknowledgement ack = new Hl7Acknowledgement();
            ack.setMessageId(body.getMessageId());
            boolean rejected = ErrorCode.valueOf(detail.getCode()) == ErrorCode.HL7_REJECTED;
            ack.setAcknowledgementCode(rejected ? "AR" : "AE");
            ack.setOutcome(rejected ? "REJECTED" : "ERROR");
            ack.setErrorCode(detail.getCode());
            ack.getReason().add(detail.getReason());
            ack.setAck(
                    Hl7Refusals.ack(body.getEr7(), ack.getAcknowledgementCode(), detail.getCode(), detail.getReason()));
            return ack;
        }
    }

    /**
     * Runs one operation on the received message. A failure that is not a refusal (a lost race on
     * the same message id, a deadlock) is tried once more in a new transaction before it is reported.
     */
    private <T> T handle(String operation, String messageId, Function<Received, T> work) throws IngestionFault {
        HttpServletRequest request =
                (HttpServletRequest) context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        request.setAttribute(InboxFilter.PROCESSED, Boolean.TRUE);
        Received received = (Received) request.getAttribute(InboxFilter.RECEIVED);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                return work.apply(received);
            } catch (IcrException refused) {
                throw refuse(received, operation, messageId, refused.code(), refused.reason());
            } catch (EJBAccessException denied) {
                throw refuse(received, operation, messageId, ErrorCode.NOT_PERMITTED, "This account may not submit.");
            } catch (RuntimeException unexpected) {
                last = unexpected;
            }
        }
        String reason =
                "The record could not process the message; it is kept and will be looked at. You may resend it.";
        long inboxId = inbox.reject(received, operation, messageId, ErrorCode.INTERNAL_ERROR, reason);
        LOG.log(Level.SEVERE, "Message in inbox row " + inboxId + " failed unexpectedly", last);
        throw fault(ErrorCode.INTERNAL_ERROR, reason, messageId);
    }

    private IngestionFault refuse(
            Received received, String operation, String messageId, ErrorCode code, String reason) {
        inbox.reject(received, operation, messageId, code, reason);
        return fault(code, reason, messageId);
    }

    private static IngestionFault fault(ErrorCode code, String reason, String messageId) {
        IngestionFaultDetail detail = new IngestionFaultDetail();
        detail.setCode(code.name());
        detail.setReason(reason);
        detail.setMessageId(messageId);
        return new IngestionFault(code.name() + ": " + reason, detail);
    }
}
