package org.openicr.audit.boundary;

import java.io.Serializable;
import java.time.Instant;

/** One audit event as the privacy officer's search lists it: who, when, what, a person reference; no clinical data. */
public record AuditRow(
        long id,
        Instant occurredAt,
        String action,
        String outcome,
        String username,
        String rbacRoleCode,
        String organisationOds,
        Long personId,
        String nhsNumber,
        String purposeOfUse,
        String detail)
        implements Serializable {}
