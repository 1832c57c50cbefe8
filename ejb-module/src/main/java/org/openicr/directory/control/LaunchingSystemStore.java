package org.openicr.directory.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openicr.directory.entity.LaunchingSystem;
import org.openicr.platform.NativeRows;

/**
 * The SQL of the launching systems and their used launch tokens (db/V26), for
 * {@code LaunchingSystems}. Runs on the caller's persistence context, so its statements share the
 * transaction of the audit events around them.
 */
@Dependent
public class LaunchingSystemStore {

    private static final String COLUMNS = "select id, name, iss, jwks_uri, ods_code, active from launching_system";

    @PersistenceContext
    EntityManager em;

    public Optional<LaunchingSystem> byIss(String iss) {
        return NativeRows.first(em.createNativeQuery(COLUMNS + " where iss = ?").setParameter(1, iss))
                .map(LaunchingSystemStore::system);
    }

    public List<LaunchingSystem> all() {
        return NativeRows.of(em.createNativeQuery(COLUMNS + " order by name")).stream()
                .map(LaunchingSystemStore::system)
                .toList();
    }

    /** Stores the token id as used; false when it was already (a replay). Prunes the expired first. */
    public boolean use(long systemId, String jti, Instant expiresAt) {
        em.createNativeQuery("delete from launch_used where expires_at < now() - interval '1 minute'")
                .executeUpdate();
        return em.createNativeQuery("insert into launch_used (launching_system_id, jti, expires_at)"
                                + " values (?, ?, ?) on conflict do nothing")
                        .setParameter(1, systemId)
                        .setParameter(2, jti)
                        .setParameter(3, Timestamp.from(expiresAt))
                        .executeUpdate()
                == 1;
    }

    public void insert(String name, String iss, String jwksUri, String odsCode) {
        em.createNativeQuery("insert into launching_system (name, iss, jwks_uri, ods_code) values (?, ?, ?, ?)")
                .setParameter(1, name)
                .setParameter(2, iss)
                .setParameter(3, jwksUri)
                .setParameter(4, odsCode)
                .executeUpdate();
    }

    /** Sets the system's active flag; false when there is no such system. */
    public boolean activate(long id, boolean active) {
        return em.createNativeQuery("update launching_system set active = ? where id = ?")
                        .setParameter(1, active)
                        .setParameter(2, id)
                        .executeUpdate()
                == 1;
    }

    private static LaunchingSystem system(NativeRows.Row row) {
        return new LaunchingSystem(
                row.get("id", Number.class).longValue(),
                row.string("name"),
                row.string("iss"),
                row.string("jwks_uri"),
                row.string("ods_code"),
                row.get("active", Boolean.class));
    }
}
