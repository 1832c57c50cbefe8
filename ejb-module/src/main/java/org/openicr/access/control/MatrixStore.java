package org.openicr.access.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openicr.vocabulary.Category;

/**
 * The SQL of the role-to-category matrix as administrators edit it (the access decision reads the
 * matrix through {@link AccessFacts}). Runs on the caller's persistence context, so its statements
 * share the transaction and connection of the audit events around them. Rows are read here, by the
 * one class that writes their select, into named values.
 */
@Dependent
public class MatrixStore {

    /** One RBAC role. */
    public record Role(String code, String name) {}

    @PersistenceContext
    EntityManager em;

    /** Every RBAC role, by code. */
    public List<Role> roles() {
        @SuppressWarnings("unchecked")
        List<Object[]> roles = em.createNativeQuery("select code, name from rbac_role order by code")
                .getResultList();
        return roles.stream().map(r -> new Role((String) r[0], (String) r[1])).toList();
    }

    /** The categories each role sees today (roles that see none are absent). */
    public Map<String, Set<Category>> current() {
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
