package org.openicr.access.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openicr.platform.NativeRows;
import org.openicr.vocabulary.Category;

/**
 * The SQL of the role-to-category matrix as administrators edit it (the access decision reads the
 * matrix through {@link AccessFacts}). Runs on the caller's persistence context, so its statements
 * share the transaction and connection of the audit events around them. Rows are read by column name
 * ({@link NativeRows}).
 */
@Dependent
public class MatrixStore {

    /** One RBAC role. */
    public record Role(String code, String name) {}

    @PersistenceContext
    EntityManager em;

    /** Every RBAC role, by code. */
    public List<Role> roles() {
        return NativeRows.of(em.createNativeQuery("select code, name from rbac_role order by code")).stream()
                .map(r -> new Role(r.string("code"), r.string("name")))
                .toList();
    }

    /** The categories each role sees today (roles that see none are absent). */
    public Map<String, Set<Category>> current() {
        Map<String, Set<Category>> byRole = new LinkedHashMap<>();
        for (NativeRows.Row cell :
                NativeRows.of(em.createNativeQuery("select rbac_role_code, category from role_category"))) {
            byRole.computeIfAbsent(cell.string("rbac_role_code"), r -> EnumSet.noneOf(Category.class))
                    .add(Category.valueOf(cell.string("category")));
        }
        return byRole;
    }

    /** Replaces the role's row: one delete, then one insert per category. */
    public void replace(String roleCode, Set<Category> categories) {
        em.createNativeQuery("delete from role_category where rbac_role_code = ?")
                .setParameter(1, roleCode)
                .executeUpdate();
        for (Category category : categories) {
            em.createNativeQuery("insert into role_category (rbac_role_code, category) values (?, ?)")
                    .setParameter(1, roleCode)
                    .setParameter(2, category.name())
                    .executeUpdate();
        }
    }
}
