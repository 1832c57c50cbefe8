package org.openicr.archfixture.vocabulary;

import org.openicr.archfixture.alpha.entity.AlphaThing;

/** A shared value type that imports a capability (forbidden). */
public record LeakyTerm(AlphaThing thing) {}
