package org.openicr.archfixture.gamma.entity;

/** A plain entity of a capability that keeps every rule. */
public record GammaThing(String name) {}
