package org.openicr.archfixture.alpha.entity;

/** A plain entity. */
public record AlphaThing(String name) {}
