package org.openicr.access.entity;

/**
 * Whether the reader's role may see a category. The page shows "not available to your role" for
 * the second, so a reader never mistakes a hidden category for an empty one.
 */
public enum CategoryAccess {
    PERMITTED,
    NOT_AVAILABLE_TO_ROLE
}
