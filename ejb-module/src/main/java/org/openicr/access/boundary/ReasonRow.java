package org.openicr.access.boundary;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import org.openicr.vocabulary.LegitimateReason;

/** One RBAC role's legitimate reasons, editable on the administrator's "Reasons per role" page. */
public class ReasonRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String roleCode;
    private final String roleName;
    private final EnumSet<LegitimateReason> reasons;

    public ReasonRow(String roleCode, String roleName, Set<LegitimateReason> reasons) {
        this.roleCode = roleCode;
        this.roleName = roleName;
        this.reasons = EnumSet.noneOf(LegitimateReason.class);
        this.reasons.addAll(reasons);
    }

    public String getRoleCode() {
        return roleCode;
    }

    public String getRoleName() {
        return roleName;
    }

    public Set<LegitimateReason> reasons() {
        EnumSet<LegitimateReason> copy = EnumSet.noneOf(LegitimateReason.class);
        copy.addAll(reasons);
        return copy;
    }

    public boolean gives(LegitimateReason reason) {
        return reasons.contains(reason);
    }

    public void set(LegitimateReason reason, boolean gives) {
        if (gives) {
            reasons.add(reason);
        } else {
            reasons.remove(reason);
        }
    }
}
