package org.openicr.ingestion.mllp;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openicr.ingestion.boundary.Hl7Refusals;
import org.openicr.ingestion.boundary.Inbox;
import org.openicr.ingestion.boundary.Ingestion;
import org.openicr.ingestion.boundary.Received;
import org.openicr.ingestion.contract.Hl7Message;
import org.openicr.ingestion.control.Sources;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * One HL7 v2 message received over MLLP, answered with its ACK (ER7 text). The sender is resolved
 * from MSH-3/MSH-4 and the client's address ({@link MllpSettings}); then the message goes through
 * exactly the SOAP door's path ({@link Ingestion#submitHl7OverMllp}: the same processor, raw-first
 * inbox row, idempotency on (source, MSH-10) and audit) and its refusals through {@link Inbox}, as
 * the SOAP endpoint does. Not in a transaction itself: each of those calls commits before it
 * returns, so the ACK is written to the socket only after its message is committed.
 */
@Stateless
@PermitAll
@RunAs(Roles.MLLP_LISTENER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MllpIntake {

    private static final Logger LOG = Logger.getLogger(MllpIntake.class.getName());

    /** The operation an HL7 v2 message is stored under, by either door (the door is kept apart). */
    static final String OPERATION = "SubmitHl7";

    @EJB
    Ingestion ingestion;

    @EJB
    Inbox inbox;

    @Inject
    Sources sources;

    /** Answers one message received at {@code receivedAt} from {@code client} under these settings. */
    public String answer(String er7, InetAddress client, Instant receivedAt, MllpSettings settings) {
        byte[] raw = er7.getBytes(StandardCharsets.UTF_8);
        Received received = new Received(raw, raw.length, receivedAt);
        MllpHeader header = MllpHeader.of(er7);
        String name = header.sendingApplication() + "^" + header.sendingFacility();
        Optional<MllpSettings.Sender> sender = settings.sender(header.sendingApplication(), header.sendingFacility());
        if (sender.isEmpty()) {
            return refuse(
                    null,
                    received,
                    er7,
                    header,
                    ErrorCode.UNKNOWN_SOURCE,
                    "The sender " + name + " (MSH-3^MSH-4) is not registered to send over MLLP.");
        }
        if (!sender.get().allows(client)) {
            // Not stored under the source: a message from an address not allowed must not take up
            // the source's message id (idempotency) nor speak for it.
            return refuse(
                    null,
                    received,
                    er7,
                    header,
                    ErrorCode.NOT_PERMITTED,
                    "The sender " + name + " may not send from address " + client.getHostAddress() + ".");
        }
        Optional<String> account = sources.accountOfCode(sender.get().sourceCode());
        if (account.isEmpty()) {
            return refuse(
                    null,
                    received,
                    er7,
                    header,
                    ErrorCode.UNKNOWN_SOURCE,
                    "The sender " + name + " is set to send as source "
                            + sender.get().sourceCode() + ", which is not a registered source system.");
        }
        Hl7Message body = new Hl7Message();
        body.setEr7(er7);
        RuntimeException last = null;
        // As the SOAP endpoint: a failure that is not a refusal (a lost race on the same message id,
        // a deadlock) is tried once more in a new transaction before it is reported.
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                return ingestion
                        .submitHl7OverMllp(account.get(), received, body)
                        .getAck();
            } catch (IcrException refused) {
                return refuse(account.get(), received, er7, header, refused.code(), refused.reason());
            } catch (RuntimeException unexpected) {
                last = unexpected;
            }
        }
        String reason =
                "The record could not process the message; it is kept and will be looked at. You may resend it.";
        long inboxId = inbox.rejectOverMllp(
                account.get(), received, OPERATION, header.controlId(), ErrorCode.INTERNAL_ERROR, reason);
        LOG.log(Level.SEVERE, "MLLP message in inbox row " + inboxId + " failed unexpectedly", last);
        return Hl7Refusals.ack(er7, "AE", ErrorCode.INTERNAL_ERROR.name(), reason);
    }

    /**
     * Stores the message as refused (under its source's account, or none when the sender was not
     * resolved) and answers AR when it cannot be read, lacks what its type requires or its sender is
     * not resolved, else AE: as {@code IngestionEndpoint.submitHl7} does over SOAP.
     */
    private String refuse(
            String account, Received received, String er7, MllpHeader header, ErrorCode code, String reason) {
        inbox.rejectOverMllp(account, received, OPERATION, header.controlId(), code, reason);
        boolean rejected =
                code == ErrorCode.HL7_REJECTED || code == ErrorCode.UNKNOWN_SOURCE || code == ErrorCode.NOT_PERMITTED;
        return Hl7Refusals.ack(er7, rejected ? "AR" : "AE", code.name(), reason);
    }
}
