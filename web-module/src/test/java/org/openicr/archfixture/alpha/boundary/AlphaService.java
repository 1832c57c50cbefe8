package org.openicr.archfixture.alpha.boundary;

import org.openicr.archfixture.beta.boundary.BetaService;

/** alpha imports beta (and beta imports alpha: a cycle). */
public class AlphaService {

    private final BetaService beta = new BetaService();

    public String name() {
        return beta.describe();
    }
}
