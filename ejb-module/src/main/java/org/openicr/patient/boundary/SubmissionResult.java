package org.openicr.patient.boundary;

/** What happened to a submitted person: created or updated, and the index's reference for them. */
public record SubmissionResult(long personId, boolean created) {}
