package org.openicr.access.entity;

/**
 * How a patient search shows the people it finds, decided once per search so the query selects
 * only what may be shown. Restricted people's address, telephone and GP practice are never
 * selected; opted-out people are listed as "record not available for viewing" with no
 * demographics, to everyone: staff designated for safeguarding ({@code safeguardingDesignated})
 * see an opted-out person's details only while a safeguarding reason they declared for that person
 * holds, and are otherwise offered the reason step (issue 16, item 14).
 */
public record SearchScope(boolean safeguardingDesignated) {}
