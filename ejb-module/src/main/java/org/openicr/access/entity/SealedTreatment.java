package org.openicr.access.entity;

/** What a read scope does with the content of SEALED items recorded by other organisations. */
public enum SealedTreatment {
    /** The item is listed as "withheld by the source", without its content. */
    WITHHOLD_CONTENT,
    /** The seal is broken: the content is shown. */
    SHOW_CONTENT
}
