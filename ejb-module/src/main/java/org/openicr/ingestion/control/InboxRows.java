package org.openicr.ingestion.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import javax.sql.DataSource;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.ingestion.entity.InboundMessage;

/**
 * The inbox rows as the live ingestion path writes them: plain SQL, one statement per message, on
 * the application's data source (so in the caller's transaction). The row is written once, at the
 * end of processing, with its raw body, its outcome and (in the same statement) the audit event of
 * its processing; its id was reserved at the start ({@link FirstAnswers}). JPA would add a
 * persistence context and change tracking for nothing here; the administrators' screens and
 * replays keep using the {@link InboundMessage} entity.
 */
@Dependent
public class InboxRows {

    static final String INSERT = "insert into inbound_message (id, received_at, account_username, source_system_id,"
            + " operation, message_id, size_bytes, raw, status, outcome, person_id, item_count, error_code,"
            + " error_reason, processed_at, duplicate_of, door) overriding system value values (?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String INSERT_WITH_EVENT =
            "with m as (" + INSERT + ") insert into audit_event " + AuditTrail.COLUMNS + " values " + AuditTrail.VALUES;

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    /**
     * Writes a message with what became of it, and the audit event of its processing when there is
     * one. The unique index on (source system, message id) for final answers refuses a second final
     * answer to a message id here (the caller's transaction then rolls back).
     */
    public void store(InboundMessage message, AuditEvent event) {
        if (message.getId() == null) {
            throw new IllegalStateException("An inbox row is written with the id reserved for it");
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(event == null ? INSERT : INSERT_WITH_EVENT)) {
            ps.setLong(1, message.getId());
            ps.setTimestamp(2, Timestamp.from(message.getReceivedAt()));
            ps.setString(3, message.getAccountUsername());
            ps.setObject(4, message.getSourceSystemId(), Types.BIGINT);
            ps.setString(5, message.getOperation());
            ps.setString(6, message.getMessageId());
            ps.setInt(7, message.getSizeBytes());
            ps.setBytes(8, message.getRaw());
            ps.setString(9, message.getStatus().name());
            ps.setString(10, message.getOutcome());
            ps.setObject(11, message.getPersonId(), Types.BIGINT);
            ps.setObject(12, message.getItemCount(), Types.INTEGER);
            ps.setString(13, message.getErrorCode());
            ps.setString(14, message.getErrorReason());
            ps.setTimestamp(15, message.getProcessedAt() == null ? null : Timestamp.from(message.getProcessedAt()));
            ps.setObject(16, message.getDuplicateOf(), Types.BIGINT);
            ps.setString(17, message.getDoor());
            if (event != null) {
                AuditTrail.bind(ps, 18, event);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The message and its outcome could not be stored", e);
        }
    }
}
