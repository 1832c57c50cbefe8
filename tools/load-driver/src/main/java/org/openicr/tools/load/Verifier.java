package org.openicr.tools.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The durability check: every message the service acknowledged must have its inbox row in status
 * ACCEPTED and every one of its items in record_item. An acknowledgement is a promise that the
 * message is committed; after a kill -9 of the server nothing acknowledged may be missing.
 */
public final class Verifier {

    private static final int CHUNK = 1000;

    /** The outcome; {@code missingSamples} names a few missing message ids for the investigator. */
    public record Result(
            int acknowledged,
            int acceptedRows,
            int missingMessages,
            long expectedItems,
            long missingItems,
            List<String> missingSamples) {}

    public Result verify(Connection c, String sourceUsername, List<AckLog.Entry> acked) throws SQLException {
        long sourceId = sourceId(c, sourceUsername);
        Set<String> accepted = new HashSet<>();
        Set<String> items = new HashSet<>();
        List<String> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (AckLog.Entry entry : acked) {
            ids.add(entry.messageId());
            keys.addAll(entry.sourceKeys());
        }
        for (List<String> chunk : chunks(ids)) {
            accepted.addAll(strings(
                    c,
                    "select message_id from inbound_message where source_system_id = ? and message_id = any(?)"
                            + " and status = 'ACCEPTED'",
                    sourceId,
                    chunk));
        }
        for (List<String> chunk : chunks(keys)) {
            items.addAll(strings(
                    c,
                    "select source_key from record_item where source_system_id = ? and source_key = any(?)"
                            + " and withdrawn_at is null",
                    sourceId,
                    chunk));
        }
        int missingMessages = 0;
        long missingItems = 0;
        List<String> samples = new ArrayList<>();
        for (AckLog.Entry entry : acked) {
            long itemsMissing =
                    entry.sourceKeys().stream().filter(k -> !items.contains(k)).count();
            missingItems += itemsMissing;
            if (!accepted.contains(entry.messageId()) || itemsMissing > 0) {
                missingMessages++;
                if (samples.size() < 5) {
                    samples.add(entry.messageId());
                }
            }
        }
        return new Result(acked.size(), accepted.size(), missingMessages, keys.size(), missingItems, samples);
    }

    /**
     * This run's SubmitItems (or, over MLLP, SubmitHl7) messages that the server accepted, acknowledged or not: more than were
     * acknowledged means some were committed but their answer never reached the driver (in flight
     * at the kill), which is allowed; a source resends them and gets the same answer.
     */
    public long acceptedWithPrefix(Connection c, String sourceUsername, String messageIdPrefix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from inbound_message where source_system_id = ?"
                + " and operation in ('SubmitItems', 'SubmitHl7') and status = 'ACCEPTED'"
                + " and starts_with(message_id, ?)")) {
            ps.setLong(1, sourceId(c, sourceUsername));
            ps.setString(2, messageIdPrefix);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The settings an acknowledgement's durability rests on, and how much data the database holds
     * (the data size a figure was measured at).
     */
    public List<String> describe(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select current_setting('server_version'),"
                        + " current_setting('fsync'), current_setting('synchronous_commit'),"
                        + " current_setting('full_page_writes'), (select count(*) from person),"
                        + " (select count(*) from record_item), (select count(*) from inbound_message),"
                        + " pg_size_pretty(pg_database_size(current_database()))");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            lines.add("PostgreSQL " + rs.getString(1) + ": fsync=" + rs.getString(2) + ", synchronous_commit="
                    + rs.getString(3) + ", full_page_writes=" + rs.getString(4));
            lines.add("database holds " + rs.getLong(5) + " people, " + rs.getLong(6) + " record items, "
                    + rs.getLong(7) + " inbound messages (" + rs.getString(8) + ")");
        }
        return lines;
    }

    private static long sourceId(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select s.id from source_system s"
                + " join user_account a on a.id = s.user_account_id where a.username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no source system for account " + username);
                }
                return rs.getLong(1);
            }
        }
    }

    private static List<String> strings(Connection c, String sql, long sourceId, List<String> values)
            throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("varchar", values.toArray());
            ps.setLong(1, sourceId);
            ps.setArray(2, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            array.free();
        }
        return found;
    }

    private static List<List<String>> chunks(List<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += CHUNK) {
            chunks.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
        }
        return chunks;
    }
}
