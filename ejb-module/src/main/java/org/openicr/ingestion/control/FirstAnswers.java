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
 * answers); the answer is a snapshot, not managed by JPA. For a message not yet written to the inbox
 * the same statement reserves its inbox id (the row is written with the outcome at the end of the
 * transaction; what processing writes before that refers to the id).
 */
@Dependent
public class FirstAnswers {

    private static final String FINAL = Arrays.stream(MessageStatus.values())
            .filter(MessageStatus::isFinal)
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", "));

    static final String FIRST = "select id as first_id, status as first_status, outcome as first_outcome,"
            + " error_code as first_error_code, error_reason as first_error_reason from inbound_message"
            + " where source_system_id = ? and message_id = ? and status in (" + FINAL + ")"
            + " and id <> ? order by id limit 1";

    /** The identity sequence of inbound_message.id (PostgreSQL's name for it: table_column_seq). */
    static final String ID_SEQUENCE = "inbound_message_id_seq";

    /**
     * The first final answer as a lateral join named f (id, status, outcome, error_code, error_reason),
     * for the source system in {@code sourceColumn} and the message id in the one parameter.
     */
    static String firstAnswerJoin(String sourceColumn) {
        return " left join lateral (select id, status, outcome, error_code, error_reason from inbound_message"
                + " where source_system_id = " + sourceColumn + " and message_id = ? and status in (" + FINAL + ")"
                + " order by id limit 1) f on true";
    }

    /**
     * The reserved inbox id ({@value #RESERVED_ID}), then the first answer's columns ({@link #first}),
     * each under its own name so a statement that splices them in reads them by name, wherever they
     * fall.
     */
    static final String RESERVED_AND_FIRST_COLUMNS = "nextval('" + ID_SEQUENCE + "') as reserved_id,"
            + " f.id as first_id, f.status as first_status, f.outcome as first_outcome,"
            + " f.error_code as first_error_code, f.error_reason as first_error_reason";

    /** The column of {@link #RESERVED_AND_FIRST_COLUMNS} holding the reserved inbox id. */
    static final String RESERVED_ID = "reserved_id";

    static final String RESERVE_AND_FIRST =
            "select " + RESERVED_AND_FIRST_COLUMNS + " from (select 1) one" + firstAnswerJoin("?");

    static final String RESERVE = "select nextval('" + ID_SEQUENCE + "')";

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    /**
     * The first final answer to the message's (source system, message id) other than its own; a
     * message without an id gets one reserved.
     */
    public Optional<InboundMessage> before(InboundMessage message) {
        if (message.firstAnswerKnown()) {
            return message.knownFirstAnswer();
        }
        if (message.getSourceSystemId() == null || message.getMessageId() == null) {
            reserveId(message);
            return Optional.empty();
        }
        boolean reserve = message.getId() == null;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(reserve ? RESERVE_AND_FIRST : FIRST)) {
            ps.setLong(1, message.getSourceSystemId());
            ps.setString(2, message.getMessageId());
            if (!reserve) {
                ps.setLong(3, message.getId());
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (reserve) {
                    message.assignId(rs.getLong(RESERVED_ID));
                }
                return first(rs, message.getSourceSystemId(), message.getMessageId());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The idempotency check failed", e);
        }
    }

    /**
     * The first answer in the columns first_id ... first_error_reason (read by name, wherever a
     * statement puts them); empty when first_id is null.
     */
    static Optional<InboundMessage> first(ResultSet rs, Long sourceId, String messageId) throws SQLException {
        long firstId = rs.getLong("first_id");
        if (rs.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(InboundMessage.firstAnswer(
                firstId,
                sourceId,
                messageId,
                MessageStatus.valueOf(rs.getString("first_status")),
                rs.getString("first_outcome"),
                rs.getString("first_error_code"),
                rs.getString("first_error_reason")));
    }

    /** Reserves an inbox id for a message that has none (one that could not be identified). */
    public void reserveId(InboundMessage message) {
        if (message.getId() != null) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(RESERVE);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            message.assignId(rs.getLong(1)); // the statement's one column
        } catch (SQLException e) {
            throw new IllegalStateException("No inbox id could be reserved", e);
        }
    }
}
