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
 * only when its version is at least the stored one (equal versions in arrival order) and no
 * withdrawal of the same or a later version stands, so out-of-order delivery never lets an older
 * version overwrite a newer one and concurrent messages need no locks of their own. The rules are
 * {@link ItemOrdering}'s.
 */
@Dependent
public class ItemStore {

    /** One JSON-P provider: {@code Json.createObjectBuilder} would look it up (a class path scan) per item. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** What happened to one item; the names are part of the SOAP contract. */
    public enum Outcome {
        CREATED,
        UPDATED,
        /** The stored version is newer (or, for a withdrawal, the item is newer than it); nothing changed. */
        IGNORED_OLDER_VERSION,
        /** A withdrawal of the same or a later version stands; the item stays out of view. */
        IGNORED_WITHDRAWN,
        /** Partial batches only: the item is invalid (its fault code and reason say why). */
        REFUSED,
        WITHDRAWN,
        NOT_FOUND
    }

    /**
     * One item's answer. {@code faultCode} only for {@link Outcome#REFUSED}; {@code reason} for every
     * outcome that did not apply the item as sent (never patient data), else null.
     */
    public record ItemResult(String sourceKey, Outcome outcome, String faultCode, String reason) {
        public ItemResult(String sourceKey, Outcome outcome) {
            this(sourceKey, outcome, null, null);
        }

        /** Whether the sender must be told that this item was not applied as sent. */
        public boolean notApplied() {
            return outcome == Outcome.IGNORED_OLDER_VERSION
                    || outcome == Outcome.IGNORED_WITHDRAWN
                    || outcome == Outcome.REFUSED;
        }
    }

    /** One withdrawal: the key, its reason, and its version (null when sent without one). */
    public record Withdrawal(String sourceKey, String reason, Long version) {}

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
            // A withdrawal of a later version keeps the item out, and of the same version when it came
            // before the item was held (issue 21, item 2; ItemOrdering.item).
            + " where not exists (select 1 from item_tombstone b where b.source_system_id = ?"
            + " and b.source_key = t.k and (b.version > t.v or (b.version = t.v and b.before_item)))"
            + " on conflict (source_system_id, source_key) do update set category = excluded.category,"
            + " version = excluded.version, status = excluded.status, effective_at = excluded.effective_at,"
            + " effective_end = excluded.effective_end, recorded_at = excluded.recorded_at,"
            + " code_system = excluded.code_system, code = excluded.code, display = excluded.display,"
            + " text = excluded.text, sensitivity = excluded.sensitivity, details = excluded.details,"
            + " organisation_id = excluded.organisation_id, inbound_message_id = excluded.inbound_message_id,"
            + " withdrawn_at = null, withdrawn_reason = null, updated_at = now()"
            // Equal versions are ordered by arrival (issue 21, item 1): a repeat of a message id never
            // gets here, so only a new message with the same lastUpdated/MSH-7 is applied again.
            + " where record_item.version <= excluded.version and record_item.person_id = excluded.person_id"
            + " returning source_key, id, (xmax = 0) as created";

    @Resource(lookup = "java:app/jdbc/openicr")
    DataSource dataSource;

    public List<ItemResult> upsert(
            long personId, long sourceSystemId, long organisationId, long inboundMessageId, List<IncomingItem> items) {
        return upsert(personId, sourceSystemId, organisationId, inboundMessageId, items, false);
    }

    /**
     * Upserts the items in one statement. Items that the statement did not write are explained by
     * one more read (only when there are any): a key of another person is a {@code
     * SOURCE_KEY_CONFLICT}, refused for the whole message, or under {@code partial} answered for that
     * item alone; the others say whether a newer version or a withdrawal kept them out.
     */
    public List<ItemResult> upsert(
            long personId,
            long sourceSystemId,
            long organisationId,
            long inboundMessageId,
            List<IncomingItem> items,
            boolean partial) {
        Map<String, ItemResult> written = new HashMap<>();
        Map<String, Long> ids = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(UPSERT)) {
            bind(c, ps, personId, sourceSystemId, organisationId, inboundMessageId, items);
            ps.setLong(18, sourceSystemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString("source_key");
                    ids.put(key, rs.getLong("id"));
                    written.put(key, new ItemResult(key, rs.getBoolean("created") ? Outcome.CREATED : Outcome.UPDATED));
                }
            }
            List<IncomingItem> unchanged = items.stream()
                    .filter(i -> !written.containsKey(i.item().sourceKey()))
                    .toList();
            if (!unchanged.isEmpty()) {
                explain(c, sourceSystemId, personId, unchanged, partial).forEach(r -> written.put(r.sourceKey(), r));
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
        return items.stream().map(i -> written.get(i.item().sourceKey())).toList();
    }

    /**
     * Why the upsert changed nothing for these items: a key of another person (refused), a newer
     * version held, or a standing withdrawal.
     */
    private static List<ItemResult> explain(
            Connection c, long sourceSystemId, long personId, List<IncomingItem> unchanged, boolean partial)
            throws SQLException {
        Map<String, Long[]> found = new HashMap<>();
        Map<String, Boolean> beforeItem = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select k.key, r.person_id, r.version, b.version as tombstone,"
                + " b.before_item"
                + " from unnest(?::varchar[]) as k(key)"
                + " left join record_item r on r.source_system_id = ? and r.source_key = k.key"
                + " left join item_tombstone b on b.source_system_id = ? and b.source_key = k.key")) {
            ps.setArray(
                    1,
                    c.createArrayOf(
                            "varchar",
                            unchanged.stream().map(i -> i.item().sourceKey()).toArray()));
            ps.setLong(2, sourceSystemId);
            ps.setLong(3, sourceSystemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    beforeItem.put(rs.getString("key"), rs.getBoolean("before_item"));
                    found.put(rs.getString("key"), new Long[] {
                        (Long) rs.getObject("person_id"),
                        (Long) rs.getObject("version"),
                        (Long) rs.getObject("tombstone")
                    });
                }
            }
        }
        List<ItemResult> results = new ArrayList<>();
        for (IncomingItem incoming : unchanged) {
            String key = incoming.item().sourceKey();
            Long[] row = found.getOrDefault(key, new Long[3]);
            if (row[0] != null && row[0] != personId) {
                String reason = "sourceKey " + key + " is already used for another person.";
                if (!partial) {
                    throw new IcrException(ErrorCode.SOURCE_KEY_CONFLICT, reason);
                }
                results.add(new ItemResult(key, Outcome.REFUSED, ErrorCode.SOURCE_KEY_CONFLICT.name(), reason));
                continue;
            }
            long version = incoming.item().version();
            ItemOrdering.ItemDecision decision =
                    ItemOrdering.item(row[1], row[2], beforeItem.getOrDefault(key, false), version);
            if (decision == ItemOrdering.ItemDecision.APPLY) {
                // A concurrent message wrote a newer version between the upsert and this read.
                decision = ItemOrdering.ItemDecision.OLDER_THAN_STORED;
            }
            results.add(new ItemResult(
                    key,
                    decision == ItemOrdering.ItemDecision.WITHDRAWN_FIRST
                            ? Outcome.IGNORED_WITHDRAWN
                            : Outcome.IGNORED_OLDER_VERSION,
                    null,
                    ItemOrdering.reason(decision, row[1], row[2], version)));
        }
        return results;
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

    /**
     * Takes items out of view (the source no longer holds them, or the event was cancelled); never
     * deletes. Each withdrawal is decided by {@link ItemOrdering#withdrawal} against the held item
     * (locked for the decision), and leaves a tombstone at its version (or the item's) that keeps
     * older versions of the item out of view (and the same version too when the item was not held
     * yet), also when the item arrives later.
     */
    public List<ItemResult> withdraw(long sourceSystemId, long inboundMessageId, List<Withdrawal> withdrawals) {
        List<ItemResult> results = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement held = c.prepareStatement(
                        "select version from record_item where source_system_id = ? and source_key = ? for update");
                PreparedStatement withdraw = c.prepareStatement("update record_item set withdrawn_at = now(),"
                        + " withdrawn_reason = ?, updated_at = now() where source_system_id = ? and source_key = ?");
                PreparedStatement tombstone = c.prepareStatement("insert into item_tombstone (source_system_id,"
                        + " source_key, version, before_item, reason, inbound_message_id) values (?, ?, ?, ?, ?, ?)"
                        + " on conflict (source_system_id, source_key) do update set version = excluded.version,"
                        + " before_item = excluded.before_item,"
                        + " reason = excluded.reason, inbound_message_id = excluded.inbound_message_id,"
                        + " withdrawn_at = now() where item_tombstone.version <= excluded.version")) {
            for (Withdrawal w : withdrawals) {
                Long stored = null;
                held.setLong(1, sourceSystemId);
                held.setString(2, w.sourceKey());
                try (ResultSet rs = held.executeQuery()) {
                    if (rs.next()) {
                        stored = rs.getLong(1);
                    }
                }
                ItemOrdering.WithdrawalDecision decision = ItemOrdering.withdrawal(stored, w.version());
                String reason = ItemOrdering.reason(decision, stored, w.version());
                switch (decision) {
                    case WITHDRAW -> {
                        withdraw.setString(1, w.reason());
                        withdraw.setLong(2, sourceSystemId);
                        withdraw.setString(3, w.sourceKey());
                        withdraw.executeUpdate();
                        keep(
                                tombstone,
                                sourceSystemId,
                                inboundMessageId,
                                w,
                                ItemOrdering.tombstoneVersion(stored, w.version()),
                                false);
                        results.add(new ItemResult(w.sourceKey(), Outcome.WITHDRAWN));
                    }
                    case KEEP_TOMBSTONE -> {
                        keep(tombstone, sourceSystemId, inboundMessageId, w, w.version(), true);
                        results.add(new ItemResult(w.sourceKey(), Outcome.NOT_FOUND, null, reason));
                    }
                    case IGNORE_OLDER -> results.add(
                            new ItemResult(w.sourceKey(), Outcome.IGNORED_OLDER_VERSION, null, reason));
                    case NOT_FOUND -> results.add(new ItemResult(w.sourceKey(), Outcome.NOT_FOUND, null, reason));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Item withdrawal failed", e);
        }
        return results;
    }

    private static void keep(
            PreparedStatement tombstone,
            long sourceSystemId,
            long inboundMessageId,
            Withdrawal w,
            long version,
            boolean beforeItem)
            throws SQLException {
        tombstone.setLong(1, sourceSystemId);
        tombstone.setString(2, w.sourceKey());
        tombstone.setLong(3, version);
        tombstone.setBoolean(4, beforeItem);
        tombstone.setString(5, w.reason());
        tombstone.setLong(6, inboundMessageId);
        tombstone.executeUpdate();
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
