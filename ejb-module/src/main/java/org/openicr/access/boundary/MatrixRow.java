package org.openicr.access.boundary;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import org.openicr.vocabulary.Category;

/** One RBAC role's row of the role-to-category matrix, editable in the admin grid. */
public class MatrixRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String roleCode;
    private final String roleName;
    private final EnumSet<Category> categories;

    public MatrixRow(String roleCode, String roleName, Set<Category> categories) {
        this.roleCode = roleCode;
        this.roleName = roleName;
        this.categories = categories.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(categories);
    }

    public String getRoleCode() {
        return roleCode;
    }

    public String getRoleName() {
        return roleName;
    }

    public Set<Category> categories() {
        return EnumSet.copyOf(categories.isEmpty() ? EnumSet.noneOf(Category.class) : categories);
    }

    public boolean sees(Category category) {
        return categories.contains(category);
    }

    public void set(Category category, boolean sees) {
        if (sees) {
            categories.add(category);
        } else {
            categories.remove(category);
        }
    }
}
