package org.openicr.ingestion.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.openicr.ingestion.control.ContractMapping.IncomingItem;
import org.openicr.record.entity.ItemSubmission;
import org.openicr.vocabulary.ErrorCode;
import org.openicr.vocabulary.IcrException;

/**
 * Writes record items. Each item is upserted on (source system, source key) in one statement, and
 * only when its version is newer than the stored one, so out-of-order delivery never lets an older
 * version overwrite a newer one and concurrent messages need no locks of their own.
 */
@Dependent
public class ItemStore {

    /** One JSON-P provider: {@code Json.createObjectBuilder} would look it up (a class path scan) per item. */
    private static final JsonProvider JSON = JsonProvider.provider();

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

    /**
     * All items of a message in one statement: the rows come from parallel arrays (unnest), so a
     * 50-item batch costs one round trip, not fifty.
     */
    private static final String UPSERT = "insert into record_item (person_id, source_system_id, organisation_id,"
            + " source_key, category, version, status, effective_at, effective_end, recorded_at, code_system, code,"
            + " display, text, sensitivity, details, inbound_message_id)"
            + " select ?, ?, ?, t.k, t.c, t.v, t.st, t.ea, t.ee, t.ra, t.cs, t.cd, t.dp, t.tx, t.se, t.dt::jsonb, ?"
            + " from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::timestamptz[],"
            + " ?::timestamptz[], ?::timestamptz[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[],"
            + " ?::varchar[], ?::text[]) as t(k, c, v, st, ea, ee, ra, cs, cd, dp, tx, se, dt)"
            + " on conflict (source_system_id, source_key) do update set category = excluded.category,"
            + " version = excluded.version, status = excluded.status, effective_at = excluded.effective_at,"
            + " effective_end = excluded.effective_end, recorded_at = excluded.recorded_at,"
            + " code_system = excluded.code_system, code = excluded.code, display = excluded.display,"
            + " text = excluded.text, sensitivity = excluded.sensitivity, details = excluded.details,"
            + " organisation_id = excluded.organisation_id, inbound_message_id = excluded.inbound_message_id,"
            + " withdrawn_at = null, withdrawn_reason = null, updated_at = now()"
            + " where record_item.version < excluded.version and record_item.person_id = excluded.person_id"
            + " returning source_key, id, (xmax = 0) as created";

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    public List<ItemResult> upsert(
            long personId, long sourceSystemId, long organisationId, long inboundMessageId, List<IncomingItem> items) {
        Map<String, ItemResult> written = new HashMap<>();
        Map<String, Long> ids = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(UPSERT)) {
            bind(c, ps, personId, sourceSystemId, organisationId, inboundMessageId, items);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString("source_key");
                    ids.put(key, rs.getLong("id"));
                    written.put(key, new ItemResult(key, rs.getBoolean("created") ? Outcome.CREATED : Outcome.UPDATED));
                }
            }
            List<String> unchanged = items.stream()
                    .map(i -> i.item().sourceKey())
                    .filter(key -> !written.containsKey(key))
                    .toList();
            if (!unchanged.isEmpty()) {
                refuseKeysOfOtherPersons(c, sourceSystemId, unchanged, personId);
            }
            for (IncomingItem incoming : items) {
                Long itemId = ids.get(incoming.item().sourceKey());
                if (itemId != null && incoming.content() != null) {
                    storeContent(c, itemId, incoming);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item upsert failed", e);
        }
        return items.stream()
                .map(i -> written.getOrDefault(
                        i.item().sourceKey(), new ItemResult(i.item().sourceKey(), Outcome.IGNORED_OLDER_VERSION)))
                .toList();
    }

    /** An upsert that changed nothing: an older version, unless the key belongs to another person. */
    private static void refuseKeysOfOtherPersons(Connection c, long sourceSystemId, List<String> keys, long personId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select source_key from record_item where source_system_id = ?"
                + " and source_key = any(?) and person_id <> ? limit 1")) {
            ps.setLong(1, sourceSystemId);
            ps.setArray(2, c.createArrayOf("varchar", keys.toArray()));
            ps.setLong(3, personId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new IcrException(
                            ErrorCode.SOURCE_KEY_CONFLICT,
                            "sourceKey " + rs.getString("source_key") + " is already used for another person.");
                }
            }
        }
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
            Connection c,
            PreparedStatement ps,
            long personId,
            long sourceSystemId,
            long organisationId,
            long inboundMessageId,
            List<IncomingItem> incoming)
            throws SQLException {
        int n = incoming.size();
        String[] keys = new String[n];
        String[] categories = new String[n];
        Long[] versions = new Long[n];
        String[] statuses = new String[n];
        Timestamp[] effectiveAt = new Timestamp[n];
        Timestamp[] effectiveEnd = new Timestamp[n];
        Timestamp[] recordedAt = new Timestamp[n];
        String[] systems = new String[n];
        String[] codes = new String[n];
        String[] displays = new String[n];
        String[] texts = new String[n];
        String[] sensitivities = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            ItemSubmission item = incoming.get(i).item();
            keys[i] = item.sourceKey();
            categories[i] = item.category().name();
            versions[i] = item.version();
            statuses[i] = item.status();
            effectiveAt[i] = timestamp(item.effectiveAt());
            effectiveEnd[i] = timestamp(item.effectiveEnd());
            recordedAt[i] = timestamp(item.recordedAt());
            systems[i] = item.code() == null ? null : item.code().system().name();
            codes[i] = item.code() == null ? null : item.code().code();
            displays[i] = item.code() == null ? null : item.code().display();
            texts[i] = item.text();
            sensitivities[i] = item.sensitivity().name();
            details[i] = json(item.details());
        }
        ps.setLong(1, personId);
        ps.setLong(2, sourceSystemId);
        ps.setLong(3, organisationId);
        ps.setLong(4, inboundMessageId);
        ps.setArray(5, c.createArrayOf("varchar", keys));
        ps.setArray(6, c.createArrayOf("varchar", categories));
        ps.setArray(7, c.createArrayOf("bigint", versions));
        ps.setArray(8, c.createArrayOf("varchar", statuses));
        ps.setArray(9, c.createArrayOf("timestamptz", effectiveAt));
        ps.setArray(10, c.createArrayOf("timestamptz", effectiveEnd));
        ps.setArray(11, c.createArrayOf("timestamptz", recordedAt));
        ps.setArray(12, c.createArrayOf("varchar", systems));
        ps.setArray(13, c.createArrayOf("varchar", codes));
        ps.setArray(14, c.createArrayOf("varchar", displays));
        ps.setArray(15, c.createArrayOf("text", texts));
        ps.setArray(16, c.createArrayOf("varchar", sensitivities));
        ps.setArray(17, c.createArrayOf("text", details));
    }

    static String json(Map<String, String> details) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        new TreeMap<>(details).forEach(object::add);
        return object.build().toString();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
