package org.openicr.vocabulary;

/** The sealed-envelope tiers a source can put on an item. */
public enum Sensitivity {
    NORMAL,
    /** Shown as "withheld by the source" unless a role allowed to break the seal does so, with a justification. */
    SEALED,
    /** Visible only to users of the organisation that recorded it; never leaves that team. */
    SEALED_LOCKED
}
