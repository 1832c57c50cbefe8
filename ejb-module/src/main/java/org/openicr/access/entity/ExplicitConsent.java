package org.openicr.access.entity;

/** The state, now, of a person's explicit consent to be looked at: the basis of EXPLICIT_CONSENT. */
public enum ExplicitConsent {
    NOT_RECORDED,
    RECORDED,
    /** Consent was given and later withdrawn; withdrawal ends access at once. */
    WITHDRAWN
}
