package org.openicr.consent.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.openicr.platform.NativeRows;

/**
 * The SQL of the local ICR opt-out: the person's flag and the kept history of changes. Runs on the
 * caller's persistence context, so its statements share the transaction and connection of the
 * entities and audit event around them. Rows are read by column name ({@link NativeRows}) into
 * {@link Event}.
 */
@Dependent
public class OptOutStore {

    /** One recorded opt-out or opt-in. */
    public record Event(boolean optedOut, String channel, String recordedBy, Instant recordedAt, String note) {}

    @PersistenceContext
    EntityManager em;

    /** The person's changes, newest first. */
    public List<Event> history(long personId) {
        return NativeRows.of(em.createNativeQuery("select opted_out, channel, recorded_by, recorded_at, note"
                                + " from opt_out_event where person_id = ? order by recorded_at desc, id desc")
                        .setParameter(1, personId))
                .stream()
                .map(r -> new Event(
                        r.get("opted_out", Boolean.class),
                        r.string("channel"),
                        r.string("recorded_by"),
                        r.get("recorded_at", Timestamp.class).toInstant(),
                        r.string("note")))
                .toList();
    }

    /** Sets the person's flag and keeps the change (note already stripped, or null). */
    public void record(long personId, boolean optOut, String channel, String recordedBy, String note) {
        em.createNativeQuery("update person set opted_out = ?, updated_at = now() where id = ?")
                .setParameter(1, optOut)
                .setParameter(2, personId)
                .executeUpdate();
        em.createNativeQuery("insert into opt_out_event (person_id, opted_out, channel, recorded_by, note)"
                        + " values (?, ?, ?, ?, ?)")
                .setParameter(1, personId)
                .setParameter(2, optOut)
                .setParameter(3, channel)
                .setParameter(4, recordedBy)
                .setParameter(5, note)
                .executeUpdate();
    }
}
