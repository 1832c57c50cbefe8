package org.openicr.ingestion.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.ingestion.contract.DemographicsAcknowledgement;
import org.openicr.ingestion.contract.DemographicsSubmission;
import org.openicr.ingestion.contract.Hl7Acknowledgement;
import org.openicr.ingestion.contract.Hl7Message;
import org.openicr.ingestion.contract.ItemBatch;
import org.openicr.ingestion.contract.ItemBatchAcknowledgement;
import org.openicr.ingestion.contract.ItemWithdrawal;
import org.openicr.ingestion.contract.ItemWithdrawalAcknowledgement;
import org.openicr.ingestion.contract.PatientReference;
import org.openicr.ingestion.control.InboxRows;
import org.openicr.ingestion.control.MessageProcessor;
import org.openicr.ingestion.control.Sources;
import org.openicr.ingestion.control.SubmittingSource;
import org.openicr.ingestion.entity.InboundMessage;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.NhsNumber;

/**
 * What source systems call (through the SOAP endpoint), one method per operation. Each processes a
 * message as received and writes it to the inbox with its outcome and audit event, all in one
 * transaction that the acknowledgement follows ({@link InboxRows}; a refusal rolls it back and the
 * message is stored as refused by {@link Inbox}).
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

    public DemographicsAcknowledgement submitDemographics(Received received, DemographicsSubmission body) {
        Processing processing = new Processing(received);
        DemographicsAcknowledgement ack = processor.demographics(
                processing.message, processing.source(body.getMessageId(), null), body, processing);
        processing.store();
        return ack;
    }

    public ItemBatchAcknowledgement submitItems(Received received, ItemBatch body) {
        Processing processing = new Processing(received);
        ItemBatchAcknowledgement ack = processor.items(
                processing.message,
                processing.source(body.getMessageId(), nhsNumberOf(body.getPatient())),
                body,
                processing,
                received.itemFaults());
        processing.store();
        return ack;
    }

    public ItemWithdrawalAcknowledgement withdrawItems(Received received, ItemWithdrawal body) {
        Processing processing = new Processing(received);
        ItemWithdrawalAcknowledgement ack = processor.withdrawals(
                processing.message, processing.source(body.getMessageId(), null), body, processing);
        processing.store();
        return ack;
    }

    public Hl7Acknowledgement submitHl7(Received received, Hl7Message body) {
        Processing processing = new Processing(received);
        Hl7Acknowledgement ack =
                processor.hl7(processing.message, processing.source(body.getMessageId(), null), body, processing);
        processing.store();
        return ack;
    }

    /**
     * HL7 v2 received over MLLP, processed exactly as {@link #submitHl7} (same processor, inbox row
     * and audit), as the source system whose account is {@code account}: the MLLP listener resolved
     * it from MSH-3/MSH-4 and the client's address. Only the listener's role may call this.
     */
    @RolesAllowed(Roles.MLLP_LISTENER)
    public Hl7Acknowledgement submitHl7OverMllp(String account, Received received, Hl7Message body) {
        Processing processing = new Processing(InboundMessage.MLLP, account, received);
        Hl7Acknowledgement ack =
                processor.hl7(processing.message, processing.source(body.getMessageId(), null), body, processing);
        processing.store();
        return ack;
    }

    /** The NHS Number a batch is for, when it is a valid one (looked up with the source). */
    private static NhsNumber nhsNumberOf(PatientReference patient) {
        return patient == null ? null : NhsNumber.parse(patient.getNhsNumber()).orElse(null);
    }

    /** One message being processed: the row to write, and the audit event its processing produced. */
    private final class Processing implements Consumer<AuditEvent> {
        final InboundMessage message;
        final String account;
        AuditEvent event;

        Processing(Received received) {
            this(InboundMessage.SOAP, session.getCallerPrincipal().getName(), received);
        }

        Processing(String door, String account, Received received) {
            this.account = account;
            this.message =
                    InboundMessage.received(door, account, received.raw(), received.sizeBytes(), received.receivedAt());
        }

        @Override
        public void accept(AuditEvent processed) {
            if (event != null) {
                throw new IllegalStateException("One message, one audit event of its processing");
            }
            event = processed;
        }

        /**
         * The caller's source system; the same statement reserves the message's inbox id, looks up
         * the first answer to the message id it gives and the person {@code nhsNumber} (if any) leads to.
         */
        SubmittingSource source(String messageId, NhsNumber nhsNumber) {
            return sources.permittedFor(account, message, messageId, nhsNumber);
        }

        void store() {
            rows.store(message, event);
        }
    }
}
