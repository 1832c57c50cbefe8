package org.openicr.access.entity;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.openicr.vocabulary.Category;

/**
 * Which categories of the record each RBAC job role may read. The matrix is data (the directory
 * holds it and administrators change it); a role that is not in it sees nothing.
 */
public record RoleCategoryMatrix(Map<String, Set<Category>> categoriesByRole) {

    public RoleCategoryMatrix {
        Objects.requireNonNull(categoriesByRole, "The matrix is required.");
        Map<String, Set<Category>> copy = new TreeMap<>();
        categoriesByRole.forEach((role, categories) -> copy.put(role.strip(), enumSetOf(categories)));
        categoriesByRole = Collections.unmodifiableMap(copy);
    }

    /** The categories the role may read, in the order of {@link Category}; empty for an unknown role. */
    public Set<Category> categoriesFor(String roleCode) {
        return categoriesByRole.getOrDefault(roleCode, Set.of());
    }

    private static Set<Category> enumSetOf(Collection<Category> categories) {
        EnumSet<Category> set = EnumSet.noneOf(Category.class);
        set.addAll(categories);
        return Collections.unmodifiableSet(set);
    }
}
