package org.openicr.directory.boundary;

import java.io.Serializable;
import org.openicr.directory.entity.RoleProfile;

/** A role profile as the header and the profile chooser show it. */
public record ProfileChoice(
        long id, String rbacRoleCode, String roleName, String organisationOds, String organisationName)
        implements Serializable {

    static ProfileChoice of(RoleProfile profile) {
        return new ProfileChoice(
                profile.getId(),
                profile.getRole().getCode(),
                profile.getRole().getName(),
                profile.getOrganisation().getOdsCode(),
                profile.getOrganisation().getName());
    }

    public String label() {
        return roleName + " (" + rbacRoleCode + ") at " + organisationName;
    }
}
