package org.openicr.access.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openicr.access.control.MatrixStore;
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

    @Inject
    MatrixStore store;

    @Resource
    SessionContext session;

    @EJB
    AuditTrail audit;

    public List<MatrixRow> rows() {
        Map<String, Set<Category>> byRole = store.current();
        return store.roles().stream()
                .map(r -> new MatrixRow(r.code(), r.name(), byRole.getOrDefault(r.code(), Set.of())))
                .toList();
    }

    /** Saves the rows that changed; answers how many roles changed. */
    public int save(List<MatrixRow> rows) {
        Map<String, Set<Category>> before = store.current();
        String by = session.getCallerPrincipal().getName();
        int changed = 0;
        for (MatrixRow row : rows) {
            Set<Category> old = before.getOrDefault(row.getRoleCode(), EnumSet.noneOf(Category.class));
            Set<Category> now = row.categories();
            if (old.equals(now)) {
                continue;
            }
            store.replace(row.getRoleCode(), now);
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
}
