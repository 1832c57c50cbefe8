package org.openicr.access.entity;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.openicr.vocabulary.LegitimateReason;

/**
 * Which legitimate reasons each RBAC job role may give for opening a record (table
 * {@code role_reason}, seeded from {@link AccessDefaults#ROLE_REASONS}). Data, like the matrix: a
 * role that is not in it may give none. Safeguarding also needs the role profile's designation.
 */
public record RoleReasons(Map<String, Set<LegitimateReason>> reasonsByRole) {

    public RoleReasons {
        Objects.requireNonNull(reasonsByRole, "The reasons by role are required.");
        Map<String, Set<LegitimateReason>> copy = new TreeMap<>();
        reasonsByRole.forEach((role, reasons) -> copy.put(role.strip(), enumSetOf(reasons)));
        reasonsByRole = Collections.unmodifiableMap(copy);
    }

    /** The reasons the role may give, in the order of {@link LegitimateReason}; empty for an unknown role. */
    public Set<LegitimateReason> reasonsFor(String roleCode) {
        return reasonsByRole.getOrDefault(roleCode, Set.of());
    }

    private static Set<LegitimateReason> enumSetOf(Collection<LegitimateReason> reasons) {
        EnumSet<LegitimateReason> set = EnumSet.noneOf(LegitimateReason.class);
        set.addAll(reasons);
        return Collections.unmodifiableSet(set);
    }
}
