package org.openicr.access.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openicr.platform.NativeRows;
import org.openicr.vocabulary.LegitimateReason;

/**
 * The SQL of the reasons per role (table {@code role_reason}) as administrators edit them; the
 * access decision reads them through {@link AccessFacts} at every reason step and every record
 * read. Runs on the caller's persistence context, so its statements share the transaction of the
 * audit events around them.
 */
@Dependent
public class RoleReasonStore {

    @PersistenceContext
    EntityManager em;

    /** The reasons each role may give today (roles that may give none are absent). */
    public Map<String, Set<LegitimateReason>> current() {
        Map<String, Set<LegitimateReason>> byRole = new LinkedHashMap<>();
        for (NativeRows.Row row :
                NativeRows.of(em.createNativeQuery("select rbac_role_code, reason from role_reason"))) {
            byRole.computeIfAbsent(row.string("rbac_role_code"), r -> EnumSet.noneOf(LegitimateReason.class))
                    .add(LegitimateReason.valueOf(row.string("reason")));
        }
        return byRole;
    }

    /** Replaces the role's reasons: one delete, then one insert per reason. */
    public void replace(String roleCode, Set<LegitimateReason> reasons) {
        em.createNativeQuery("delete from role_reason where rbac_role_code = ?")
                .setParameter(1, roleCode)
                .executeUpdate();
        for (LegitimateReason reason : reasons) {
            em.createNativeQuery("insert into role_reason (rbac_role_code, reason) values (?, ?)")
                    .setParameter(1, roleCode)
                    .setParameter(2, reason.name())
                    .executeUpdate();
        }
    }
}
