package org.openicr.ingestion.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.openicr.ingestion.contract.DemographicsAcknowledgement;
import org.openicr.ingestion.contract.DemographicsSubmission;
import org.openicr.ingestion.contract.Hl7Acknowledgement;
import org.openicr.ingestion.contract.Hl7Message;
import org.openicr.ingestion.contract.ItemBatch;
import org.openicr.ingestion.contract.ItemBatchAcknowledgement;
import org.openicr.ingestion.contract.ItemWithdrawal;
import org.openicr.ingestion.contract.ItemWithdrawalAcknowledgement;
import org.openicr.ingestion.control.InboxRows;
import org.openicr.ingestion.control.MessageProcessor;
import org.openicr.ingestion.control.Sources;
import org.openicr.ingestion.control.SubmittingSource;
import org.openicr.ingestion.entity.InboundMessage;
import org.openicr.platform.ErrorCode;
import org.openicr.platform.IcrException;
import org.openicr.platform.Roles;

/**
 * What source systems call (through the SOAP endpoint), one method per operation. Each processes a
 * message already stored raw in the inbox, in one transaction that the acknowledgement follows. The
 * inbox row is read and written back with plain SQL ({@link InboxRows}), without its raw body.
 */
@Stateless
@RolesAllowed(Roles.SOURCE_SYSTEM)
public class Ingestion {

    @Resource
    SessionContext session;

    @Inject
    Sources sources;

    @Inject
    MessageProcessor processor;

    @Inject
    InboxRows rows;

    public DemographicsAcknowledgement submitDemographics(long inboxId, DemographicsSubmission body) {
        InboundMessage message = stored(inboxId);
        DemographicsAcknowledgement ack = processor.demographics(message, source(), body);
        rows.save(message);
        return ack;
    }

    public ItemBatchAcknowledgement submitItems(long inboxId, ItemBatch body) {
        InboundMessage message = stored(inboxId);
        ItemBatchAcknowledgement ack = processor.items(message, source(), body);
        rows.save(message);
        return ack;
    }

    public ItemWithdrawalAcknowledgement withdrawItems(long inboxId, ItemWithdrawal body) {
        InboundMessage message = stored(inboxId);
        ItemWithdrawalAcknowledgement ack = processor.withdrawals(message, source(), body);
        rows.save(message);
        return ack;
    }

    public Hl7Acknowledgement submitHl7(long inboxId, Hl7Message body) {
        InboundMessage message = stored(inboxId);
        Hl7Acknowledgement ack = processor.hl7(message, source(), body);
        rows.save(message);
        return ack;
    }

    private SubmittingSource source() {
        return sources.permittedFor(session.getCallerPrincipal().getName());
    }

    private InboundMessage stored(long inboxId) {
        InboundMessage message = rows.load(inboxId).orElse(null);
        if (message == null
                || !message.getAccountUsername()
                        .equals(session.getCallerPrincipal().getName())) {
            throw new IcrException(ErrorCode.INTERNAL_ERROR, "The message was not stored before processing.");
        }
        return message;
    }
}
