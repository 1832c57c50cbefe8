package org.openicr.ingestion.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.openicr.ingestion.entity.InboundMessage;
import org.openicr.ingestion.entity.MessageStatus;

/**
 * Idempotency: the first final answer given to a (source system, message id), if any other message
 * got one. Both the processing and the recording of a refusal ask it, so a repeat never gets a
 * second, different answer. One indexed query in plain SQL (the partial unique index on final
 * answers); the answer is a snapshot, not managed by JPA.
 */
@Dependent
public class FirstAnswers {

    static final String FIRST = "select id, status, outcome, error_code, error_reason from inbound_message"
            + " where source_system_id = ? and message_id = ? and status in ("
            + Arrays.stream(MessageStatus.values())
                    .filter(MessageStatus::isFinal)
                    .map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(", "))
            + ") and id <> ? order by id limit 1";

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    public Optional<InboundMessage> before(InboundMessage message) {
        if (message.getSourceSystemId() == null || message.getMessageId() == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(FIRST)) {
            ps.setLong(1, message.getSourceSystemId());
            ps.setString(2, message.getMessageId());
            ps.setLong(3, message.getId() == null ? -1L : message.getId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(InboundMessage.row(
                        rs.getLong(1),
                        null,
                        message.getSourceSystemId(),
                        message.getOperation(),
                        message.getMessageId(),
                        MessageStatus.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The idempotency check failed", e);
        }
    }
}
