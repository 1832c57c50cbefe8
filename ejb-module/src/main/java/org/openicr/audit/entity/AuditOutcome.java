package org.openicr.audit.entity;

public enum AuditOutcome {
    SUCCESS,
    DENIED,
    FAILURE
}
