package org.openicr.ws;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openicr.ingestion.boundary.Inbox;
import org.openicr.ingestion.boundary.Ingestion;
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
import org.openicr.platform.ErrorCode;
import org.openicr.platform.IcrException;

/**
 * The ingestion service that source systems post to (contract: WEB-INF/wsdl/ingestion-v1.wsdl).
 * {@link InboxFilter} has already stored the raw message; this maps each operation to the
 * ingestion boundary and every refusal to a fault with a stable code, after recording it on the
 * stored message. {@link InboxFilter} has also validated the request against the schema.
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
        return handle("SubmitDemographics", body.getMessageId(), id -> ingestion.submitDemographics(id, body));
    }

    @Override
    public ItemBatchAcknowledgement submitItems(ItemBatch body) throws IngestionFault {
        return handle("SubmitItems", body.getMessageId(), id -> ingestion.submitItems(id, body));
    }

    @Override
    public ItemWithdrawalAcknowledgement withdrawItems(ItemWithdrawal body) throws IngestionFault {
        return handle("WithdrawItems", body.getMessageId(), id -> ingestion.withdrawItems(id, body));
    }

    /**
     * HL7 v2 answers in HL7's terms rather than with faults: AA accepted (also for a message type
     * the record does not use, or one held until its person is known), AR when the message cannot
     * be read or lacks what its type requires, AE for any other refusal. The message is kept either way.
     */
    @Override
    public Hl7Acknowledgement submitHl7(Hl7Message body) throws IngestionFault {
        try {
            return handle("SubmitHl7", body.getMessageId(), id -> ingestion.submitHl7(id, body));
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
            return ack;
        }
    }

    /**
     * Runs one operation on the stored message. A failure that is not a refusal (a lost race on the
     * same message id, a deadlock) is tried once more in a new transaction before it is reported.
     */
    private <T> T handle(String operation, String messageId, LongFunction<T> work) throws IngestionFault {
        HttpServletRequest request =
                (HttpServletRequest) context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        request.setAttribute(InboxFilter.PROCESSED, Boolean.TRUE);
        long inboxId = (Long) request.getAttribute(InboxFilter.INBOX_ID);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                return work.apply(inboxId);
            } catch (IcrException refused) {
                throw refuse(inboxId, operation, messageId, refused.code(), refused.reason());
            } catch (EJBAccessException denied) {
                throw refuse(inboxId, operation, messageId, ErrorCode.NOT_PERMITTED, "This account may not submit.");
            } catch (RuntimeException unexpected) {
                last = unexpected;
            }
        }
        LOG.log(Level.SEVERE, "Message in inbox row " + inboxId + " failed unexpectedly", last);
        throw refuse(
                inboxId,
                operation,
                messageId,
                ErrorCode.INTERNAL_ERROR,
                "The record could not process the message; it is kept and will be looked at. You may resend it.");
    }

    private IngestionFault refuse(long inboxId, String operation, String messageId, ErrorCode code, String reason) {
        inbox.reject(inboxId, operation, messageId, code, reason);
        IngestionFaultDetail detail = new IngestionFaultDetail();
        detail.setCode(code.name());
        detail.setReason(reason);
        detail.setMessageId(messageId);
        return new IngestionFault(code.name() + ": " + reason, detail);
    }
}
