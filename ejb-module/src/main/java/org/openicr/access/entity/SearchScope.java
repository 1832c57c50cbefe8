package org.openicr.access.entity;

/**
 * How a patient search shows the people it finds, decided once per search so the query selects
 * only what may be shown. Restricted people's address, telephone and GP practice are never
 * selected; opted-out people are listed as "record not available for viewing" with no
 * demographics, unless {@code showsOptedOutPeople} (staff designated for safeguarding).
 */
public record SearchScope(boolean showsOptedOutPeople) {}
