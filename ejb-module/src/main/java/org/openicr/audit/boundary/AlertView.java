package org.openicr.audit.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A privacy-officer alert as the queue shows it: who, in which role, when, a person reference; no clinical data. */
public record AlertView(
        long id,
        Instant raisedAt,
        String kind,
        String username,
        String rbacRoleCode,
        String organisationOds,
        Long personId,
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
