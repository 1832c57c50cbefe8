package org.openicr.ingestion.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.openicr.ingestion.entity.InboundMessage;
import org.openicr.ingestion.entity.MessageStatus;

/**
 * The inbox rows as the live ingestion path reads and writes them: plain SQL, one statement each,
 * on the application's data source (so in the caller's transaction). JPA would add a persistence
 * context, change tracking and a read of the raw body for nothing here; the administrators' screens
 * and replays keep using the {@link InboundMessage} entity.
 */
@Dependent
public class InboxRows {

    static final String INSERT = "insert into inbound_message (received_at, account_username, size_bytes, raw, status)"
            + " values (?, ?, ?, ?, 'RECEIVED') returning id";

    static final String LOAD = "select account_username, source_system_id, operation, message_id, status, outcome,"
            + " error_code, error_reason from inbound_message where id = ?";

    static final String SAVE = "update inbound_message set source_system_id = ?, operation = ?, message_id = ?,"
            + " status = ?, outcome = ?, person_id = ?, item_count = ?, error_code = ?, error_reason = ?,"
            + " processed_at = ?, duplicate_of = ? where id = ?";

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    /** Stores a body as received; answers its inbox id. */
    public long insert(String accountUsername, byte[] raw, int sizeBytes) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, accountUsername);
            ps.setInt(3, sizeBytes);
            ps.setBytes(4, raw);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The message could not be stored", e);
        }
    }

    /** The stored message without its raw body, not managed by JPA; empty when there is no such row. */
    public Optional<InboundMessage> load(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(LOAD)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(InboundMessage.row(
                        id,
                        rs.getString(1),
                        (Long) rs.getObject(2, Long.class),
                        rs.getString(3),
                        rs.getString(4),
                        MessageStatus.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The stored message could not be read", e);
        }
    }

    /**
     * Writes what processing made of a message read with {@link #load}. The unique index on (source
     * system, message id) for final answers refuses a second final answer to a message id here.
     */
    public void save(InboundMessage message) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SAVE)) {
            ps.setObject(1, message.getSourceSystemId(), Types.BIGINT);
            ps.setString(2, message.getOperation());
            ps.setString(3, message.getMessageId());
            ps.setString(4, message.getStatus().name());
            ps.setString(5, message.getOutcome());
            ps.setObject(6, message.getPersonId(), Types.BIGINT);
            ps.setObject(7, message.getItemCount(), Types.INTEGER);
            ps.setString(8, message.getErrorCode());
            ps.setString(9, message.getErrorReason());
            ps.setTimestamp(10, message.getProcessedAt() == null ? null : Timestamp.from(message.getProcessedAt()));
            ps.setObject(11, message.getDuplicateOf(), Types.BIGINT);
            ps.setLong(12, message.getId());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("Inbox row " + message.getId() + " was not found to update");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The message's outcome could not be stored", e);
        }
    }
}
