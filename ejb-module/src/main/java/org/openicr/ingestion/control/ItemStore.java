package org.openicr.ingestion.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.openicr.ingestion.control.ContractMapping.IncomingItem;
import org.openicr.platform.ErrorCode;
import org.openicr.platform.IcrException;
import org.openicr.record.entity.ItemSubmission;

/**
 * Writes record items. Each item is upserted on (source system, source key) in one statement, and
 * only when its version is newer than the stored one, so out-of-order delivery never lets an older
 * version overwrite a newer one and concurrent messages need no locks of their own.
 */
@Dependent
public class ItemStore {

    /** What happened to one item; the names are part of the SOAP contract. */
    public enum Outcome {
        CREATED,
        UPDATED,
        /** The stored version is the same or newer; nothing changed. */
        IGNORED_OLDER_VERSION,
        WITHDRAWN,
        NOT_FOUND
    }

    public record ItemResult(String sourceKey, Outcome outcome) {}

    private static final String UPSERT = "insert into record_item (person_id, source_system_id, organisation_id,"
            + " source_key, category, version, status, effective_at, effective_end, recorded_at, code_system, code,"
            + " display, text, sensitivity, details, inbound_message_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)"
            + " on conflict (source_system_id, source_key) do update set category = excluded.category,"
            + " version = excluded.version, status = excluded.status, effective_at = excluded.effective_at,"
            + " effective_end = excluded.effective_end, recorded_at = excluded.recorded_at,"
            + " code_system = excluded.code_system, code = excluded.code, display = excluded.display,"
            + " text = excluded.text, sensitivity = excluded.sensitivity, details = excluded.details,"
            + " organisation_id = excluded.organisation_id, inbound_message_id = excluded.inbound_message_id,"
            + " withdrawn_at = null, withdrawn_reason = null, updated_at = now()"
            + " where record_item.version < excluded.version and record_item.person_id = excluded.person_id"
            + " returning id, (xmax = 0)";

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    public List<ItemResult> upsert(
            long personId, long sourceSystemId, long organisationId, long inboundMessageId, List<IncomingItem> items) {
        List<ItemResult> results = new ArrayList<>(items.size());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (IncomingItem incoming : items) {
                ItemSubmission item = incoming.item();
                bind(ps, personId, sourceSystemId, organisationId, inboundMessageId, item);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long itemId = rs.getLong(1);
                        results.add(
                                new ItemResult(item.sourceKey(), rs.getBoolean(2) ? Outcome.CREATED : Outcome.UPDATED));
                        if (incoming.content() != null) {
                            storeContent(c, itemId, incoming);
                        }
                    } else {
                        results.add(new ItemResult(item.sourceKey(), notUpdated(c, sourceSystemId, item, personId)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item upsert failed", e);
        }
        return results;
    }

    /** Why an upsert changed nothing: an older version, or the key already belongs to another person. */
    private static Outcome notUpdated(Connection c, long sourceSystemId, ItemSubmission item, long personId)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select person_id from record_item where source_system_id = ? and source_key = ?")) {
            ps.setLong(1, sourceSystemId);
            ps.setString(2, item.sourceKey());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) != personId) {
                    throw new IcrException(
                            ErrorCode.SOURCE_KEY_CONFLICT,
                            "sourceKey " + item.sourceKey() + " is already used for another person.");
                }
            }
        }
        return Outcome.IGNORED_OLDER_VERSION;
    }

    private static void storeContent(Connection c, long itemId, IncomingItem incoming) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into document_content (item_id, content_type, data)"
                + " values (?, ?, ?) on conflict (item_id) do update set content_type = excluded.content_type,"
                + " data = excluded.data")) {
            ps.setLong(1, itemId);
            ps.setString(2, incoming.content().contentType());
            ps.setBytes(3, incoming.content().data());
            ps.executeUpdate();
        }
    }

    /** Takes items out of view (the source no longer holds them, or the event was cancelled); never deletes. */
    public List<ItemResult> withdraw(long sourceSystemId, Map<String, String> reasonBySourceKey) {
        List<ItemResult> results = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("update record_item set withdrawn_at = now(),"
                        + " withdrawn_reason = ?, updated_at = now() where source_system_id = ? and source_key = ?")) {
            for (Map.Entry<String, String> withdrawal : reasonBySourceKey.entrySet()) {
                ps.setString(1, withdrawal.getValue());
                ps.setLong(2, sourceSystemId);
                ps.setString(3, withdrawal.getKey());
                int rows = ps.executeUpdate();
                results.add(new ItemResult(withdrawal.getKey(), rows == 1 ? Outcome.WITHDRAWN : Outcome.NOT_FOUND));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item withdrawal failed", e);
        }
        return results;
    }

    private static void bind(
            PreparedStatement ps,
            long personId,
            long sourceSystemId,
            long organisationId,
            long inboundMessageId,
            ItemSubmission item)
            throws SQLException {
        ps.setLong(1, personId);
        ps.setLong(2, sourceSystemId);
        ps.setLong(3, organisationId);
        ps.setString(4, item.sourceKey());
        ps.setString(5, item.category().name());
        ps.setLong(6, item.version());
        ps.setString(7, item.status());
        timestamp(ps, 8, item.effectiveAt());
        timestamp(ps, 9, item.effectiveEnd());
        timestamp(ps, 10, item.recordedAt());
        ps.setString(11, item.code() == null ? null : item.code().system().name());
        ps.setString(12, item.code() == null ? null : item.code().code());
        ps.setString(13, item.code() == null ? null : item.code().display());
        ps.setString(14, item.text());
        ps.setString(15, item.sensitivity().name());
        ps.setString(16, json(item.details()));
        ps.setLong(17, inboundMessageId);
    }

    static String json(Map<String, String> details) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        new TreeMap<>(details).forEach(object::add);
        return object.build().toString();
    }

    private static void timestamp(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(index, Timestamp.from(instant));
        }
    }
}
