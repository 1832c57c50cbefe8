package org.openicr.ingestion.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openicr.ingestion.entity.InboundMessage;
import org.openicr.ingestion.entity.MessageStatus;

/**
 * Idempotency: the first final answer given to a (source system, message id), if any other message
 * got one. Both the processing and the recording of a refusal ask it, so a repeat never gets a
 * second, different answer.
 */
@Dependent
public class FirstAnswers {

    private static final List<MessageStatus> FINAL =
            Arrays.stream(MessageStatus.values()).filter(MessageStatus::isFinal).toList();

    @PersistenceContext
    EntityManager em;

    public Optional<InboundMessage> before(InboundMessage message) {
        if (message.getSourceSystemId() == null || message.getMessageId() == null) {
            return Optional.empty();
        }
        return em.createQuery(
                        "select m from InboundMessage m where m.sourceSystemId = :source and m.messageId = :messageId"
                                + " and m.status in :statuses and m.id <> :self order by m.id",
                        InboundMessage.class)
                .setParameter("source", message.getSourceSystemId())
                .setParameter("messageId", message.getMessageId())
                .setParameter("statuses", FINAL)
                .setParameter("self", message.getId())
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
