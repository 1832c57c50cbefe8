package org.openicr.archfixture.vocabulary;

/** A shared value type that imports nothing of ours: allowed. */
public record Term(String code) {}
