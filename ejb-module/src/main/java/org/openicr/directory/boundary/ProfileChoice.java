package org.openicr.directory.boundary;

import java.io.Serializable;
import org.openicr.directory.entity.RoleProfile;

/**
 * A role profile as the header and the profile chooser show it; {@code mayBreakSeal} lets the
 * record page offer the seal-break link (the boundary decides again).
 */
public record ProfileChoice(
        long id,
        String rbacRoleCode,
        String roleName,
        String organisationOds,
        String organisationName,
        boolean mayBreakSeal)
        implements Serializable {

    static ProfileChoice of(RoleProfile profile) {
        return new ProfileChoice(
                profile.getId(),
                profile.getRole().getCode(),
                profile.getRole().getName(),
                profile.getOrganisation().getOdsCode(),
                profile.getOrganisation().getName(),
                profile.isMayBreakSeal());
    }

    public String label() {
        return roleName + " (" + rbacRoleCode + ") at " + organisationName;
    }
}
