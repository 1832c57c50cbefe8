package org.openicr.directory.boundary;

import java.io.Serializable;
import org.openicr.directory.entity.RoleProfile;

/** One role profile of a user, with the two attributes the organisation grants. */
public record ProfileRow(
        long id,
        String rbacRoleCode,
        String roleName,
        String organisationOds,
        String organisationName,
        boolean active,
        boolean safeguardingDesignated,
        boolean mayBreakSeal)
        implements Serializable {

    static ProfileRow of(RoleProfile profile) {
        return new ProfileRow(
                profile.getId(),
                profile.getRole().getCode(),
                profile.getRole().getName(),
                profile.getOrganisation().getOdsCode(),
                profile.getOrganisation().getName(),
                profile.isActive(),
                profile.isSafeguardingDesignated(),
                profile.isMayBreakSeal());
    }
}
