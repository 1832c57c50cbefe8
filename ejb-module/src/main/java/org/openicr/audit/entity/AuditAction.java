package org.openicr.audit.entity;

/** What was done. Stored by name: add new ones, never rename. */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILURE,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    LOGOUT,
    PATIENT_SEARCH,
    MESSAGE_INGESTED,
    MESSAGE_REPLAYED
}
