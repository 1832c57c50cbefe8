package org.openicr.directory.boundary;

import java.time.Instant;

/** A locked account as the administrator's unlock list shows it. */
public record LockedAccount(String username, String displayName, String kind, Instant lockedAt, int failedLogins) {}
