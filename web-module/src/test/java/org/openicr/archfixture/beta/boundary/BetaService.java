package org.openicr.archfixture.beta.boundary;

import org.openicr.archfixture.alpha.entity.AlphaThing;

/** beta imports alpha (and alpha imports beta: a cycle). */
public class BetaService {

    public String describe() {
        return new AlphaThing("beta").name();
    }
}
