package org.openicr.directory.boundary;

import java.io.Serializable;
import org.openicr.directory.entity.RoleProfile;

/**
 * A role profile as the header and the profile chooser show it; {@code mayBreakSeal} lets the
 * record page offer the seal-break link (the boundary decides again); {@code personRoleId} is the
 * national role profile id of a profile the NHS identity gave (null for a local one), by which a
 * launch in context chooses the profile the clinician works in at the launching system.
 */
public record ProfileChoice(
        long id,
        String rbacRoleCode,
        String roleName,
        String organisationOds,
        String organisationName,
        boolean mayBreakSeal,
        String personRoleId)
        implements Serializable {

    static ProfileChoice of(RoleProfile profile) {
        return new ProfileChoice(
                profile.getId(),
                profile.getRole().getCode(),
                profile.getRole().getName(),
                profile.getOrganisation().getOdsCode(),
                profile.getOrganisation().getName(),
                profile.isMayBreakSeal(),
                profile.getPersonRoleId());
    }

    public String label() {
        return roleName + " (" + rbacRoleCode + ") at " + organisationName;
    }
}
