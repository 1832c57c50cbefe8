package org.openicr.access.entity;

/** How a care relationship rule finds a relationship in the record (db/V24, docs/care-relationships.md). */
public enum RelationshipKind {
    /** The person's registered GP practice is the reader's organisation. */
    REGISTERED_PRACTICE,
    /** A record item sent by the reader's organisation, of the rule's categories, within its window. */
    ORGANISATION_ITEM
}
