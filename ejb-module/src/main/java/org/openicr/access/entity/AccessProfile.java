package org.openicr.access.entity;

import java.util.Objects;
import org.openicr.vocabulary.SharingMode;

/**
 * The role profile a user acts in, as the access decision needs it: the NHS RBAC job role, the
 * organisation and its state, and two attributes the directory holds per role profile rather than
 * per role, because organisations designate individual staff: whether the profile is designated for
 * safeguarding, and whether it may break a seal (RBAC activity B0083, temporary access to sealed data).
 */
public record AccessProfile(
        String roleCode,
        long organisationId,
        String organisationOdsCode,
        boolean organisationActive,
        SharingMode organisationSharingMode,
        boolean safeguardingDesignated,
        boolean mayBreakSeal) {

    public AccessProfile {
        if (roleCode == null || roleCode.isBlank()) {
            throw new IllegalArgumentException("An RBAC role code is required.");
        }
        if (organisationOdsCode == null || organisationOdsCode.isBlank()) {
            throw new IllegalArgumentException("The organisation's ODS code is required.");
        }
        Objects.requireNonNull(organisationSharingMode, "The organisation's sharing mode is required.");
        roleCode = roleCode.strip();
        organisationOdsCode = organisationOdsCode.strip();
    }
}
