package org.openicr.audit.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A privacy-officer alert as the queue shows it: who (username, display name, organisation's name),
 * in which role, when, the person (NHS Number 3-3-4 and name); no clinical data.
 */
public record AlertView(
        long id,
        Instant raisedAt,
        String kind,
        String username,
        String userDisplayName,
        String rbacRoleCode,
        String organisationOds,
        String organisationName,
        Long personId,
        String nhsNumber,
        String personName,
        String reason,
        String justification,
        Instant reviewedAt,
        String reviewedBy,
        String reviewOutcome,
        String reviewNote,
        String detail)
        implements Serializable {

    public boolean isOpen() {
        return reviewedAt == null;
    }
}
