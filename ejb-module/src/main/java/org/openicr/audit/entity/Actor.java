package org.openicr.audit.entity;

import java.util.Objects;

/**
 * Who acted: the account, and the role profile it acted in when it had one (source systems and
 * sign-in attempts have none).
 */
public record Actor(String username, String rbacRoleCode, String organisationOds) {

    public Actor {
        Objects.requireNonNull(username, "A username is required.");
    }

    public static Actor account(String username) {
        return new Actor(username, null, null);
    }
}
