package org.openicr.access.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openicr.audit.control.AuditTrail;
import org.openicr.audit.entity.Actor;
import org.openicr.audit.entity.AuditAction;
import org.openicr.audit.entity.AuditEvent;
import org.openicr.audit.entity.AuditOutcome;
import org.openicr.platform.Roles;
import org.openicr.vocabulary.Category;

/**
 * The role-to-category matrix as administrators edit it: one row per RBAC role, one column per
 * category. A change applies to the next read of every record (the access decision reads the row
 * each time) and is audited per role with the categories before and after.
 */
@Stateless
@RolesAllowed(Roles.ADMINISTRATOR)
public class MatrixAdministration {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    public List<MatrixRow> rows() {
        Map<String, Set<Category>> byRole = current();
        @SuppressWarnings("unchecked")
        List<Object[]> roles = em.createNativeQuery("select code, name from rbac_role order by code")
                .getResultList();
        return roles.stream()
                .map(r -> new MatrixRow((String) r[0], (String) r[1], byRole.getOrDefault((String) r[0], Set.of())))
                .toList();
    }

    /** Saves the rows that changed; answers how many roles changed. */
    public int save(List<MatrixRow> rows) {
        Map<String, Set<Category>> before = current();
        String by = session.getCallerPrincipal().getName();
        int changed = 0;
        for (MatrixRow row : rows) {
            Set<Category> old = before.getOrDefault(row.getRoleCode(), EnumSet.noneOf(Category.class));
            Set<Category> now = row.categories();
            if (old.equals(now)) {
                continue;
            }
            em.createNativeQuery("delete from role_category where rbac_role_code = ?")
                    .setParameter(1, row.getRoleCode())
                    .executeUpdate();
            for (Category category : now) {
                em.createNativeQuery("insert into role_category (rbac_role_code, category) values (?, ?)")
                        .setParameter(1, row.getRoleCode())
                        .setParameter(2, category.name())
                        .executeUpdate();
            }
            audit.record(new AuditEvent(
                    AuditAction.MATRIX_CHANGED,
                    AuditOutcome.SUCCESS,
                    Actor.account(by),
                    null,
                    "role " + row.getRoleCode() + ": before " + old + " after " + now));
            changed++;
        }
        return changed;
    }

    private Map<String, Set<Category>> current() {
        @SuppressWarnings("unchecked")
        List<Object[]> cells = em.createNativeQuery("select rbac_role_code, category from role_category")
                .getResultList();
        Map<String, Set<Category>> byRole = new LinkedHashMap<>();
        for (Object[] cell : cells) {
            byRole.computeIfAbsent((String) cell[0], r -> EnumSet.noneOf(Category.class))
                    .add(Category.valueOf((String) cell[1]));
        }
        return byRole;
    }
}
