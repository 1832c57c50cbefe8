package org.openicr.directory.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.openicr.directory.entity.UserAccount;

/** A person's account as the administrator's user list and user page show it. */
public record UserRow(
        String username,
        String displayName,
        boolean enabled,
        boolean locked,
        int failedLogins,
        Instant lockedAt,
        Instant lastLoginAt,
        boolean mustChangePassword,
        List<ProfileRow> profiles)
        implements Serializable {

    static UserRow of(UserAccount account) {
        return new UserRow(
                account.getUsername(),
                account.getDisplayName(),
                account.isEnabled(),
                account.isLocked(),
                account.getFailedLogins(),
                account.getLockedAt(),
                account.getLastLoginAt(),
                account.isMustChangePassword(),
                account.getRoleProfiles().stream().map(ProfileRow::of).toList());
    }

    /** The active profiles in one line, for the list. */
    public String activeProfiles() {
        return String.join(
                "; ",
                profiles.stream()
                        .filter(ProfileRow::active)
                        .map(p -> p.rbacRoleCode() + " at " + p.organisationOds())
                        .toList());
    }
}
