package org.openicr.access.entity;

/** How one record item appears to a reader. */
public enum ItemVisibility {
    VISIBLE,
    /** The item is listed as "withheld by the source": the reader learns it exists, not what it says. */
    WITHHELD,
    /** The item is not shown at all, and the reader is not told it exists. */
    HIDDEN
}
